import { describe, expect, it } from 'vitest';
import { BudgetBook } from '../../main/budgets/book';
import { costSettings } from '../../main/budgets/costSettings';
import { usageConversion } from '../../main/budgets/handlers';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { UsageLedger } from '../../main/usage/ledger';
import { usageHandlers } from '../../main/usage/handlers';
import { ctx, record } from './support';

const AT = Date.UTC(2026, 0, 10, 12);
const range = { from: AT - 86_400_000, to: AT + 86_400_000, tzOffsetMinutes: 0 };

/** The usage channels wired as main/services.ts wires them: totals converted through the user's rates. */
function setup() {
  const { db } = openDatabase(':memory:', migrations);
  const book = new BudgetBook(db, { now: () => AT });
  const ledger = new UsageLedger(db, { now: () => AT });
  const handlers = usageHandlers({
    db,
    ledger,
    events: { broadcast: () => {} },
    now: () => AT,
    convert: usageConversion(book),
  });
  const spend = async (model: string, currency: string, amount: number) => {
    await handlers['prices:save'](
      { providerId: null, model, inputPerMillion: amount * 1e6, outputPerMillion: 0, currency, validFrom: 0 },
      ctx,
    );
    ledger.record(record({ model, at: AT, promptTokens: 1, completionTokens: 0, totalTokens: 1 }));
  };
  return { db, book, handlers, spend };
}

describe('usage totals converted into the chosen currency', () => {
  it('add each currency through the user’s latest rate, list the rates, and keep what none converts apart', async () => {
    const { db, book, handlers, spend } = setup();
    await spend('dollar-model', 'USD', 2);
    await spend('euro-model', 'EUR', 10);
    await spend('pound-model', 'GBP', 3);
    // Without a chosen currency nothing is converted; the per-currency figures stay the truth.
    expect((await handlers['usage:summary'](range, ctx)).converted ?? null).toBeNull();

    costSettings(db, { convertTo: 'USD' });
    book.rates.save({ from: 'EUR', to: 'USD', rate: 1.1, asOf: '2025-12-01' });
    const eur = book.rates.save({ from: 'EUR', to: 'USD', rate: 1.2, asOf: '2026-01-02' });
    const summary = await handlers['usage:summary'](range, ctx);
    expect(summary.costs).toEqual([
      { currency: 'USD', cost: 2 },
      { currency: 'EUR', cost: 10 },
      { currency: 'GBP', cost: 3 },
    ]);
    expect(summary.converted).toEqual({
      currency: 'USD',
      amount: 14, // $2 + €10 × 1.2 (the later rate); the pounds have no rate
      rates: [{ id: eur.id, from: 'EUR', to: 'USD', factor: 1.2, asOf: '2026-01-02', inverted: false }],
      missing: [{ currency: 'GBP', cost: 3 }],
    });
  });

  it('converts the other way round through a rate entered in the opposite direction', async () => {
    const { db, book, handlers, spend } = setup();
    await spend('dollar-model', 'USD', 5);
    await spend('euro-model', 'EUR', 1);
    costSettings(db, { convertTo: 'EUR' });
    book.rates.save({ from: 'EUR', to: 'USD', rate: 1.25, asOf: '2026-01-05' });
    const converted = (await handlers['usage:summary'](range, ctx)).converted;
    expect(converted).toMatchObject({ currency: 'EUR', amount: 5, missing: [] });
    expect(converted?.rates).toEqual([expect.objectContaining({ from: 'USD', to: 'EUR', inverted: true })]);
  });

  it('is not offered when no rate converts anything (a single currency, or rates for other pairs)', async () => {
    const { db, book, handlers, spend } = setup();
    await spend('dollar-model', 'USD', 5);
    costSettings(db, { convertTo: 'USD' });
    book.rates.save({ from: 'EUR', to: 'USD', rate: 1.25, asOf: '2026-01-05' });
    expect((await handlers['usage:summary'](range, ctx)).converted ?? null).toBeNull();
    await spend('yen-model', 'JPY', 500);
    expect((await handlers['usage:summary'](range, ctx)).converted ?? null).toBeNull();
  });
});
