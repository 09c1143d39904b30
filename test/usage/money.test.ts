import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../main/contract';
import { cataloguePrice } from '../../main/usage/catalogue';
import { roundMoney, sumMoney } from '../../main/usage/money';
import { ctx, record, setup } from './support';

const AT = Date.UTC(2025, 4, 20, 12);
const range = { from: AT - 86_400_000 * 3, to: AT + 86_400_000 * 3, tzOffsetMinutes: 0 };

/** Any positive amount, with the awkward ones drawn often: subnormal, half a nano-unit, 0.1 + 0.2. */
const positive = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: 5, noNaN: true }),
  fc.constantFrom(Number.MIN_VALUE, 5e-324, 4.9e-10, 5e-10, 5.1e-10, 1e-9, 0.1, 0.2, 0.3),
);

/** Per currency, the plain sum under the rule: each recorded cost, then the total, in nano-units. */
function perCurrency(rows: { row: UsageRow; currency: string }[]): Map<string, number> {
  const out = new Map<string, number[]>();
  for (const { row, currency } of rows)
    if (row.cost !== null) out.set(currency, [...(out.get(currency) ?? []), row.cost]);
  return new Map([...out].map(([currency, costs]) => [currency, sumMoney(costs)]));
}

describe('the one rounding rule for money', () => {
  it('rounds to whole nano-units, never to -0', () => {
    expect(roundMoney(5e-324)).toBe(0);
    expect(Object.is(roundMoney(-1e-18), 0)).toBe(true);
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(1.0000000006)).toBe(1.000000001);
    expect(sumMoney([0.1, 0.2, 0.3])).toBe(sumMoney([0.3, 0.2, 0.1]));
  });

  it('gives each currency exactly its rows’ sum, whatever positive costs they had', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom('reported', 'euro', 'pound'),
            cost: positive,
            model: fc.constantFrom('m1', 'm2'),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        positive,
        async (drawn, perMillion) => {
          const { ledger, handlers } = setup(() => AT);
          // One token at a price of `perMillion` million per million: the cost is `perMillion`.
          for (const [model, currency] of [
            ['m1-eur', 'EUR'],
            ['m2-eur', 'EUR'],
            ['m1-gbp', 'GBP'],
            ['m2-gbp', 'GBP'],
          ] as const)
            await handlers['prices:save'](
              {
                providerId: null,
                model,
                inputPerMillion: perMillion * 1_000_000,
                outputPerMillion: 0,
                currency,
                validFrom: 0,
              },
              ctx,
            );
          const recorded = drawn.map((d) => {
            const model = d.kind === 'reported' ? d.model : `${d.model}-${d.kind === 'euro' ? 'eur' : 'gbp'}`;
            const row = ledger.record(
              record({
                model,
                at: AT,
                promptTokens: 1,
                completionTokens: 0,
                totalTokens: 1,
                cost: d.kind === 'reported' ? d.cost : undefined,
              }),
            );
            return { row, currency: d.kind === 'reported' ? 'USD' : d.kind === 'euro' ? 'EUR' : 'GBP' };
          });
          for (const { row } of recorded) if (row.cost !== null) expect(row.cost).toBe(roundMoney(row.cost));

          const summary = await handlers['usage:summary'](range, ctx);
          const want = perCurrency(recorded);
          const got = new Map(summary.costs.map((c) => [c.currency, c.cost]));
          for (const [currency, cost] of want) if (cost !== 0) expect(got.get(currency)).toBe(cost);
          for (const [currency, cost] of got)
            if (currency !== 'USD' || cost !== 0) expect(want.get(currency)).toBe(cost);
          for (const line of summary.breakdown) {
            const lineWant = perCurrency(recorded.filter((r) => r.row.model === line.model));
            for (const c of line.costs) expect(c.cost).toBe(lineWant.get(c.currency) ?? 0);
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('the bundled catalogue', () => {
  it('prices only the models it lists, not names Object.prototype answers to', () => {
    for (const model of ['__proto__', 'constructor', 'toString', 'vendor/hasOwnProperty'])
      expect(cataloguePrice(model)).toBeNull();
    expect(cataloguePrice('openai/gpt-4o-2024-08-06')).not.toBeNull();
  });
});
