import type { HandlersOf } from '../ipc/handlers';
import type { AttestationService } from './service';

/** The attestation channels: verdicts, proofs, the provider's attestation and pins. */
export function attestationHandlers(service: AttestationService): HandlersOf<'attestation'> {
  return {
    'attestation:answer': (input) => service.answer(input.messageId),
    'attestation:reverify': (input) => service.reverify(input.messageId),
    'attestation:exportProof': (input) => service.exportProof(input.messageId),
    'attestation:provider': (input) => service.providerStatus(input.providerId, input.model),
    'attestation:check': (input) => service.check(input.providerId, input.model),
    'attestation:setRequire': (input) => service.setRequire(input.providerId, input.require),
    'attestation:pins': (input) => service.pins(input.providerId),
    'attestation:pin': (input) =>
      service.pin(input.providerId, input.appId, input.composeHash, input.compose),
  };
}

type ChatHandlers = HandlersOf<'chat'>;
const SENDING = [
  'chat:send',
  'chat:answerTools',
  'chat:regenerate',
  'chat:continue',
  'chat:compare',
] as const;

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
  const gated = { ...handlers };
  for (const name of SENDING) {
    const inner = handlers[name] as (
      input: { threadId: string },
      ctx: Parameters<ChatHandlers[typeof name]>[1],
    ) => unknown;
    (gated as Record<string, unknown>)[name] = async (
      input: { threadId: string },
      ctx: Parameters<ChatHandlers[typeof name]>[1],
    ) => {
      const { providerId, model } = settingsOf(input.threadId);
      if (providerId !== null && model !== null) await service.gate(providerId, model);
      return inner(input, ctx);
    };
  }
  return gated;
}
