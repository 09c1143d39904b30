import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetBook, type Target } from '../../main/budgets/book';
import { periodAt } from '../../main/budgets/period';
import { isAppFailure, type BudgetInput, type BudgetStatus, type UsageRow } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { UsageLedger } from '../../main/usage/ledger';
import { PriceBook } from '../../main/usage/prices';
import { record } from '../usage/support';

const NOW = new Date(2026, 11, 6, 15).getTime();
const HOUR = 3_600_000;

/** A ledger whose rows feed the book as the app wires them, with threads in projects and tags. */
function setup(now = () => NOW) {
  const { db } = openDatabase(':memory:', migrations);
  const alerts: { status: BudgetStatus; threshold: number }[] = [];
  const book = new BudgetBook(db, {
    now,
    onAlert: (status, threshold) => alerts.push({ status, threshold }),
  });
  const threads: Record<string, { projectId: string | null; tags: string[] }> = {
    t1: { projectId: 'p1', tags: ['work', 'eval'] },
    t2: { projectId: 'p2', tags: ['work'] },
    t3: { projectId: null, tags: [] },
  };
  // The same threads in the database, where the plain recomputation reads them.
  for (const [id, { projectId, tags }] of Object.entries(threads)) {
    db.prepare(
      'INSERT INTO threads (id, title, created_at, last_activity_at, project_id) VALUES (?, ?, 0, 0, ?)',
    ).run(id, id, projectId);
    for (const tag of tags) db.prepare('INSERT INTO thread_tags (thread_id, tag) VALUES (?, ?)').run(id, tag);
  }
  const targetOf = (threadId: string | null) => threads[threadId ?? ''] ?? { projectId: null, tags: [] };
  const ledger = new UsageLedger(db, {
    now,
    onRecorded: (row, currency) =>
      book.recorded(row, currency, {
        providerId: row.providerId,
        model: row.model,
        ...targetOf(row.threadId),
      }),
    onBulkChange: () => book.invalidate(),
  });
  return { db, book, ledger, alerts, targetOf };
}

const target = (over: Partial<Target> = {}): Target => ({
  providerId: 'prov-a',
  model: 'model-x',
  projectId: null,
  tags: [],
  ...over,
});

const failureOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (isAppFailure(error)) return error.error;
    throw error;
  }
  return null;
};

const scopeArb = fc.oneof(
  fc.constant({ kind: 'overall' as const }),
  fc.constantFrom('prov-a', 'prov-b').map((providerId) => ({ kind: 'provider' as const, providerId })),
  fc.constantFrom('model-x', 'model-y').map((model) => ({ kind: 'model' as const, model })),
  fc.constantFrom('p1', 'p2').map((projectId) => ({ kind: 'project' as const, projectId })),
  fc.constantFrom('work', 'eval').map((tag) => ({ kind: 'tag' as const, tag })),
);

const rowArb = fc.record({
  hoursAgo: fc.double({ min: 0, max: 24 * 40, noNaN: true }),
  providerId: fc.constantFrom('prov-a', 'prov-b'),
  model: fc.constantFrom('model-x', 'model-y'),
  threadId: fc.constantFrom('t1', 't2', 't3', null),
  cost: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }),
  credits: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }),
});

describe('budget totals', () => {
  it('running totals equal a plain recomputation over random ledgers, by scope, period and unit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            scope: scopeArb,
            period: fc.constantFrom('day', 'week', 'month'),
            unit: fc.constantFrom('USD', 'credits'),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.array(rowArb, { maxLength: 40 }),
        fc.nat({ max: 40 }),
        (specs, rows, readAfter) => {
          const { book, ledger, targetOf } = setup();
          const budgets = specs.map((s) => book.save({ ...s, limit: 1_000_000 } as BudgetInput));
          const written: { row: UsageRow; currency: string | null }[] = [];
          rows.forEach((r, i) => {
            // Totals are read once part-way, so some rows land on a running total and some before it.
            if (i === readAfter) book.statuses();
            const row = ledger.record(
              record({
                at: NOW - Math.round(r.hoursAgo * HOUR),
                providerId: r.providerId,
                model: r.model,
                threadId: r.threadId,
                cost: r.credits === null ? r.cost : null,
                creditsConsumed: r.credits,
              }),
            );
            written.push({ row, currency: row.cost === null ? null : 'USD' });
          });
          for (const budget of budgets) {
            const { start, end } = periodAt(budget.period, NOW);
            let expected = 0;
            for (const { row, currency } of written) {
              if (row.at < start || row.at >= end) continue;
              const t = { providerId: row.providerId, model: row.model, ...targetOf(row.threadId) };
              const s = budget.scope;
              const hit =
                s.kind === 'overall' ||
                (s.kind === 'provider' && t.providerId === s.providerId) ||
                (s.kind === 'model' && t.model === s.model) ||
                (s.kind === 'project' && t.projectId === s.projectId) ||
                (s.kind === 'tag' && t.tags.includes(s.tag));
              if (!hit) continue;
              expected +=
                budget.unit === 'credits'
                  ? (row.creditsConsumed ?? 0)
                  : currency === 'USD'
                    ? (row.cost ?? 0)
                    : 0;
            }
            const status = book.statuses().find((s) => s.budget.id === budget.id)!;
            expect(status.spent).toBeCloseTo(expected, 6);
            expect(book.sum(budget, start, end)).toBeCloseTo(expected, 6);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never sums a cost priced in euros into a budget in dollars', () => {
    const { db, book, ledger } = setup();
    new PriceBook(db).save({
      providerId: null,
      model: 'model-eu',
      inputPerMillion: 1_000_000,
      outputPerMillion: 0,
      currency: 'EUR',
      validFrom: 0,
    });
    const usd = book.save({ scope: { kind: 'overall' }, period: 'day', limit: 10, unit: 'USD' });
    const eur = book.save({ scope: { kind: 'overall' }, period: 'day', limit: 10, unit: 'EUR' });
    ledger.record(
      record({ at: NOW - HOUR, model: 'model-eu', promptTokens: 2, completionTokens: 0, totalTokens: 2 }),
    );
    ledger.record(record({ at: NOW - HOUR, cost: 0.5 }));
    const byId = new Map(book.statuses().map((s) => [s.budget.id, s.spent]));
    expect(byId.get(usd.id)).toBeCloseTo(0.5);
    expect(byId.get(eur.id)).toBeCloseTo(2);
  });

  it('reads totals again after rows are cleared', () => {
    const { book, ledger } = setup();
    const budget = book.save({ scope: { kind: 'overall' }, period: 'day', limit: 10, unit: 'USD' });
    ledger.record(record({ at: NOW - HOUR, cost: 3 }));
    expect(book.statuses()[0]!.spent).toBeCloseTo(3);
    ledger.clear(NOW - 2 * HOUR, NOW);
    expect(book.statuses().find((s) => s.budget.id === budget.id)!.spent).toBe(0);
  });
});

describe('a budget that blocks', () => {
  it('refuses a send at its limit, naming the budget, what it allows and when it resets', () => {
    const { book, ledger } = setup();
    book.save({
      name: 'Evals',
      scope: { kind: 'overall' },
      period: 'day',
      limit: 0.01,
      unit: 'USD',
      action: 'block',
    });
    expect(failureOf(() => book.admit(target()))).toBeNull();
    ledger.record(record({ at: NOW - HOUR, cost: 0.012 }));
    const error = failureOf(() => book.admit(target()));
    expect(error?.code).toBe('budget_exceeded');
    expect(error?.message).toContain('The daily budget “Evals” has reached its limit ($0.012 of $0.01)');
    expect(error?.message).toContain('It resets');
  });

  it('lets exactly one send through after "send anyway once", and records when it was granted and used', () => {
    const { db, book, ledger } = setup();
    const budget = book.save({
      scope: { kind: 'model', model: 'model-x' },
      period: 'week',
      limit: 1,
      unit: 'USD',
      action: 'block',
    });
    ledger.record(record({ at: NOW - HOUR, cost: 2 }));
    expect(failureOf(() => book.admit(target()))?.code).toBe('budget_exceeded');
    book.allowOnce(budget.id);
    expect(book.verdict(target()).blockedBy).toBeNull();
    expect(failureOf(() => book.admit(target()))).toBeNull();
    expect(failureOf(() => book.admit(target()))?.code).toBe('budget_exceeded');
    const passes = db.prepare('SELECT granted_at, used_at FROM budget_overrides').all() as {
      granted_at: number;
      used_at: number;
    }[];
    expect(passes).toEqual([{ granted_at: NOW, used_at: NOW }]);
    expect(book.statuses()[0]!.overrides).toBe(1);
  });

  it('does not stop sends outside its scope, and a warning budget never stops any', () => {
    const { book, ledger } = setup();
    book.save({
      scope: { kind: 'provider', providerId: 'prov-b' },
      period: 'day',
      limit: 0.01,
      unit: 'USD',
      action: 'block',
    });
    book.save({ scope: { kind: 'overall' }, period: 'day', limit: 0.01, unit: 'USD', action: 'warn' });
    ledger.record(record({ at: NOW - HOUR, providerId: 'prov-b', cost: 1 }));
    expect(failureOf(() => book.admit(target({ providerId: 'prov-a' })))).toBeNull();
    expect(book.verdict(target({ providerId: 'prov-a' })).warnings).toHaveLength(1);
    expect(failureOf(() => book.admit(target({ providerId: 'prov-b' })))?.code).toBe('budget_exceeded');
  });
});

describe('budget alerts', () => {
  it('says each threshold once per period, as spend reaches it', () => {
    const { book, ledger, alerts } = setup();
    book.save({ scope: { kind: 'tag', tag: 'work' }, period: 'day', limit: 1, unit: 'USD' });
    book.statuses();
    ledger.record(record({ at: NOW - 3 * HOUR, threadId: 't2', cost: 0.3 }));
    expect(alerts).toEqual([]);
    ledger.record(record({ at: NOW - 2 * HOUR, threadId: 't2', cost: 0.55 }));
    expect(alerts.map((a) => a.threshold)).toEqual([80]);
    ledger.record(record({ at: NOW - 2 * HOUR, threadId: 't3', cost: 5 }));
    ledger.record(record({ at: NOW - HOUR, threadId: 't1', cost: 0.2 }));
    expect(alerts.map((a) => a.threshold)).toEqual([80, 100]);
    expect(alerts[1]!.status.spent).toBeCloseTo(1.05);
    book.invalidate();
    ledger.record(record({ at: NOW - HOUR, threadId: 't1', cost: 0.2 }));
    book.statuses();
    ledger.record(record({ at: NOW - HOUR, threadId: 't1', cost: 0.2 }));
    expect(alerts.map((a) => a.threshold)).toEqual([80, 100]);
  });
});
