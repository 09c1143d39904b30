import { gateSending } from '../chat/gate';
import type { HandlersOf } from '../ipc/handlers';
import type { AttestationService } from './service';

/** The attestation channels: verdicts, proofs, the provider's attestation and pins. */
export function attestationHandlers(service: AttestationService): HandlersOf<'attestation'> {
  return {
    'attestation:answers': (input) => service.verdicts(input.messageIds),
    'attestation:reverify': (input) => service.reverify(input.messageId),
    'attestation:exportProof': (input) => service.exportProof(input.messageId),
    'attestation:provider': (input) => service.providerStatus(input.providerId, input.model),
    'attestation:check': (input) => service.check(input.providerId, input.model),
    'attestation:setRequire': (input) => service.setRequire(input.providerId, input.require),
    'attestation:collateral': (input) => service.collateral(input.providerId),
    'attestation:setCollateral': (input) => service.setCollateral(input.providerId, input.url),
    'attestation:pins': (input) => service.pins(input.providerId),
    'attestation:pin': (input) =>
      service.pin(input.providerId, input.appId, input.composeHash, input.compose),
  };
}

type ChatHandlers = HandlersOf<'chat'>;

/**
 * "Require verification": every channel that sends to the provider first asks the attestation
 * service, which refuses (as data: invalid_request with the reason) when the thread's provider
 * is unverified. Nothing is stored or sent before that.
 */
export function gateChat(
  handlers: ChatHandlers,
  service: Pick<AttestationService, 'gate'>,
  settingsOf: (threadId: string) => { providerId: string | null; model: string | null },
): ChatHandlers {
  return gateSending(handlers, async (threadId) => {
    const { providerId, model } = settingsOf(threadId);
    if (providerId !== null && model !== null) await service.gate(providerId, model);
  });
}
