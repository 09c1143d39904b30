import type { Message } from '../contract';
import type {
  AnswerVerdict,
  AttestationReport,
  CollateralSetting,
  ProviderAttestation,
} from '../contract/attestation';
import type { EventSink } from '../ipc/handlers';
import { AnswerChecks } from './answers';
import { ExchangeCapture } from './capture';
import type { AttestationDeps } from './deps';
import type { EvidenceNet } from './fetchEvidence';
import { Pins } from './pins';
import { ProviderChecks } from './providers';
import { EvidenceSources, FRESH_MS } from './sources';

export type { AttestationDeps, AttestationOptions } from './deps';
export { FRESH_MS };

/**
 * Verifies answers after they end (answers.ts), the provider's current attestation
 * (providers.ts), and keeps the pins (pins.ts); what they rest on is fetched and checked once in
 * sources.ts. This is the face the IPC handlers and the composition root see.
 */
export class AttestationService {
  readonly capture = new ExchangeCapture();
  private readonly running = new Set<Promise<unknown>>();
  /** Reports, collateral, TLS keys and the evidence worker behind each verdict. */
  readonly sources: EvidenceSources;
  private readonly answers: AnswerChecks;
  private readonly providers: ProviderChecks;
  private readonly pinned: Pins;

  constructor(private readonly deps: AttestationDeps) {
    const now = deps.now ?? Date.now;
    const net: EvidenceNet = { fetch: deps.fetch, auth: (id) => deps.providers.requestAuth(id) };
    this.sources = new EvidenceSources(deps, now, net);
    this.pinned = new Pins(deps.store, deps.providers, now);
    this.answers = new AnswerChecks(deps, this.sources, this.pinned, this.capture, net, now);
    this.providers = new ProviderChecks(deps, this.sources, this.pinned, now, (work) => this.track(work));
  }

  /** Passes every event on, and starts verifying each answer the chat engine reports as ended. */
  watch(sink: EventSink): EventSink {
    return {
      broadcast: (event, payload) => sink.broadcast(event, payload),
      toSender: (senderId, event, payload) => {
        sink.toSender(senderId, event, payload);
        if (event !== 'chat:stream') return;
        const streamEvent = payload as { type: string; messages?: Message[] };
        if (streamEvent.type !== 'ended') return;
        for (const message of streamEvent.messages ?? []) this.track(this.verifyMessage(message));
      },
    };
  }

  private track(work: Promise<unknown>): void {
    const guarded = work.catch((error: unknown) => this.deps.log?.(`attestation: ${String(error)}`));
    this.running.add(guarded);
    void guarded.finally(() => this.running.delete(guarded));
  }

  /** Waits for verifications in flight (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async close(): Promise<void> {
    await this.settle();
    await this.sources.verifier.close();
  }

  verifyMessage(message: Message): Promise<AnswerVerdict | null> {
    return this.answers.verifyMessage(message);
  }

  /** Each answer's verdict, null where it has none, keyed by message id. */
  verdicts(messageIds: readonly string[]): Record<string, AnswerVerdict | null> {
    return Object.fromEntries(messageIds.map((id) => [id, this.answers.answer(id)]));
  }

  reverify(messageId: string): Promise<AnswerVerdict> {
    return this.answers.reverify(messageId);
  }

  exportProof(messageId: string): { fileName: string; text: string } {
    return this.answers.exportProof(messageId);
  }

  providerStatus(providerId: string, model?: string): ProviderAttestation {
    return this.providers.status(providerId, model);
  }

  setRequire(providerId: string, require: boolean): ProviderAttestation {
    return this.providers.setRequire(providerId, require);
  }

  gate(providerId: string, model: string): Promise<void> {
    return this.providers.gate(providerId, model);
  }

  check(providerId: string, model?: string): Promise<AttestationReport> {
    return this.providers.check(providerId, model);
  }

  collateral(providerId: string): CollateralSetting {
    this.deps.providers.get(providerId);
    return this.sources.collateral.setting(providerId);
  }

  setCollateral(providerId: string, url: string | null): CollateralSetting {
    this.deps.providers.get(providerId);
    return this.sources.collateral.set(providerId, url);
  }

  pins(providerId: string) {
    return this.pinned.list(providerId);
  }

  pin(providerId: string, appId: string, composeHash: string, compose: string | null) {
    return this.pinned.pin(providerId, appId, composeHash, compose);
  }
}
