import type { DatabaseSync } from 'node:sqlite';
import type { CostFigure, ThreadCost } from '../contract';
import { AppFailure } from '../contract';
import { roundMoney } from '../usage/money';

interface CostRow {
  currency: string | null;
  source: 'provider' | 'table' | 'catalogue' | null;
  cost: number;
  credits: number;
  tokens: number;
  requests: number;
}

// One line per currency and cost source: a thread has few, whatever its length.
const GROUPS = `SELECT u.cost_currency AS currency,
    CASE WHEN u.cost IS NULL THEN NULL WHEN u.cost_reported = 1 THEN 'provider'
      WHEN u.cost_source = 'catalogue' THEN 'catalogue' ELSE 'table' END AS source,
    total(u.cost) AS cost, total(u.credits_consumed) AS credits, total(u.total_tokens) AS tokens,
    count(*) AS requests`;

function figure(rows: readonly CostRow[]): CostFigure {
  const costs = new Map<string, number>();
  const out: CostFigure = {
    costs: [],
    credits: 0,
    tokens: 0,
    requests: 0,
    sources: { provider: 0, table: 0, catalogue: 0 },
  };
  for (const r of rows) {
    if (r.currency !== null && r.source !== null) {
      costs.set(r.currency, roundMoney((costs.get(r.currency) ?? 0) + r.cost));
      out.sources[r.source] += r.requests;
    }
    out.credits = roundMoney(out.credits + r.credits);
    out.tokens += r.tokens;
    out.requests += r.requests;
  }
  // Dollars first (what providers report), then the rest by code: never added together.
  out.costs = [...costs]
    .sort(([a], [b]) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)))
    .map(([currency, cost]) => ({ currency, cost }));
  return out;
}

/**
 * What a thread cost, and what the branch on screen cost: the requests whose answers lie on the
 * path from the root to `leafId` (its active leaf by default). Failed and retried attempts count
 * where they were recorded against a message of the path.
 */
export function threadCost(db: DatabaseSync, threadId: string, leafId?: string | null): ThreadCost {
  const thread = db
    .prepare('SELECT active_leaf_id FROM threads WHERE id = ? AND deleted_at IS NULL')
    .get(threadId) as { active_leaf_id: string | null } | undefined;
  if (thread === undefined) throw new AppFailure('not_found', 'That thread no longer exists.');
  const whole = db
    .prepare(`${GROUPS} FROM usage u WHERE u.thread_id = ? GROUP BY 1, 2`)
    .all(threadId) as unknown as CostRow[];
  const leaf = leafId ?? thread.active_leaf_id;
  const onThread =
    leaf !== null &&
    db.prepare('SELECT 1 FROM messages WHERE id = ? AND thread_id = ?').get(leaf, threadId) !== undefined;
  const branch = onThread
    ? (db
        .prepare(
          `WITH RECURSIVE path(id) AS (
             SELECT id FROM messages WHERE id = :leaf
             UNION ALL SELECT m.parent_id FROM messages m JOIN path p ON m.id = p.id WHERE m.parent_id IS NOT NULL)
           ${GROUPS} FROM path CROSS JOIN usage u ON u.message_id = path.id
           WHERE u.thread_id = :thread GROUP BY 1, 2`,
        )
        .all({ leaf, thread: threadId }) as unknown as CostRow[])
    : null;
  const leaves = db
    .prepare(
      `SELECT count(*) AS n FROM messages m WHERE m.thread_id = ?
         AND NOT EXISTS (SELECT 1 FROM messages c WHERE c.parent_id = m.id)`,
    )
    .get(threadId) as { n: number };
  return {
    thread: figure(whole),
    branch: branch === null || leaf === null ? null : { ...figure(branch), leafId: leaf },
    branches: leaves.n,
    converted: null,
  };
}
