import type { Message, Provider } from '../contract';
import { AppFailure } from '../contract';
import type { AnswerVerdict } from '../contract/attestation';
import type { BundleInput, ProofBundle, ProviderKind } from './bundle';
import type { CapturedExchange, ExchangeCapture } from './capture';
import type { CollateralNeed } from './collateral/needs';
import type { AttestationDeps } from './deps';
import type { EvidenceNet, FetchedReport, SignatureFetch } from './fetchEvidence';
import { fetchLegacySignature, fetchReceipt, freshNonce, galadrielSignature, kindOf } from './fetchEvidence';
import type { RecoveredSigner } from './formats/eip191';
import type { Pins } from './pins';
import type { ReportCheck } from './report';
import { signerOf } from './signer';
import type { CurrentReport, EvidenceSources } from './sources';
import { judgeAnswer } from './verdict';

type Core = Omit<AnswerVerdict, 'messageId' | 'providerId' | 'model' | 'rechecking' | 'at' | 'exportable'>;

/**
 * Each answer's verdict: gathered when the answer ends (its signature, the provider's report,
 * the collateral and TLS key), judged, stored and published; judged again on demand; exported.
 */
export class AnswerChecks {
  constructor(
    private readonly deps: AttestationDeps,
    private readonly sources: EvidenceSources,
    private readonly pins: Pins,
    private readonly capture: ExchangeCapture,
    private readonly net: EvidenceNet,
    private readonly now: () => number,
  ) {}

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
    const recovered = await signerOf(this.sources.verifier, evidence.input);
    return this.judgeAndSave(message, evidence.input, evidence.reportId, report, recovered);
  }

  private verdictOf(
    message: Pick<Message, 'id' | 'providerId' | 'model'>,
    core: Core,
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
      pins: this.pins.trusted(provider.id),
      ...(channel ? { channel } : {}),
    };
    return { input, reportId, needs: current?.needs ?? [] };
  }

  private judgeAndSave(
    message: Message,
    input: BundleInput,
    reportId: string | null,
    report: ReportCheck | null,
    recovered: RecoveredSigner | undefined,
  ): AnswerVerdict {
    // Only the signature is checked here, on main: the report (and a new signing key) in the worker.
    const judged = judgeAnswer(input, new Date(input.judgedAt), report, recovered);
    const verdict = this.verdictOf(message, judged, true);
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
      pins: this.pins.trusted(previous.providerId ?? ''),
    };
    const report = await this.sources.hardwareOf(fresh, null);
    const core = judgeAnswer(
      fresh,
      new Date(fresh.judgedAt),
      report,
      await signerOf(this.sources.verifier, fresh),
    );
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
}
