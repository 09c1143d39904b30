import type { Message, Provider } from '../contract';
import { AppFailure, LEVEL_LABEL, levelRank } from '../contract';
import type {
  AnswerVerdict,
  AttestationReport,
  ProviderAttestation,
  TranscriptCheck,
} from '../contract/attestation';
import type { EventSink } from '../ipc/handlers';
import type { BundleInput, ProofBundle, ProviderKind } from './bundle';
import type { CapturedExchange } from './capture';
import { ExchangeCapture } from './capture';
import { lineDiff } from './diff';
import type { EvidenceNet, FetchedReport, SignatureFetch } from './fetchEvidence';
import { fetchLegacySignature, fetchReceipt, freshNonce, galadrielSignature, kindOf } from './fetchEvidence';
import type { AttestationStore } from './store';
import type { ProbeOptions } from './channel';
import type { CollateralNeed } from './collateral/needs';
import type { CollateralSource } from './collateral/pcs';
import type { ReportCheck } from './report';
import type { CurrentReport } from './sources';
import { EvidenceSources, FRESH_MS } from './sources';
import { judgeAnswer } from './verdict';
import type { EvidenceWorkerSpec } from './worker/client';

export { FRESH_MS };

/** What the composition root may override (tests): the worker, and later the collateral source. */
export interface AttestationOptions {
  /** The evidence worker; null checks reports on this thread (unit tests). */
  worker?: EvidenceWorkerSpec | null;
  /** Where Intel collateral is fetched: Intel's PCS by default, a PCCS, or null for never. */
  collateral?: CollateralSource | null;
  /** The TLS probe for channel binding (extra CAs in tests); null never probes. */
  tls?: ProbeOptions | null;
}

export interface AttestationDeps extends AttestationOptions {
  store: AttestationStore;
  providers: { get(id: string): Provider; requestAuth(id: string): Promise<Record<string, string>> };
  /** Whether the provider labels the model confidential. */
  confidential: (providerId: string, model: string) => Promise<boolean>;
  fetch: typeof fetch;
  events: Pick<EventSink, 'broadcast'>;
  now?: () => number;
  log?: (message: string) => void;
}

const pinsFor = (deps: AttestationDeps, providerId: string) =>
  deps.store
    .pins(providerId)
    .filter((p) => p.status === 'trusted')
    .map((p) => ({
      appId: p.appId,
      composeHash: p.composeHash,
      ...(p.compose ? { composeFile: p.compose } : {}),
    }));

/** Verifies answers after they end, the provider's current attestation, and exports proofs. */
export class AttestationService {
  readonly capture = new ExchangeCapture();
  private readonly now: () => number;
  private readonly net: EvidenceNet;
  private readonly running = new Set<Promise<unknown>>();
  /** Reports, collateral, TLS keys and the evidence worker behind each verdict. */
  readonly sources: EvidenceSources;

  constructor(private readonly deps: AttestationDeps) {
    this.now = deps.now ?? Date.now;
    this.net = { fetch: deps.fetch, auth: (id) => deps.providers.requestAuth(id) };
    this.sources = new EvidenceSources(deps, this.now, this.net);
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

  private publish(verdict: AnswerVerdict): void {
    this.deps.events.broadcast('attestation:changed', {
      providerId: verdict.providerId,
      verdict,
      provider: null,
    });
  }

  async verifyMessage(message: Message): Promise<AnswerVerdict | null> {
    const meta = message.meta;
    if (
      message.role !== 'assistant' ||
      meta?.responseSha256 == null ||
      message.providerId === null ||
      message.model === null
    )
      return null;
    if (message.status !== 'complete') return null;
    const exchange = this.capture.take(meta.requestBody, meta.responseSha256);
    let provider: Provider;
    try {
      provider = this.deps.providers.get(message.providerId);
    } catch {
      return null;
    }
    const kind = kindOf(provider);
    const labelled = await this.deps.confidential(provider.id, message.model).catch(() => false);
    const receiptId = exchange?.receiptId ?? null;
    // Phala/NEAR: confidential models only (others are not meant to be attested); Galadriel's
    // verified endpoint: every answer; any other gateway: when it sent an ACI receipt.
    const attestable = kind === 'galadriel' || (kind === 'generic' ? receiptId !== null : labelled);
    if (!attestable) return null;
    const checking = this.verdictOf(
      message,
      {
        state: 'checking',
        level: 'unverified',
        claim: 'none',
        reason: null,
        failedCheck: null,
        format: null,
        checks: [],
      },
      false,
    );
    this.publish(checking);
    const evidence = await this.gather(message, provider, kind, labelled, exchange);
    const report = await this.sources.hardwareOf(evidence.input, evidence.reportId);
    this.sources.judged(report, evidence.needs);
    return this.judgeAndSave(message, evidence.input, evidence.reportId, report);
  }

  private verdictOf(
    message: Pick<Message, 'id' | 'providerId' | 'model'>,
    core: Omit<AnswerVerdict, 'messageId' | 'providerId' | 'model' | 'rechecking' | 'at' | 'exportable'>,
    exportable: boolean,
  ): AnswerVerdict {
    return {
      ...core,
      messageId: message.id,
      providerId: message.providerId,
      model: message.model,
      rechecking: false,
      at: this.now(),
      exportable,
    };
  }

  private async gather(
    message: Message,
    provider: Provider,
    kind: ProviderKind,
    labelled: boolean,
    exchange: CapturedExchange | null,
  ): Promise<{ input: BundleInput; reportId: string | null; needs: CollateralNeed[] }> {
    const meta = message.meta!;
    const model = message.model!;
    const chatId = meta.completionId;
    let signature: SignatureFetch;
    let report: FetchedReport | null = null;
    let reportId: string | null = null;
    let reportProblem: string | null = null;
    let current: CurrentReport | null = null;
    // Phala and NEAR sign with the legacy format; an ACI receipt is how any other gateway may.
    if (exchange?.receiptId && kind === 'generic') {
      const nonce = freshNonce();
      const receipt = await fetchReceipt(this.net, provider, exchange.receiptId, nonce);
      signature = receipt;
      // The gateway's ACI report, fetched with our nonce beside the receipt: its quote is checked too.
      if (receipt.report !== undefined)
        report = {
          endpoint: `${provider.baseUrl.replace(/\/+$/, '')}/aci/report`,
          nonce,
          fetchedAt: this.now(),
          body: receipt.report,
        };
    } else if (kind === 'galadriel') {
      signature = exchange
        ? galadrielSignature(exchange.responseBody)
        : { signature: null, problem: 'The response bytes were not kept.' };
    } else if (chatId === null) {
      signature = {
        signature: null,
        problem: 'The answer carries no completion id to ask for its signature.',
      };
    } else {
      signature = await fetchLegacySignature(this.net, provider, chatId, model);
    }
    if (kind === 'phala' || kind === 'near') {
      current = await this.sources.currentReport(provider, model);
      report = current.report;
      reportId = current.id;
      reportProblem = current.problem;
    }
    const channel =
      report !== null || signature.signature?.format === 'aci-receipt'
        ? await this.sources.channelOf(provider)
        : null;
    const input: BundleInput = {
      judgedAt: new Date(this.now()).toISOString(),
      provider: { name: provider.name, kind, baseUrl: provider.baseUrl },
      model,
      labelledConfidential: labelled,
      chatId,
      request: { url: meta.url, body: meta.requestBody },
      response: {
        sha256: meta.responseSha256!,
        bodyBase64: exchange?.responseBody ? Buffer.from(exchange.responseBody).toString('base64') : null,
        receiptId: exchange?.receiptId ?? null,
      },
      signature: signature.signature,
      signatureProblem: signature.problem,
      report,
      reportProblem,
      collateral: current?.collateral ?? null,
      ...(current && current.notes.length > 0 ? { collateralNotes: current.notes } : {}),
      pins: pinsFor(this.deps, provider.id),
      ...(channel ? { channel } : {}),
    };
    return { input, reportId, needs: current?.needs ?? [] };
  }

  private judgeAndSave(
    message: Message,
    input: BundleInput,
    reportId: string | null,
    report: ReportCheck | null,
  ): AnswerVerdict {
    // Only the signature is checked here, on main: the report was checked in the worker.
    const verdict = this.verdictOf(message, judgeAnswer(input, new Date(input.judgedAt), report), true);
    this.deps.store.saveVerdict(verdict, input, reportId);
    if (message.usageId !== null) this.deps.store.recordUsageLevel(message.usageId, verdict.level);
    this.publish(verdict);
    return verdict;
  }

  answer(messageId: string): AnswerVerdict | null {
    return this.deps.store.verdict(messageId);
  }

  /** Judges the stored evidence again, now; the shield shows "re-verifying" meanwhile. */
  async reverify(messageId: string): Promise<AnswerVerdict> {
    const previous = this.deps.store.verdict(messageId);
    const input = this.deps.store.evidence(messageId);
    if (previous === null || input === null)
      throw new AppFailure('not_found', 'This answer has no stored evidence to check again.');
    this.publish({ ...previous, rechecking: true });
    const fresh = {
      ...input,
      judgedAt: new Date(this.now()).toISOString(),
      pins: pinsFor(this.deps, previous.providerId ?? ''),
    };
    const core = judgeAnswer(fresh, new Date(fresh.judgedAt), await this.sources.hardwareOf(fresh, null));
    const verdict: AnswerVerdict = {
      ...previous,
      ...core,
      rechecking: false,
      at: this.now(),
      exportable: true,
    };
    this.deps.store.saveVerdict(verdict, fresh, null);
    this.publish(verdict);
    return verdict;
  }

  exportProof(messageId: string): { fileName: string; text: string } {
    const input = this.deps.store.evidence(messageId);
    const verdict = this.deps.store.verdict(messageId);
    if (input === null || verdict === null)
      throw new AppFailure('not_found', 'This answer has no stored evidence to export.');
    const { state, level, claim, reason, failedCheck, format, checks } = verdict;
    const bundle: ProofBundle = {
      format: 'llm-desk-proof/1',
      exportedAt: new Date(this.now()).toISOString(),
      ...input,
      verdict: { state, level, claim, reason, failedCheck, format, checks },
    };
    return { fileName: `proof-${messageId.slice(0, 8)}.json`, text: `${JSON.stringify(bundle, null, 2)}\n` };
  }

  // ---------- the provider: composer badge, panel, "require verification" ----------

  providerStatus(providerId: string, model?: string): ProviderAttestation {
    const provider = this.deps.providers.get(providerId);
    const require = this.deps.store.requireVerification(providerId);
    const stored = this.deps.store.providerStatus(providerId);
    const kind = kindOf(provider);
    if (kind === 'generic' || kind === 'galadriel') {
      const reason =
        kind === 'galadriel'
          ? 'Galadriel proves each answer in its response (notarised); there is no report to check before sending.'
          : 'This provider publishes no attestation the app knows how to check.';
      return {
        providerId,
        state: 'unsupported',
        level: 'unverified',
        reason,
        checkedAt: null,
        freshUntil: null,
        requireVerification: require,
      };
    }
    const fresh = stored !== null && stored.freshUntil !== null && stored.freshUntil > this.now();
    if (
      stored &&
      (fresh || stored.state === 'unverified') &&
      stored.checkedAt !== null &&
      this.now() - stored.checkedAt < FRESH_MS
    )
      return { ...stored, requireVerification: require };
    this.track(
      this.check(providerId, model).catch((error: unknown) => {
        // Whatever went wrong, the badge must not stay grey: it says so, amber.
        const failed: ProviderAttestation = {
          providerId,
          state: 'unverified',
          level: 'unverified',
          reason: `The attestation could not be checked: ${error instanceof Error ? error.message : String(error)}`,
          checkedAt: this.now(),
          freshUntil: null,
          requireVerification: this.deps.store.requireVerification(providerId),
        };
        this.deps.store.saveProviderStatus(failed);
        this.deps.events.broadcast('attestation:changed', { providerId, verdict: null, provider: failed });
      }),
    );
    return {
      providerId,
      state: 'checking',
      level: stored?.level ?? 'unverified',
      reason: null,
      checkedAt: stored?.checkedAt ?? null,
      freshUntil: null,
      requireVerification: require,
    };
  }

  setRequire(providerId: string, require: boolean): ProviderAttestation {
    this.deps.providers.get(providerId);
    this.deps.store.setRequire(providerId, require);
    return this.providerStatus(providerId);
  }

  /** Refuses a send to an unverified provider when the user asked for verification. */
  async gate(providerId: string, model: string): Promise<void> {
    if (!this.deps.store.requireVerification(providerId)) return;
    const confidential = await this.deps.confidential(providerId, model).catch(() => true);
    if (!confidential) return;
    let status = this.deps.store.providerStatus(providerId);
    if (status?.state !== 'verified' || (status.freshUntil ?? 0) <= this.now()) {
      await this.check(providerId, model).catch(() => undefined);
      status = this.deps.store.providerStatus(providerId);
    }
    if (status?.state === 'verified' && (status.freshUntil ?? 0) > this.now()) return;
    const name = this.deps.providers.get(providerId).name;
    throw new AppFailure(
      'invalid_request',
      `Not sent: ${name} requires verification and its attestation did not verify — ${status?.reason ?? 'it could not be checked'}. Turn off "Require verification" in its Attestation panel to send anyway.`,
      { detail: { field: 'attestation' } },
    );
  }

  /** The panel: fetch the report with a fresh nonce, check it, compare with the pins. */
  async check(providerId: string, model?: string): Promise<AttestationReport> {
    const provider = this.deps.providers.get(providerId);
    const nowMs = this.now();
    const require = this.deps.store.requireVerification(providerId);
    const got = await this.sources.currentReport(provider, model ?? null, true);
    const pins = this.deps.store.pins(providerId);
    const at = new Date(nowMs).toISOString();
    const base: AttestationReport = {
      providerId,
      model: model ?? null,
      endpoint: `${provider.baseUrl.replace(/\/+$/, '')}/attestation/report`,
      nonce: got.report?.nonce ?? '',
      fetchedAt: nowMs,
      level: 'unverified',
      reason: got.problem,
      checks: [],
      measurements: [],
      chains: [],
      compose: null,
      appId: null,
      composeHash: null,
      signingAddress: null,
      pinChange: null,
      pins,
    };
    let report = base;
    if (got.report !== null) {
      const checked = (await this.sources.evidence(
        {
          kind: 'report',
          input: {
            body: got.report.body,
            nonce: got.report.nonce,
            now: new Date(nowMs),
            collateral: got.collateral,
            collateralNotes: got.notes,
            channel: await this.sources.channelOf(provider),
            pins: pinsFor(this.deps, providerId),
            model: model ?? null,
          },
        },
        null,
      ))!;
      this.sources.judged(checked, got.needs);
      const pinned = pins.find((p) => p.status === 'trusted' && p.appId === checked.appId);
      const pinChange =
        pinned && checked.composeHash && pinned.composeHash !== checked.composeHash
          ? {
              appId: pinned.appId,
              pinnedHash: pinned.composeHash,
              seenHash: checked.composeHash,
              diff: pinned.compose && checked.compose ? lineDiff(pinned.compose, checked.compose) : '',
            }
          : null;
      if (pinned && !pinChange && checked.composeHash)
        this.deps.store.seen(providerId, pinned.appId, checked.composeHash, nowMs);
      // The lowest rung's problem first: a nonce that does not bind matters more than stale collateral.
      const stop = checked.checks
        .filter((c) => !c.supplementary && (c.status === 'fail' || c.status === 'warn'))
        .reduce<TranscriptCheck | undefined>(
          (worst, c) => (worst === undefined || levelRank(c.level) < levelRank(worst.level) ? c : worst),
          undefined,
        );
      report = {
        ...base,
        level: checked.level,
        checks: checked.checks,
        measurements: checked.measurements,
        chains: checked.chains,
        compose: checked.compose,
        appId: checked.appId,
        composeHash: checked.composeHash,
        signingAddress: checked.signingAddress,
        pinChange,
        reason: pinChange
          ? `The compose hash of ${pinChange.appId} changed since you pinned it.`
          : stop
            ? `${stop.label}: ${stop.reason}`
            : null,
      };
    } else {
      report.checks = [
        {
          id: 'report.available',
          label: 'Attestation report',
          status: 'fail',
          reason: got.problem ?? 'unavailable',
          at,
          level: 'hardware-bound',
        },
      ];
    }
    const verified = levelRank(report.level) >= levelRank('hardware-bound') && report.pinChange === null;
    const status: ProviderAttestation = {
      providerId,
      state: verified ? 'verified' : 'unverified',
      level: report.level,
      reason: verified
        ? `Verified to ${LEVEL_LABEL[report.level]} with a fresh nonce.`
        : (report.reason ?? 'The report did not verify.'),
      checkedAt: nowMs,
      freshUntil: verified ? nowMs + FRESH_MS : null,
      requireVerification: require,
    };
    this.deps.store.saveProviderStatus(status);
    this.deps.events.broadcast('attestation:changed', { providerId, verdict: null, provider: status });
    return report;
  }

  pins(providerId: string) {
    return this.deps.store.pins(providerId);
  }

  pin(providerId: string, appId: string, composeHash: string, compose: string | null) {
    this.deps.providers.get(providerId);
    this.deps.store.pin(providerId, appId, composeHash, compose, this.now());
    return this.deps.store.pins(providerId);
  }
}
