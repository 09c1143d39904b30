import type { Migration } from '../database';
import { ttftBucketSql } from '../../usage/histogram';
import { BLOCK_LEVEL, DAY_LEVEL, applyRowSql, createLevelSql } from '../../usage/rollupSql';

const pausedCheck = `(SELECT paused FROM usage_rollup_state WHERE id = 1) = 0`;

/**
 * The usage ledger keeps plain ids (no foreign keys) so rows outlive deleted threads and
 * providers. A daily rollup, kept in step by triggers, makes dashboards over millions of rows cheap.
 *
 * Rollup granularity: cells per local day and per 32-day block of local days, for each time zone
 * offset in use (`usage_rollup_zones`, filled on demand from the raw rows). UTC hour or 15-minute
 * buckets were measured first: with a heavy user (1,370 requests a day over eight models) a
 * 15-minute rollup still holds ~466k rows for two years and an all-time query over it took ~1.1 s,
 * because requests per bucket are too few to merge. Day cells per offset are ~20× fewer, exact for
 * any offset (not only whole quarters); partial days at a range's edges are read from the raw rows
 * through the `at` index.
 *
 * `usage_rollup_state.paused` lets a bulk change (clearing a range, repricing) skip the per-row
 * triggers and rebuild the touched days at once instead.
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
        cost_reported INTEGER NOT NULL DEFAULT 0,
        ttft_ms REAL,
        duration_ms REAL,
        tokens_per_second REAL,
        status TEXT NOT NULL,
        error_code TEXT,
        ttft_bucket INTEGER GENERATED ALWAYS AS (${ttftBucketSql('ttft_ms')}) VIRTUAL
      );
      CREATE INDEX usage_at ON usage (at);
      CREATE INDEX usage_model_at ON usage (model, at);
      CREATE INDEX usage_provider_at ON usage (provider_id, at);
      CREATE INDEX usage_thread ON usage (thread_id, at);
      CREATE INDEX usage_message ON usage (message_id);
      CREATE INDEX usage_retry ON usage (retry_of) WHERE retry_of IS NOT NULL;
      CREATE INDEX usage_balance ON usage (provider_id, at) WHERE credits_remaining IS NOT NULL;

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

      CREATE TABLE usage_rollup_zones (
        offset_minutes INTEGER PRIMARY KEY,
        used_at INTEGER NOT NULL
      );
      CREATE TABLE usage_rollup_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        paused INTEGER NOT NULL
      );
      INSERT INTO usage_rollup_state (id, paused) VALUES (1, 0);
      ${createLevelSql(DAY_LEVEL)}
      ${createLevelSql(BLOCK_LEVEL)}
      -- Covers the per-day, per-model series (and its filters) without touching the wide cells.
      CREATE INDEX usage_daily_series ON usage_daily (offset_minutes, day, model, requests, total_tokens, cost, credits);

      CREATE TRIGGER usage_rollup_insert AFTER INSERT ON usage WHEN ${pausedCheck}
      BEGIN
        ${applyRowSql('new', 1)}
      END;
      CREATE TRIGGER usage_rollup_delete AFTER DELETE ON usage WHEN ${pausedCheck}
      BEGIN
        ${applyRowSql('old', -1)}
      END;
      CREATE TRIGGER usage_rollup_update
      AFTER UPDATE OF at, provider_id, provider_name, model, confidential, status, prompt_tokens,
        completion_tokens, total_tokens, cost, credits_consumed, ttft_ms ON usage WHEN ${pausedCheck}
      BEGIN
        ${applyRowSql('old', -1)}
        ${applyRowSql('new', 1)}
      END;
    `);
  },
};
