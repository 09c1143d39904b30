import type { Migration } from '../database';

/**
 * Verified confidential inference (issue 14):
 * - `attestation_answers`: one verdict per answer with the evidence it was judged from (the
 *   proof bundle minus the report, which is shared), so a proof can be exported later.
 * - `attestation_reports`: provider reports as fetched with our nonce; answers point at one.
 * - `attestation_providers`: the per-provider "require verification" switch and the last check.
 * - `attestation_pins`: pinned app id + compose hash per provider, with history (trust on first use).
 * - `usage.attestation_level`: the level each request reached (NULL: not checked).
 */
export const attestation: Migration = {
  version: 6,
  name: '006-attestation',
  up(db) {
    db.exec(`
      CREATE TABLE attestation_reports (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL,
        model TEXT,
        endpoint TEXT NOT NULL,
        nonce TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX attestation_reports_provider ON attestation_reports (provider_id, model, fetched_at);

      CREATE TABLE attestation_answers (
        message_id TEXT PRIMARY KEY,
        provider_id TEXT,
        level TEXT NOT NULL,
        state TEXT NOT NULL,
        verdict_json TEXT NOT NULL,
        evidence_json TEXT,
        report_id TEXT,
        at INTEGER NOT NULL
      );

      CREATE TABLE attestation_providers (
        provider_id TEXT PRIMARY KEY,
        require_verification INTEGER NOT NULL DEFAULT 0,
        status_json TEXT
      );

      CREATE TABLE attestation_pins (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        provider_id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        compose_hash TEXT NOT NULL,
        compose TEXT,
        status TEXT NOT NULL CHECK (status IN ('trusted', 'replaced')),
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL
      );
      CREATE INDEX attestation_pins_provider ON attestation_pins (provider_id, app_id, status);

      ALTER TABLE usage ADD COLUMN attestation_level TEXT;
    `);
  },
};
