import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByCurrency } from '../../main/usage/currencies';
import { ctx, record, setup } from '../usage/support';

const AT = Date.UTC(2025, 4, 20, 12);
const range = { from: AT - 86_400_000 * 3, to: AT + 86_400_000 * 3, tzOffsetMinutes: 0 };

describe('costs in different currencies', () => {
  it('are totalled apart on the totals and on each breakdown line, never summed', async () => {
    const { ledger, handlers } = setup(() => AT);
    const price = (model: string, inputPerMillion: number, currency: string) =>
      handlers['prices:save'](
        { providerId: null, model, inputPerMillion, outputPerMillion: 0, currency, validFrom: 0 },
        ctx,
      );
    await price('euro-model', 1_000_000, 'EUR');
    await price('dollar-model', 2_000_000, 'USD');
    for (const [model, at] of [
      ['euro-model', AT],
      ['euro-model', AT - 86_400_000],
      ['dollar-model', AT],
    ] as const)
      ledger.record(record({ model, at, promptTokens: 1, completionTokens: 0, totalTokens: 1 }));

    const summary = await handlers['usage:summary'](range, ctx);
    expect(summary.costs).toEqual([
      { currency: 'USD', cost: 2 },
      { currency: 'EUR', cost: 2 },
    ]);
    const line = (model: string) => summary.breakdown.find((b) => b.model === model)?.costs;
    expect(line('euro-model')).toEqual([{ currency: 'EUR', cost: 2 }]);
    expect(line('dollar-model')).toEqual([{ currency: 'USD', cost: 2 }]);
  });

  it('splits a sum so that each currency gets exactly its rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            currency: fc.constantFrom('USD', 'EUR', 'GBP'),
            cost: fc.integer({ min: 1, max: 1e6 }).map((n) => n / 1000),
          }),
        ),
        (rows) => {
          const total = rows.reduce((s, r) => s + r.cost, 0);
          const split = splitByCurrency(
            total,
            rows.filter((r) => r.currency !== 'USD'),
          );
          for (const currency of ['USD', 'EUR', 'GBP']) {
            const want = rows.filter((r) => r.currency === currency).reduce((s, r) => s + r.cost, 0);
            const got = split.find((c) => c.currency === currency)?.cost ?? 0;
            expect(got).toBeCloseTo(want, 6);
          }
        },
      ),
    );
  });
});
