import {
  ADD_EXCLUDED,
  DAY_LEVEL,
  ROLLUP_MEASURES,
  cellTableSql,
  keyColumns,
  keySql,
  measureSql,
  signedMeasureSql,
} from './rollupSql';

/**
 * SQL of the per-project and per-tag daily rollup (`usage_scope_daily`, migration 018), shared by
 * the migration's triggers and the runtime builds so the two cannot disagree. Changing an
 * expression here changes the schema: do it through a new migration.
 *
 * A scope is a project (`kind` 'project', `scope` its id) or a tag (`kind` 'tag', `scope` the
 * tag as stored). A scope's cells exist only for the (zone, scope) pairs in `usage_scope_built`,
 * built the first time a usage summary filters by it; from then on the triggers keep them in step
 * with new ledger rows, threads moving between projects, tags added or removed and threads purged.
 * The rows a scope counts are exactly those `rawWhere` selects for the same filter: the thread
 * must exist with that project (a purged thread's rows leave its project), or carry that tag.
 */

export type ScopeKind = 'project' | 'tag';

/** A scope cell's key: the scope, then the daily rollup's key (zone, provider, model, …, day). */
const KEYS = ['scope_kind', 'scope', ...keyColumns(DAY_LEVEL)];

const ALL = [...KEYS, ...ROLLUP_MEASURES].join(', ');

/** The cell key of raw row `r` in built scope `b` (a usage_scope_built alias). */
const rowKey = (r: string, b: string): string[] => [
  `${b}.scope_kind`,
  `${b}.scope`,
  ...keySql(r, `${b}.offset_minutes`, DAY_LEVEL),
];

/** The tables (used once, by the migration). */
export function createScopeTablesSql(): string {
  return `
    CREATE TABLE usage_scope_built (
      scope_kind TEXT NOT NULL,
      scope TEXT NOT NULL,
      offset_minutes INTEGER NOT NULL,
      used_at INTEGER NOT NULL,
      PRIMARY KEY (scope_kind, scope, offset_minutes)
    ) WITHOUT ROWID;
    ${cellTableSql('usage_scope_daily', KEYS, DAY_LEVEL.bucket)}`;
}

/** Built scopes that raw row `r` (with its thread) belongs to, as a WHERE over alias `b`. */
const scopesOfRow = (r: string, b: string): string =>
  `${r}.thread_id IS NOT NULL AND (
    (${b}.scope_kind = 'project' AND ${b}.scope = (SELECT t.project_id FROM threads t WHERE t.id = ${r}.thread_id))
    OR (${b}.scope_kind = 'tag' AND ${b}.scope IN (SELECT g.tag FROM thread_tags g WHERE g.thread_id = ${r}.thread_id)))`;

/** Adds (1) or removes (-1) ledger row `r` in every built scope it belongs to. */
export function applyScopeRowSql(r: 'new' | 'old', sign: 1 | -1): string {
  const values = signedMeasureSql(r, sign);
  const upsert = `INSERT INTO usage_scope_daily (${ALL})
    SELECT ${[...rowKey(r, 'b'), ...values].join(', ')} FROM usage_scope_built b WHERE ${scopesOfRow(r, 'b')}
    ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED};`;
  if (sign === 1) return upsert;
  // A cell whose last request went is removed, so "no rows" and "zero rows" never differ.
  return `${upsert}
    DELETE FROM usage_scope_daily WHERE requests <= 0 AND (${KEYS.join(', ')}) IN
      (SELECT ${rowKey(r, 'b').join(', ')} FROM usage_scope_built b WHERE ${scopesOfRow(r, 'b')});`;
}

/**
 * Adds (1) or removes (-1) every ledger row of one thread in one scope, where that scope is built:
 * a thread moved into or out of a project, a tag put on or taken off, a thread purged.
 */
export function applyThreadSql(thread: string, kind: ScopeKind, scope: string, sign: 1 | -1): string {
  const values = measureSql('u').map((v) => (sign === 1 ? `SUM(${v})` : `-SUM(${v})`));
  const upsert = `INSERT INTO usage_scope_daily (${ALL})
    SELECT ${[...rowKey('u', 'b'), ...values].join(', ')}
    FROM usage_scope_built b JOIN usage u ON u.thread_id = ${thread}
    WHERE b.scope_kind = '${kind}' AND b.scope = ${scope}
    GROUP BY ${KEYS.map((_, i) => i + 1).join(', ')}
    ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED};`;
  if (sign === 1) return upsert;
  return `${upsert}
    DELETE FROM usage_scope_daily WHERE scope_kind = '${kind}' AND scope = ${scope} AND requests <= 0;`;
}

/** The rows of a scope, as `rawWhere` selects them (alias `u`). Parameter :scope. */
const scopeRowsSql = (kind: ScopeKind): string =>
  kind === 'project'
    ? 'u.thread_id IN (SELECT id FROM threads WHERE project_id = :scope)'
    : 'u.thread_id IN (SELECT thread_id FROM thread_tags WHERE tag = :scope)';

/** Builds one scope's cells for one zone from the raw rows. Parameters :scope, :offset. */
export const buildScopeSql = (kind: ScopeKind): string => `INSERT INTO usage_scope_daily (${ALL})
  SELECT '${kind}', :scope, :offset, ${rowKey('u', 'p').slice(3).join(', ')}, ${measureSql('u')
    .map((m) => `SUM(${m})`)
    .join(', ')}
  FROM (SELECT :offset AS offset_minutes) p, usage u WHERE ${scopeRowsSql(kind)}
  GROUP BY 4, 5, 6, 7, 8, 9`;

/** The triggers that keep built scopes in step (used once, by the migration). */
export function scopeTriggersSql(pausedCheck: string): string {
  return `
    CREATE TRIGGER usage_scope_insert AFTER INSERT ON usage WHEN ${pausedCheck}
    BEGIN
      ${applyScopeRowSql('new', 1)}
    END;
    CREATE TRIGGER usage_scope_delete AFTER DELETE ON usage WHEN ${pausedCheck}
    BEGIN
      ${applyScopeRowSql('old', -1)}
    END;
    CREATE TRIGGER usage_scope_update
    AFTER UPDATE OF at, provider_id, provider_name, model, confidential, status, prompt_tokens,
      completion_tokens, total_tokens, cost, credits_consumed, ttft_ms, thread_id ON usage WHEN ${pausedCheck}
    BEGIN
      ${applyScopeRowSql('old', -1)}
      ${applyScopeRowSql('new', 1)}
    END;
    CREATE TRIGGER usage_scope_thread_move AFTER UPDATE OF project_id ON threads
    WHEN old.project_id IS NOT new.project_id
    BEGIN
      ${applyThreadSql('old.id', 'project', 'old.project_id', -1)}
      ${applyThreadSql('new.id', 'project', 'new.project_id', 1)}
    END;
    CREATE TRIGGER usage_scope_thread_gone AFTER DELETE ON threads WHEN old.project_id IS NOT NULL
    BEGIN
      ${applyThreadSql('old.id', 'project', 'old.project_id', -1)}
    END;
    CREATE TRIGGER usage_scope_thread_new AFTER INSERT ON threads WHEN new.project_id IS NOT NULL
    BEGIN
      ${applyThreadSql('new.id', 'project', 'new.project_id', 1)}
    END;
    CREATE TRIGGER usage_scope_tag_add AFTER INSERT ON thread_tags
    BEGIN
      ${applyThreadSql('new.thread_id', 'tag', 'new.tag', 1)}
    END;
    CREATE TRIGGER usage_scope_tag_remove AFTER DELETE ON thread_tags
    BEGIN
      ${applyThreadSql('old.thread_id', 'tag', 'old.tag', -1)}
    END;`;
}
