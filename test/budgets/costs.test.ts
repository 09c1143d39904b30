import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetBook } from '../../main/budgets/book';
import { budgetHandlers } from '../../main/budgets/handlers';
import { isAppFailure } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import type { CallContext } from '../../main/ipc/handlers';
import { UsageLedger } from '../../main/usage/ledger';
import { record } from '../usage/support';

const NOW = new Date(2026, 11, 6, 15).getTime();
const ctx: CallContext = { senderId: 1 };

function setup(now = () => NOW) {
  const { db } = openDatabase(':memory:', migrations);
  const book = new BudgetBook(db, { now });
  const target = { providerId: 'prov-a', model: 'model-x', projectId: null, tags: [] };
  const ledger = new UsageLedger(db, {
    now,
    onRecorded: (row, currency) => book.recorded(row, currency, { ...target, model: row.model }),
    onBulkChange: () => book.invalidate(),
  });
  const handlers = budgetHandlers(book, () => target);
  const price = (model: string, perMillion: number, currency: string) =>
    ledger.prices.save({
      providerId: null,
      model,
      inputPerMillion: perMillion,
      outputPerMillion: 0,
      currency,
      validFrom: 0,
    });
  return { db, book, ledger, handlers, price };
}

/** A thread whose messages form a tree: [id, parent] pairs, in order. */
function thread(
  db: ReturnType<typeof setup>['db'],
  id: string,
  tree: [string, string | null][],
  leaf: string,
) {
  db.prepare(
    'INSERT INTO threads (id, title, created_at, last_activity_at, active_leaf_id) VALUES (?, ?, 0, 0, ?)',
  ).run(id, id, leaf);
  tree.forEach(([message, parent], i) =>
    db
      .prepare(
        `INSERT INTO messages (id, thread_id, parent_id, role, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'complete', ?, ?)`,
      )
      .run(message, id, parent, i % 2 === 0 ? 'user' : 'assistant', i, i),
  );
}

describe('a thread’s and a branch’s cost', () => {
  it('shows each currency apart and credits apart, for the whole thread and the branch on screen', async () => {
    const { db, ledger, handlers, price } = setup();
    price('euro-model', 1_000_000, 'EUR');
    // u1 → a1 (first answer) and a2 (regenerated), a2 → u2 → a3.
    thread(
      db,
      't1',
      [
        ['u1', null],
        ['a1', 'u1'],
        ['a2', 'u1'],
        ['u2', 'a2'],
        ['a3', 'u2'],
      ],
      'a3',
    );
    const at = NOW - 60_000;
    ledger.record(record({ at, threadId: 't1', messageId: 'a1', cost: 0.5, totalTokens: 10 }));
    ledger.record(record({ at, threadId: 't1', messageId: 'a2', cost: 0.25, totalTokens: 20 }));
    ledger.record(
      record({ at, threadId: 't1', messageId: 'a3', model: 'euro-model', promptTokens: 2, totalTokens: 2 }),
    );
    ledger.record(
      record({ at, threadId: 't1', messageId: 'a3', creditsConsumed: 12.5, creditsRemaining: 100 }),
    );

    const shown = await handlers['budgets:threadCost']({ threadId: 't1' }, ctx);
    expect(shown.thread.costs).toEqual([
      { currency: 'USD', cost: 0.75 },
      { currency: 'EUR', cost: 2 },
    ]);
    expect(shown.thread.credits).toBe(12.5);
    expect(shown.thread.sources).toEqual({ provider: 2, table: 1, catalogue: 0 });
    expect(shown.branches).toBe(2);
    expect(shown.branch).toMatchObject({
      leafId: 'a3',
      costs: [
        { currency: 'USD', cost: 0.25 },
        { currency: 'EUR', cost: 2 },
      ],
      credits: 12.5,
      requests: 3,
    });

    const first = await handlers['budgets:threadCost']({ threadId: 't1', leafId: 'a1' }, ctx);
    expect(first.branch).toMatchObject({ leafId: 'a1', costs: [{ currency: 'USD', cost: 0.5 }], credits: 0 });
  });

  it('is shown converted only through the user’s rates, naming the rate and what none converts', async () => {
    const { db, ledger, handlers, price } = setup();
    price('euro-model', 1_000_000, 'EUR');
    price('pound-model', 1_000_000, 'GBP');
    thread(
      db,
      't1',
      [
        ['u1', null],
        ['a1', 'u1'],
      ],
      'a1',
    );
    const one = { at: NOW - 1000, threadId: 't1', messageId: 'a1', promptTokens: 1, totalTokens: 1 };
    ledger.record(record({ ...one, cost: 1 }));
    ledger.record(record({ ...one, model: 'euro-model' }));
    ledger.record(record({ ...one, model: 'pound-model' }));
    expect((await handlers['budgets:threadCost']({ threadId: 't1' }, ctx)).converted).toBeNull();

    await handlers['budgets:settings']({ convertTo: 'USD' }, ctx);
    await handlers['budgets:saveRate']({ from: 'EUR', to: 'USD', rate: 1.25, asOf: '2026-12-01' }, ctx);
    const shown = await handlers['budgets:threadCost']({ threadId: 't1' }, ctx);
    // The raw figures stay as they were: one per currency.
    expect(shown.thread.costs.map((c) => c.currency)).toEqual(['USD', 'EUR', 'GBP']);
    expect(shown.converted).toMatchObject({
      currency: 'USD',
      thread: 2.25,
      branch: 2.25,
      rates: [{ from: 'EUR', to: 'USD', factor: 1.25, asOf: '2026-12-01', inverted: false }],
      missing: ['GBP'],
    });
  });

  it('says a deleted thread is gone, and ignores a leaf from another thread', async () => {
    const { db, handlers } = setup();
    thread(db, 't1', [['u1', null]], 'u1');
    thread(db, 't2', [['v1', null]], 'v1');
    expect((await handlers['budgets:threadCost']({ threadId: 't1', leafId: 'v1' }, ctx)).branch).toBeNull();
    try {
      await handlers['budgets:threadCost']({ threadId: 'nope' }, ctx);
      expect.unreachable();
    } catch (error) {
      expect(isAppFailure(error) && error.error.code).toBe('not_found');
    }
  });
});

describe('exchange rates', () => {
  it('count spend in another currency only through a rate the user set, and say what was not counted', async () => {
    const { book, ledger, handlers, price } = setup();
    price('euro-model', 1_000_000, 'EUR');
    const budget = await handlers['budgets:save'](
      {
        name: '',
        scope: { kind: 'overall' },
        period: 'day',
        limit: 10,
        unit: 'USD',
        thresholds: [50, 80, 100],
        action: 'warn',
      },
      ctx,
    );
    ledger.record(record({ at: NOW - 1000, cost: 1 }));
    ledger.record(record({ at: NOW - 1000, model: 'euro-model', promptTokens: 3, totalTokens: 3 }));
    const before = (await handlers['budgets:list']({}, ctx))[0]!;
    expect(before.spent).toBe(1);
    expect(before.notCounted).toEqual([{ currency: 'EUR', amount: 3 }]);
    expect(before.converted).toEqual([]);

    // Entered the other way round: 1 USD = 0.8 EUR, so 3 EUR count as 3.75 USD.
    await handlers['budgets:saveRate']({ from: 'USD', to: 'EUR', rate: 0.8, asOf: '2026-12-01' }, ctx);
    const after = (await handlers['budgets:list']({}, ctx))[0]!;
    expect(after.spent).toBe(4.75);
    expect(after.notCounted).toEqual([]);
    expect(after.converted).toEqual([
      {
        currency: 'EUR',
        amount: 3,
        counted: 3.75,
        rate: expect.objectContaining({ from: 'EUR', to: 'USD', asOf: '2026-12-01', inverted: true }),
      },
    ]);
    // A later rate of the pair wins, in whichever direction it was entered.
    await handlers['budgets:saveRate']({ from: 'EUR', to: 'USD', rate: 1.1, asOf: '2026-12-05' }, ctx);
    ledger.record(record({ at: NOW - 500, model: 'euro-model', promptTokens: 1, totalTokens: 1 }));
    expect(book.statuses()[0]!.spent).toBe(5.4);
    expect(book.statuses()[0]!.spent).toBe(book.sum(budget, book.statuses()[0]!.start, NOW + 1));

    const rates = await handlers['budgets:rates']({}, ctx);
    for (const r of rates) await handlers['budgets:deleteRate']({ id: r.id }, ctx);
    expect(book.statuses()[0]!.spent).toBe(1);
  });

  it('refuse a rate that is not one, with the reason', async () => {
    const { handlers } = setup();
    for (const [input, words] of [
      [{ from: 'EUR', to: 'EUR', rate: 1, asOf: '2026-12-01' }, 'two different currencies'],
      [{ from: 'EUR', to: 'USD', rate: 0, asOf: '2026-12-01' }, 'above zero'],
      [{ from: 'EUR', to: 'USD', rate: 1, asOf: '2026-13-45' }, 'not a date'],
    ] as const) {
      try {
        await handlers['budgets:saveRate'](input, ctx);
        expect.unreachable();
      } catch (error) {
        expect(isAppFailure(error) && error.error.message).toContain(words);
      }
    }
  });

  it('keep running totals equal to a recomputation whatever rates and currencies come and go', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('row' as const),
              currency: fc.constantFrom('USD', 'EUR', 'GBP'),
              cost: fc.double({ min: Number.MIN_VALUE, max: 3, noNaN: true }),
            }),
            fc.record({
              kind: fc.constant('rate' as const),
              from: fc.constantFrom('USD', 'EUR', 'GBP'),
              to: fc.constantFrom('USD', 'EUR', 'GBP'),
              rate: fc.double({ min: 0.01, max: 100, noNaN: true }),
              day: fc.integer({ min: 1, max: 5 }),
            }),
          ),
          { maxLength: 30 },
        ),
        (steps) => {
          const { book, ledger, price } = setup();
          price('eur', 1_000_000, 'EUR');
          price('gbp', 1_000_000, 'GBP');
          const budget = book.save({ scope: { kind: 'overall' }, period: 'month', limit: 1e6, unit: 'USD' });
          for (const step of steps) {
            if (step.kind === 'row') {
              const model = step.currency === 'USD' ? 'model-x' : step.currency.toLowerCase();
              ledger.record(
                step.currency === 'USD'
                  ? record({ at: NOW - 1000, cost: step.cost })
                  : record({ at: NOW - 1000, model, promptTokens: 1, totalTokens: 1 }),
              );
            } else if (step.from !== step.to)
              book.rates.save({
                from: step.from,
                to: step.to,
                rate: step.rate,
                asOf: `2026-12-0${step.day}`,
              });
            const status = book.statuses()[0]!;
            expect(status.spent).toBe(book.sum(budget, status.start, status.end));
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
