import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { AnswerVerdict, PinnedIdentity, ProviderAttestation } from '../contract/attestation';
import type { BundleInput } from './bundle';

export interface StoredReport {
  id: string;
  providerId: string;
  model: string | null;
  endpoint: string;
  nonce: string;
  fetchedAt: number;
  body: unknown;
}

interface ReportRow {
  id: string;
  provider_id: string;
  model: string | null;
  endpoint: string;
  nonce: string;
  fetched_at: number;
  body: string;
}

interface PinRow {
  provider_id: string;
  app_id: string;
  compose_hash: string;
  compose: string | null;
  status: 'trusted' | 'replaced';
  first_seen: number;
  last_seen: number;
}

const pinOf = (r: PinRow): PinnedIdentity => ({
  providerId: r.provider_id,
  appId: r.app_id,
  composeHash: r.compose_hash,
  compose: r.compose,
  status: r.status,
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
});

const reportOf = (r: ReportRow): StoredReport => ({
  id: r.id,
  providerId: r.provider_id,
  model: r.model,
  endpoint: r.endpoint,
  nonce: r.nonce,
  fetchedAt: r.fetched_at,
  body: JSON.parse(r.body) as unknown,
});

/** SQLite rows of migration 006; evidence is stored as JSON, as the proof bundle carries it. */
export class AttestationStore {
  constructor(readonly db: DatabaseSync) {}

  saveReport(report: Omit<StoredReport, 'id'>): StoredReport {
    const id = randomUUID();
    this.db
      .prepare(
        'INSERT INTO attestation_reports (id, provider_id, model, endpoint, nonce, fetched_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        report.providerId,
        report.model,
        report.endpoint,
        report.nonce,
        report.fetchedAt,
        JSON.stringify(report.body),
      );
    return { ...report, id };
  }

  report(id: string): StoredReport | null {
    const row = this.db.prepare('SELECT * FROM attestation_reports WHERE id = ?').get(id) as
      ReportRow | undefined;
    return row ? reportOf(row) : null;
  }

  saveVerdict(verdict: AnswerVerdict, evidence: BundleInput | null, reportId: string | null): void {
    this.db
      .prepare(
        `INSERT INTO attestation_answers (message_id, provider_id, level, state, verdict_json, evidence_json, report_id, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (message_id) DO UPDATE SET level = excluded.level, state = excluded.state,
           verdict_json = excluded.verdict_json, evidence_json = coalesce(excluded.evidence_json, evidence_json),
           report_id = coalesce(excluded.report_id, report_id), at = excluded.at`,
      )
      .run(
        verdict.messageId,
        verdict.providerId,
        verdict.level,
        verdict.state,
        JSON.stringify(verdict),
        evidence === null ? null : JSON.stringify({ ...evidence, report: null }),
        reportId,
        verdict.at,
      );
  }

  verdict(messageId: string): AnswerVerdict | null {
    const row = this.db
      .prepare('SELECT verdict_json FROM attestation_answers WHERE message_id = ?')
      .get(messageId) as { verdict_json: string } | undefined;
    return row ? (JSON.parse(row.verdict_json) as AnswerVerdict) : null;
  }

  /** The stored evidence with its report put back, ready to judge again or export. */
  evidence(messageId: string): BundleInput | null {
    const row = this.db
      .prepare('SELECT evidence_json, report_id FROM attestation_answers WHERE message_id = ?')
      .get(messageId) as { evidence_json: string | null; report_id: string | null } | undefined;
    if (!row?.evidence_json) return null;
    const evidence = JSON.parse(row.evidence_json) as BundleInput;
    const report = row.report_id ? this.report(row.report_id) : null;
    return {
      ...evidence,
      report: report
        ? { endpoint: report.endpoint, nonce: report.nonce, fetchedAt: report.fetchedAt, body: report.body }
        : null,
    };
  }

  /** The usage ledger's column: the level each request reached. */
  recordUsageLevel(usageId: string, level: string): void {
    this.db.prepare('UPDATE usage SET attestation_level = ? WHERE id = ?').run(level, usageId);
  }

  requireVerification(providerId: string): boolean {
    const row = this.db
      .prepare('SELECT require_verification FROM attestation_providers WHERE provider_id = ?')
      .get(providerId) as { require_verification: number } | undefined;
    return row?.require_verification === 1;
  }

  setRequire(providerId: string, require: boolean): void {
    this.db
      .prepare(
        `INSERT INTO attestation_providers (provider_id, require_verification) VALUES (?, ?)
         ON CONFLICT (provider_id) DO UPDATE SET require_verification = excluded.require_verification`,
      )
      .run(providerId, require ? 1 : 0);
  }

  /** The provider's own collateral source (a PCCS base URL), or null for the app's (migration 016). */
  collateralUrl(providerId: string): string | null {
    const row = this.db
      .prepare('SELECT collateral_url FROM attestation_providers WHERE provider_id = ?')
      .get(providerId) as { collateral_url: string | null } | undefined;
    return row?.collateral_url ?? null;
  }

  setCollateralUrl(providerId: string, url: string | null): void {
    this.db
      .prepare(
        `INSERT INTO attestation_providers (provider_id, collateral_url) VALUES (?, ?)
         ON CONFLICT (provider_id) DO UPDATE SET collateral_url = excluded.collateral_url`,
      )
      .run(providerId, url);
  }

  providerStatus(providerId: string): ProviderAttestation | null {
    const row = this.db
      .prepare('SELECT status_json FROM attestation_providers WHERE provider_id = ?')
      .get(providerId) as { status_json: string | null } | undefined;
    return row?.status_json ? (JSON.parse(row.status_json) as ProviderAttestation) : null;
  }

  saveProviderStatus(status: ProviderAttestation): void {
    this.db
      .prepare(
        `INSERT INTO attestation_providers (provider_id, require_verification, status_json) VALUES (?, ?, ?)
         ON CONFLICT (provider_id) DO UPDATE SET status_json = excluded.status_json`,
      )
      .run(status.providerId, status.requireVerification ? 1 : 0, JSON.stringify(status));
  }

  pins(providerId: string): PinnedIdentity[] {
    const rows = this.db
      .prepare('SELECT * FROM attestation_pins WHERE provider_id = ? ORDER BY first_seen DESC, id DESC')
      .all(providerId) as unknown as PinRow[];
    return rows.map(pinOf);
  }

  /** Trusts app id + compose hash; an earlier trusted pin of the same app becomes history. */
  pin(providerId: string, appId: string, composeHash: string, compose: string | null, now: number): void {
    const existing = this.db
      .prepare(
        "SELECT id FROM attestation_pins WHERE provider_id = ? AND app_id = ? AND compose_hash = ? AND status = 'trusted'",
      )
      .get(providerId, appId, composeHash) as { id: number } | undefined;
    if (existing) {
      this.db.prepare('UPDATE attestation_pins SET last_seen = ? WHERE id = ?').run(now, existing.id);
      return;
    }
    this.db
      .prepare(
        "UPDATE attestation_pins SET status = 'replaced', last_seen = ? WHERE provider_id = ? AND app_id = ? AND status = 'trusted'",
      )
      .run(now, providerId, appId);
    this.db
      .prepare(
        "INSERT INTO attestation_pins (provider_id, app_id, compose_hash, compose, status, first_seen, last_seen) VALUES (?, ?, ?, ?, 'trusted', ?, ?)",
      )
      .run(providerId, appId, composeHash, compose, now, now);
  }

  seen(providerId: string, appId: string, composeHash: string, now: number): void {
    this.db
      .prepare(
        "UPDATE attestation_pins SET last_seen = ? WHERE provider_id = ? AND app_id = ? AND compose_hash = ? AND status = 'trusted'",
      )
      .run(now, providerId, appId, composeHash);
  }
}
