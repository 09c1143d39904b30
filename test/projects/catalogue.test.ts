import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestCost, catalogueAge, catalogueCost, cataloguePrice } from '../../main/usage/catalogue';
import { ctx, record, setup } from '../usage/support';

const AT = Date.UTC(2025, 4, 20, 12);

describe('cost from the best source', () => {
  it('takes the provider’s figure, then the user’s price, then the catalogue, in that order', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        fc.constantFrom('gpt-4o', 'openai/gpt-4o-mini', 'nobody-knows-me'),
        (reported, table, model) => {
          const best = bestCost(
            reported,
            () => (table === null ? null : { cost: table, currency: 'EUR' }),
            model,
            {
              promptTokens: 1000,
              completionTokens: 1000,
            },
          );
          if (reported !== null)
            expect(best).toEqual({ cost: reported, currency: 'USD', source: 'provider' });
          else if (table !== null) expect(best).toEqual({ cost: table, currency: 'EUR', source: 'table' });
          else if (model === 'nobody-knows-me') expect(best).toBeNull();
          else expect(best?.source).toBe('catalogue');
        },
      ),
    );
  });

  it('prices cached input and reasoning apart where their prices differ', () => {
    const price = { input: 2, cachedInput: 0.5, output: 8, reasoning: 10 };
    // 1M prompt of which 400k cached; 1M completion of which 300k reasoning.
    expect(
      catalogueCost(price, {
        promptTokens: 1e6,
        cachedTokens: 4e5,
        completionTokens: 1e6,
        reasoningTokens: 3e5,
      }),
    ).toBeCloseTo(0.6 * 2 + 0.4 * 0.5 + 0.7 * 8 + 0.3 * 10, 9);
    expect(cataloguePrice('openai/gpt-4o-2024-08-06')).toEqual(cataloguePrice('gpt-4o'));
  });

  it('says when the catalogue is older than 30 days', () => {
    const book = { asOf: '2026-11-01', currency: 'USD', models: {} };
    expect(catalogueAge(Date.UTC(2026, 10, 30), book).stale).toBe(false);
    expect(catalogueAge(Date.UTC(2026, 11, 6), book)).toEqual({ asOf: '2026-11-01', stale: true });
  });

  it('records a catalogue-priced row as such, and the user’s own price replaces it', async () => {
    const { ledger, handlers } = setup(() => AT);
    const row = ledger.record(
      record({ model: 'openai/gpt-4o', promptTokens: 1e6, completionTokens: 0, totalTokens: 1e6 }),
    );
    expect(row).toMatchObject({ cost: 2.5, costSource: 'catalogue' });
    const range = { from: AT - 86_400_000, to: AT + 86_400_000 };
    const stored = await handlers['usage:rows']({ ...range, offset: 0, limit: 10 }, ctx);
    expect(stored.rows[0]).toMatchObject({ cost: 2.5, costSource: 'catalogue' });

    await handlers['prices:save'](
      {
        providerId: null,
        model: 'openai/gpt-4o',
        inputPerMillion: 1,
        outputPerMillion: 1,
        currency: 'USD',
        validFrom: 0,
      },
      ctx,
    );
    const repriced = await handlers['usage:rows']({ ...range, offset: 0, limit: 10 }, ctx);
    expect(repriced.rows[0]).toMatchObject({ cost: 1, costSource: 'table' });
  });
});

describe('the message usage line', () => {
  it('says a cost came from the catalogue', async () => {
    const { usageLineFigures } = await import('../../renderer/src/parts/usage/usageLine');
    const f = usageLineFigures({
      usage: {
        promptTokens: 10,
        completionTokens: 5,
        reasoningTokens: null,
        totalTokens: 15,
        reported: true,
        creditsConsumed: null,
        creditsRemaining: null,
        cost: 0.002,
        costSource: 'catalogue',
      },
      meta: null,
    });
    expect([f.cost, f.costReported, f.fromCatalogue]).toEqual([0.002, false, true]);
  });
});
