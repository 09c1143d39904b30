import type { Provider } from '../contract';
import type { BundleInput } from './bundle';
import type { ChannelProbe } from './channel';
import { probeTlsKey } from './channel';
import type { CollateralNote, CollateralSet } from './collateral/book';
import { forgedCollateral } from './collateral/book';
import type { CollateralNeed } from './collateral/needs';
import { INTEL_PCS } from './collateral/pcs';
import { CollateralSources } from './collateral/setting';
import type { EvidenceNet, FetchedReport } from './fetchEvidence';
import { fetchReport } from './fetchEvidence';
import type { ReportCheck } from './report';
import { empty } from './reportParts';
import type { AttestationDeps } from './deps';
import { hardwareJob } from './verdict';
import { EvidenceVerifier } from './worker/client';
import type { CheckJob } from './worker/protocol';

/** A provider's report as last fetched, with the Intel collateral its quotes call for. */
export interface CurrentReport {
  report: FetchedReport | null;
  id: string | null;
  problem: string | null;
  collateral: CollateralSet | null;
  notes: CollateralNote[];
  needs: CollateralNeed[];
}

/** How long a provider's verified report counts as current for the composer badge and sends. */
export const FRESH_MS = 10 * 60_000;

/**
 * What each verdict rests on besides the answer's own bytes, fetched or computed once and shared
 * while fresh: the provider's report with its Intel collateral, the TLS key of its host, and the
 * report checks, which run in the evidence worker.
 */
export class EvidenceSources {
  private readonly reports = new Map<string, CurrentReport & { report: FetchedReport; id: string }>();
  /** Each provider's collateral source (its PCCS, else the app's). */
  readonly collateral: CollateralSources;
  private readonly probes = new Map<string, { at: number; probe: Promise<ChannelProbe> }>();
  /** Checked reports by what they were checked with: every answer within a report's freshness shares one check. */
  private readonly checked = new Map<string, { at: number; result: Promise<ReportCheck> }>();
  readonly verifier: EvidenceVerifier;

  constructor(
    private readonly deps: AttestationDeps,
    private readonly now: () => number,
    private readonly net: EvidenceNet,
  ) {
    this.verifier = new EvidenceVerifier(deps.worker ?? null);
    const source = deps.collateral === undefined ? INTEL_PCS : deps.collateral;
    this.collateral = new CollateralSources(deps.store, deps.fetch, source, this.now);
  }

  /**
   * Runs an evidence job off main's thread. A report job is shared by every answer judged with the
   * same report, pins and collateral while the report is fresh; a failure of the worker itself is
   * a failed check (fail closed), never an exception.
   */
  evidence(job: CheckJob | null, cacheKey: string | null): Promise<ReportCheck | null> {
    if (job === null) return Promise.resolve(null);
    const nowMs = this.now();
    if (cacheKey !== null) {
      const hit = this.checked.get(cacheKey);
      if (hit && nowMs - hit.at < FRESH_MS) return hit.result;
    }
    const at = new Date(nowMs).toISOString();
    const result = this.verifier.run(job).catch((error: unknown): ReportCheck =>
      empty([
        {
          id: 'verifier',
          label: 'Evidence check',
          status: 'fail',
          reason: `The evidence could not be checked: ${error instanceof Error ? error.message : String(error)}.`,
          at,
          level: 'hardware-bound',
        },
      ]),
    );
    if (cacheKey !== null) {
      for (const [key, value] of this.checked) if (nowMs - value.at >= FRESH_MS) this.checked.delete(key);
      this.checked.set(cacheKey, { at: nowMs, result });
    }
    return result;
  }

  /** The report check behind an answer, from the worker (shared while the report is fresh). */
  hardwareOf(input: BundleInput, reportId: string | null): Promise<ReportCheck | null> {
    const now = new Date(input.judgedAt);
    const job = hardwareJob(input, now);
    const key =
      job?.kind === 'report' && reportId !== null
        ? JSON.stringify([reportId, input.model, input.pins])
        : null;
    return this.evidence(job, key);
  }

  /** The provider's report for this model, fetched with a fresh nonce unless one is still fresh. */
  async currentReport(provider: Provider, model: string | null, force = false): Promise<CurrentReport> {
    const key = `${provider.id}\n${model ?? ''}`;
    const cached = this.reports.get(key);
    if (!force && cached && this.now() - cached.report.fetchedAt < FRESH_MS)
      return { ...cached, problem: null };
    const got = await fetchReport(this.net, provider, model, this.now);
    if (got.report === null)
      return { report: null, id: null, problem: got.problem, collateral: null, notes: [], needs: [] };
    const saved = this.deps.store.saveReport({ providerId: provider.id, model, ...got.report });
    const book = this.collateral.bookFor(provider.id);
    const needs = book ? await this.verifier.needs(got.report.body).catch(() => []) : [];
    const { set, notes } = book && needs.length > 0 ? await book.forNeeds(needs) : { set: null, notes: [] };
    const current = { report: got.report, id: saved.id, problem: null, collateral: set, notes, needs };
    this.reports.set(key, current);
    return current;
  }

  /** The TLS key of the provider's host, probed at most once per freshness window. */
  channelOf(provider: Provider): Promise<ChannelProbe | null> {
    if (this.deps.tls === null) return Promise.resolve(null);
    const key = provider.baseUrl;
    const hit = this.probes.get(key);
    if (hit && this.now() - hit.at < FRESH_MS) return hit.probe;
    const probe = probeTlsKey(provider.baseUrl, this.deps.tls ?? {});
    this.probes.set(key, { at: this.now(), probe });
    return probe;
  }

  /** Drops collateral that did not verify from the cache and from the report it came with. */
  judged(report: ReportCheck | null, needs: readonly CollateralNeed[]): void {
    if (report && needs.length > 0 && forgedCollateral(report.checks)) {
      this.collateral.forget(needs);
      for (const [key, value] of this.reports) if (value.needs === needs) this.reports.delete(key);
    }
  }
}
