import { AppFailure, LEVEL_LABEL, levelRank } from '../contract';
import type { AttestationReport, ProviderAttestation, TranscriptCheck } from '../contract/attestation';
import type { AttestationDeps } from './deps';
import { kindOf } from './fetchEvidence';
import type { Pins } from './pins';
import type { EvidenceSources } from './sources';
import { FRESH_MS } from './sources';
import { empty, shownOf } from './reportParts';

/**
 * The provider's current attestation: the composer badge (fresh for FRESH_MS), the panel's
 * report with a fresh nonce, and "require verification", which refuses a send while unverified.
 */
export class ProviderChecks {
  constructor(
    private readonly deps: AttestationDeps,
    private readonly sources: EvidenceSources,
    private readonly pins: Pins,
    private readonly now: () => number,
    /** Keeps background work in the service's books (settle, close). */
    private readonly track: (work: Promise<unknown>) => void,
  ) {}

  private publish(status: ProviderAttestation): void {
    this.deps.events.broadcast('attestation:changed', {
      providerId: status.providerId,
      verdict: null,
      provider: status,
    });
  }

  status(providerId: string, model?: string): ProviderAttestation {
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
        this.publish(failed);
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
    return this.status(providerId);
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
    const pins = this.pins.list(providerId);
    const at = new Date(nowMs).toISOString();
    const base: AttestationReport = {
      providerId,
      model: model ?? null,
      endpoint: `${provider.baseUrl.replace(/\/+$/, '')}/attestation/report`,
      nonce: got.report?.nonce ?? '',
      fetchedAt: nowMs,
      ...shownOf(empty([])),
      reason: got.problem,
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
            pins: this.pins.trusted(providerId),
            model: model ?? null,
          },
        },
        null,
      ))!;
      this.sources.judged(checked, got.needs);
      const pinChange = this.pins.compare(providerId, pins, checked, nowMs);
      // The lowest rung's problem first: a nonce that does not bind matters more than stale collateral.
      const stop = checked.checks
        .filter((c) => !c.supplementary && (c.status === 'fail' || c.status === 'warn'))
        .reduce<TranscriptCheck | undefined>(
          (worst, c) => (worst === undefined || levelRank(c.level) < levelRank(worst.level) ? c : worst),
          undefined,
        );
      report = {
        ...base,
        ...shownOf(checked),
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
    this.publish(status);
    return report;
  }
}
