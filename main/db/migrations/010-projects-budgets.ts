import type { Migration } from '../database';

/**
 * Budgets, the "send anyway once" passes they granted, projects and tags of threads, and the
 * currency of each usage row's cost (so totals in different currencies are never summed).
 *
 * `usage.cost_currency` is backfilled from the price that priced each row (the same lookup as
 * repricing); a provider-reported cost is in US dollars, as every provider that reports one says.
 */
export const projectsBudgets: Migration = {
  version: 10,
  name: '010-projects-budgets',
  up(db) {
    db.exec(`
      CREATE TABLE budgets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        scope_json TEXT NOT NULL,
        period TEXT NOT NULL,
        limit_amount REAL NOT NULL,
        unit TEXT NOT NULL,
        thresholds_json TEXT NOT NULL,
        action TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE budget_overrides (
        id INTEGER PRIMARY KEY,
        budget_id TEXT NOT NULL,
        granted_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX budget_overrides_budget ON budget_overrides (budget_id, granted_at);
      CREATE TABLE budget_alerts (
        budget_id TEXT NOT NULL,
        period_start INTEGER NOT NULL,
        threshold INTEGER NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (budget_id, period_start, threshold)
      ) WITHOUT ROWID;

      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      ALTER TABLE threads ADD COLUMN project_id TEXT;
      CREATE INDEX threads_project ON threads (project_id) WHERE project_id IS NOT NULL;
      CREATE TABLE thread_tags (
        thread_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (thread_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX thread_tags_tag ON thread_tags (tag, thread_id);

      ALTER TABLE usage ADD COLUMN cost_currency TEXT;
      -- 'catalogue' where the bundled price catalogue priced the row (else derived as before).
      ALTER TABLE usage ADD COLUMN cost_source TEXT;
      -- Costs in other currencies than USD are few: the usage totals read them apart through this.
      CREATE INDEX usage_cost_currency ON usage (cost_currency, at)
        WHERE cost_currency IS NOT NULL AND cost_currency <> 'USD';
      UPDATE usage SET cost_currency = 'USD' WHERE cost IS NOT NULL AND cost_reported = 1;
      UPDATE usage SET cost_currency = (
        SELECT p.currency FROM prices p WHERE p.model = usage.model
          AND (p.provider_id = usage.provider_id OR p.provider_id IS NULL) AND p.valid_from <= usage.at
        ORDER BY (p.provider_id IS NULL), p.valid_from DESC LIMIT 1)
      WHERE cost IS NOT NULL AND cost_reported = 0;
    `);
  },
};
