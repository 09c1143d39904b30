// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../../main/contract';
import type { UsageTotalsCards as Cards } from '../../../renderer/src/features/usage/UsageTotalsCards';
import { render } from '../ui/render';

/** The bridge reads `window.api` once: a bare fake goes in first, the cards are imported after. */
Object.assign(window, { api: {} });
let UsageTotalsCards: typeof Cards;
beforeAll(async () => {
  ({ UsageTotalsCards } = await import('../../../renderer/src/features/usage/UsageTotalsCards'));
});

const summary = (over: Partial<UsageSummary>): UsageSummary => ({
  totals: { requests: 3, promptTokens: 3, completionTokens: 0, totalTokens: 3, credits: 0, cost: 15 },
  costs: [
    { currency: 'USD', cost: 2 },
    { currency: 'EUR', cost: 10 },
    { currency: 'GBP', cost: 3 },
  ],
  daily: [],
  byStatus: [{ status: 'complete', requests: 3 }],
  latency: [],
  breakdown: [],
  balances: [],
  ...over,
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());
const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('the usage cost card', () => {
  it('shows each currency apart, and no converted figure, when no rate converts anything', () => {
    view = render(<UsageTotalsCards summary={summary({ converted: null })} />);
    expect(text('usage-total-cost')).toBe('$2.00 + EUR 10.00 + GBP 3.00');
    expect(document.querySelector('[data-testid="usage-cost-converted"]')).toBeNull();
    expect(document.body.textContent).not.toContain('converted');
  });

  it('leads with the converted total, marked converted, naming each rate and what no rate converts', () => {
    view = render(
      <UsageTotalsCards
        summary={summary({
          converted: {
            currency: 'USD',
            amount: 14,
            rates: [{ id: 'r1', from: 'EUR', to: 'USD', factor: 1.2, asOf: '2026-01-02', inverted: false }],
            missing: [{ currency: 'GBP', cost: 3 }],
          },
        })}
      />,
    );
    const card = document.querySelector('[data-testid="usage-cost-converted"]');
    expect(card?.textContent).toContain('converted to USD');
    // The pounds are not part of the ≈ figure: they stand beside it.
    expect(text('usage-total-converted')).toBe('≈ $14.00 + GBP 3.00');
    expect(text('usage-total-cost')).toBe('$2.00 + EUR 10.00 + GBP 3.00 as charged');
    expect(text('usage-converted-rates')).toBe('At 1 EUR = 1.2 USD (your rate of 2026-01-02).');
    expect(text('usage-converted-missing')).toBe('Not converted (no rate set): GBP 3.00, kept apart.');
  });

  it('says a rate entered the other way round was inverted', () => {
    view = render(
      <UsageTotalsCards
        summary={summary({
          costs: [
            { currency: 'USD', cost: 5 },
            { currency: 'EUR', cost: 1 },
          ],
          converted: {
            currency: 'EUR',
            amount: 5,
            rates: [{ id: 'r1', from: 'USD', to: 'EUR', factor: 0.8, asOf: '2026-01-05', inverted: true }],
            missing: [],
          },
        })}
      />,
    );
    expect(text('usage-total-converted')).toBe('≈ EUR 5.00');
    expect(text('usage-converted-rates')).toContain('entered the other way round');
    expect(document.querySelector('[data-testid="usage-converted-missing"]')).toBeNull();
  });
});
