import type { Migration } from '../database';

/**
 * The usage ledger keeps plain ids (no foreign keys) so rows outlive deleted threads and
 * providers. A daily rollup, kept in step by triggers, makes dashboards over millions of rows cheap.
 */
export const usage: Migration = {
  version: 4,
  name: '004-usage',
  up(db) {
    db.exec(`
      CREATE TABLE usage (
        id TEXT PRIMARY KEY,
        at INTEGER NOT NULL,
        provider_id TEXT,
        provider_name TEXT NOT NULL,
        model TEXT NOT NULL,
        confidential INTEGER NOT NULL,
        thread_id TEXT,
        message_id TEXT,
        retry_of TEXT,
        attempt INTEGER NOT NULL DEFAULT 1,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        reasoning_tokens INTEGER,
        total_tokens INTEGER NOT NULL DEFAULT 0,
        tokens_reported INTEGER NOT NULL,
        credits_consumed REAL,
        credits_remaining REAL,
        cost REAL,
        ttft_ms REAL,
        duration_ms REAL,
        tokens_per_second REAL,
        status TEXT NOT NULL,
        error_code TEXT
      );
      CREATE INDEX usage_at ON usage (at);
      CREATE INDEX usage_model_at ON usage (model, at);
      CREATE INDEX usage_provider_at ON usage (provider_id, at);
      CREATE INDEX usage_thread ON usage (thread_id, at);
      CREATE INDEX usage_message ON usage (message_id);

      CREATE TABLE prices (
        id TEXT PRIMARY KEY,
        provider_id TEXT,
        model TEXT NOT NULL,
        input_per_million REAL NOT NULL,
        output_per_million REAL NOT NULL,
        currency TEXT NOT NULL DEFAULT 'USD',
        valid_from INTEGER NOT NULL
      );
      CREATE INDEX prices_lookup ON prices (model, provider_id, valid_from);
    `);
  },
};
