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
 * The branch from `leaf` up to its root, from the thread's own (id, parent) pairs: one indexed
 * read of the thread instead of a lookup per step through the whole messages table. A parent
 * outside the thread (never written so) ends the walk there, as the recursive query's last step.
 */
function pathUp(parentOf: ReadonlyMap<string, string | null>, leaf: string): string[] {
  const path = [leaf];
  for (let at = parentOf.get(leaf); at != null && path.length <= parentOf.size; at = parentOf.get(at)) {
    path.push(at);
    if (!parentOf.has(at)) break;
  }
  return path;
}

/**
 * What a thread cost, and what the branch on screen cost: the requests whose answers lie on the
 * path from the root to `leafId` (its active leaf by default). Failed and retried attempts count
 * where they were recorded against a message of the path. Asked for on every thread opening, so
 * it reads the thread's message tree once (its index) and its own usage rows, never the tables.
 */
export function threadCost(db: DatabaseSync, threadId: string, leafId?: string | null): ThreadCost {
  const thread = db
    .prepare('SELECT active_leaf_id FROM threads WHERE id = ? AND deleted_at IS NULL')
    .get(threadId) as { active_leaf_id: string | null } | undefined;
  if (thread === undefined) throw new AppFailure('not_found', 'That thread no longer exists.');
  const whole = db
    .prepare(`${GROUPS} FROM usage u WHERE u.thread_id = ? GROUP BY 1, 2`)
    .all(threadId) as unknown as CostRow[];
  const tree = db.prepare('SELECT id, parent_id FROM messages WHERE thread_id = ?').all(threadId) as {
    id: string;
    parent_id: string | null;
  }[];
  const parentOf = new Map(tree.map((m) => [m.id, m.parent_id]));
  const leaf = leafId ?? thread.active_leaf_id;
  // The branch's rows among the thread's own usage rows (its index), not a probe per message.
  const branch =
    leaf !== null && parentOf.has(leaf)
      ? (db
          .prepare(
            `${GROUPS} FROM usage u WHERE u.thread_id = ?
               AND +u.message_id IN (SELECT value FROM json_each(?)) GROUP BY 1, 2`,
          )
          .all(threadId, JSON.stringify(pathUp(parentOf, leaf))) as unknown as CostRow[])
      : null;
  // A leaf is a message no message of its thread answers (a reply always stays in its thread).
  const parents = new Set(tree.map((m) => m.parent_id));
  return {
    thread: figure(whole),
    branch: branch === null || leaf === null ? null : { ...figure(branch), leafId: leaf },
    branches: tree.filter((m) => !parents.has(m.id)).length,
    converted: null,
  };
}
