import fc from 'fast-check';
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { threadCost } from '../../main/budgets/threadCost';
import type { CostFigure, ThreadCost } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { roundMoney } from '../../main/usage/money';

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

/**
 * budgets:threadCost is asked for on every thread opening. It used to walk the branch up one
 * message at a time through the whole messages table (a recursive query: 44 ms on a 1,724-message
 * thread of the 1M-message corpus) and probe every message for children. Whatever way it is
 * computed now, it must give what that computation gave: `reference` below is it, kept verbatim.
 */
const GROUPS = `SELECT u.cost_currency AS currency,
    CASE WHEN u.cost IS NULL THEN NULL WHEN u.cost_reported = 1 THEN 'provider'
      WHEN u.cost_source = 'catalogue' THEN 'catalogue' ELSE 'table' END AS source,
    total(u.cost) AS cost, total(u.credits_consumed) AS credits, total(u.total_tokens) AS tokens,
    count(*) AS requests`;

interface CostRow {
  currency: string | null;
  source: 'provider' | 'table' | 'catalogue' | null;
  cost: number;
  credits: number;
  tokens: number;
  requests: number;
}

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
  out.costs = [...costs]
    .sort(([a], [b]) => (a === 'USD' ? -1 : b === 'USD' ? 1 : a.localeCompare(b)))
    .map(([currency, cost]) => ({ currency, cost }));
  return out;
}

function reference(db: DatabaseSync, threadId: string, leafId?: string | null): ThreadCost {
  const thread = db
    .prepare('SELECT active_leaf_id FROM threads WHERE id = ? AND deleted_at IS NULL')
    .get(threadId) as { active_leaf_id: string | null } | undefined;
  if (thread === undefined) throw new Error('not_found');
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

/**
 * Two threads of random trees: each message answers the one before it (a conversation), an
 * earlier one (a regenerated answer or an edit: a branch), or none (an edited first message).
 */
const link = fc.oneof(
  { weight: 6, arbitrary: fc.constant<'previous'>('previous') },
  { weight: 2, arbitrary: fc.nat() },
  { weight: 1, arbitrary: fc.constant<'root'>('root') },
);
const trees = fc.array(fc.array(link, { maxLength: 30, size: 'max' }), { minLength: 2, maxLength: 2 });
/** Usage rows: on a message of either thread (or one that is gone, or none), costs in nano-units. */
const usageRow = fc.record({
  thread: fc.constantFrom(0, 1, null),
  message: fc.option(fc.nat(), { nil: null }),
  gone: fc.boolean(),
  nanos: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
  currency: fc.constantFrom('USD', 'EUR', 'JPY', null),
  reported: fc.boolean(),
  source: fc.constantFrom('catalogue', 'table', null),
  credits: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  tokens: fc.nat({ max: 100_000 }),
});

function seed(
  db: DatabaseSync,
  shapes: Drawn<typeof trees>,
  rows: Drawn<typeof usageRow>[],
  activeLeaf: number,
) {
  const ids: string[][] = [];
  db.exec('BEGIN');
  shapes.forEach((shape, t) => {
    const threadId = `t${t}`;
    const messageIds = shape.map((_, i) => `${threadId}-m${i}`);
    ids.push(messageIds);
    db.prepare(
      'INSERT INTO threads (id, title, created_at, last_activity_at, active_leaf_id) VALUES (?, ?, 0, 0, ?)',
    ).run(threadId, threadId, messageIds.length ? messageIds[activeLeaf % messageIds.length]! : null);
    shape.forEach((pick, i) => {
      const parent =
        i === 0 || pick === 'root' ? null : pick === 'previous' ? messageIds[i - 1]! : messageIds[pick % i]!;
      db.prepare(
        `INSERT INTO messages (id, thread_id, parent_id, role, status, created_at, updated_at)
         VALUES (?, ?, ?, 'assistant', 'complete', ?, ?)`,
      ).run(messageIds[i]!, threadId, parent, i, i);
    });
  });
  rows.forEach((r, i) => {
    const threadId = r.thread === null ? null : `t${r.thread}`;
    const pool = r.thread === null ? [] : ids[r.thread]!;
    const messageId =
      r.message === null
        ? null
        : r.gone || pool.length === 0
          ? `gone-${r.message}`
          : pool[r.message % pool.length]!;
    db.prepare(
      `INSERT INTO usage (id, at, provider_id, provider_name, model, confidential, thread_id, message_id,
         total_tokens, tokens_reported, credits_consumed, cost, cost_reported, cost_currency, cost_source, status)
       VALUES (?, ?, 'p', 'P', 'm', 0, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'ok')`,
    ).run(
      `u${i}`,
      i,
      threadId,
      messageId,
      r.tokens,
      r.credits === null ? null : r.credits / 1e9,
      r.nanos === null ? null : r.nanos / 1e9,
      r.reported ? 1 : 0,
      r.nanos === null ? null : r.currency,
      r.source,
    );
  });
  db.exec('COMMIT');
  return ids;
}

describe('budgets:threadCost', () => {
  it('gives what the recursive computation gave, for any tree, ledger and branch asked for', () => {
    // One database for every run (migrating one per run is most of the time): emptied each time.
    const { db } = openDatabase(':memory:', migrations);
    fc.assert(
      fc.property(
        trees,
        fc.array(usageRow, { maxLength: 40, size: 'max' }),
        fc.nat(),
        fc.constantFrom('active', 'message', 'other thread', 'unknown'),
        fc.nat(),
        (shapes, rows, activeLeaf, ask, pick) => {
          try {
            const ids = seed(db, shapes, rows, activeLeaf);
            const own = ids[0]!;
            const leafId =
              ask === 'active'
                ? undefined
                : ask === 'message'
                  ? (own[pick % Math.max(1, own.length)] ?? null)
                  : ask === 'other thread'
                    ? (ids[1]![pick % Math.max(1, ids[1]!.length)] ?? null)
                    : 'nope';
            for (const threadId of ['t0', 't1'])
              expect(threadCost(db, threadId, leafId)).toEqual(reference(db, threadId, leafId));
          } finally {
            db.exec('DELETE FROM usage; DELETE FROM messages; DELETE FROM threads');
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 90_000);
});
