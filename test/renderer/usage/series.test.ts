import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../../main/contract';
import { addDays, dayKey } from '../../../renderer/src/store/usage/range';
import {
  buildDailySeries,
  latencySeries,
  lowBalances,
  moneyMode,
  OTHER_MODELS,
  statusSeries,
} from '../../../renderer/src/features/usage/series';

type Daily = UsageSummary['daily'];
const row = (
  day: string,
  model: string,
  tokens: number,
  extra: Partial<Daily[number]> = {},
): Daily[number] => ({
  day,
  model,
  tokens,
  cost: 0,
  credits: 0,
  requests: 1,
  ...extra,
});

describe('daily chart series', () => {
  it('has one slot per calendar day, zero on quiet days', () => {
    const s = buildDailySeries([row('2025-03-01', 'a', 10), row('2025-03-03', 'a', 5)], {
      fromDay: '2025-03-01',
      toDay: '2025-03-04',
    });
    expect(s.days).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04']);
    expect(s.tokens).toEqual([[10, 0, 5, 0]]);
  });

  it('starts an all-time range at the first recorded day', () => {
    const s = buildDailySeries([row('2025-03-02', 'a', 1), row('2025-02-27', 'a', 1)], {
      fromDay: null,
      toDay: '2025-03-02',
    });
    expect(s.days[0]).toBe('2025-02-27');
    expect(s.days).toHaveLength(4);
  });

  it('stacks the biggest models and sums the rest as "Other models"', () => {
    const daily = ['a', 'b', 'c', 'd'].map((m, i) => row('2025-03-01', m, (i + 1) * 10));
    const s = buildDailySeries(daily, { fromDay: '2025-03-01', toDay: '2025-03-01' }, 3);
    expect(s.models).toEqual(['d', 'c', OTHER_MODELS]);
    expect(s.tokens.map((t) => t[0])).toEqual([40, 30, 30]);
  });

  it('conserves every token, credit and request inside the range, for any ledger', () => {
    const arbRow = fc.record({
      offset: fc.integer({ min: 0, max: 400 }),
      model: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'),
      tokens: fc.integer({ min: 0, max: 10_000 }),
      credits: fc.integer({ min: 0, max: 100 }),
      requests: fc.integer({ min: 1, max: 5 }),
    });
    const start = new Date(2025, 2, 20).getTime();
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 60 }), fc.integer({ min: 0, max: 380 }), (rows, span) => {
        const daily = rows.map((r) =>
          row(dayKey(addDays(start, r.offset)), r.model, r.tokens, {
            credits: r.credits,
            requests: r.requests,
          }),
        );
        const toDay = dayKey(addDays(start, span));
        const s = buildDailySeries(daily, { fromDay: dayKey(start), toDay });
        const inside = daily.filter((d) => d.day <= toDay);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(s.tokens.flat())).toBe(sum(inside.map((d) => d.tokens)));
        expect(sum(s.credits)).toBe(sum(inside.map((d) => d.credits)));
        expect(sum(s.requests)).toBe(sum(inside.map((d) => d.requests)));
        expect(s.models.length).toBeLessThanOrEqual(8);
      }),
    );
  });

  it('sums long ranges into weeks that start on the range’s first day', () => {
    const start = new Date(2025, 0, 1).getTime();
    const daily = [
      row('2025-01-01', 'a', 1),
      row('2025-01-07', 'a', 2),
      row('2025-01-08', 'a', 4),
      row(dayKey(addDays(start, 199)), 'a', 8),
    ];
    const s = buildDailySeries(daily, { fromDay: '2025-01-01', toDay: dayKey(addDays(start, 199)) });
    expect(s.bucket).toBe(7);
    expect(s.days.slice(0, 2)).toEqual(['2025-01-01', '2025-01-08']);
    expect(s.days).toHaveLength(Math.ceil(200 / 7));
    expect(s.tokens[0]?.slice(0, 2)).toEqual([3, 4]);
    expect(s.tokens[0]?.at(-1)).toBe(8);
  });

  it('builds two years of eight models quickly enough to paint at once', () => {
    const start = new Date(2023, 0, 1).getTime();
    const daily: Daily = [];
    for (let d = 0; d < 730; d++)
      for (let m = 0; m < 12; m++) daily.push(row(dayKey(addDays(start, d)), `model-${m}`, 1000 + m));
    const span = { fromDay: null, toDay: dayKey(addDays(start, 729)) };
    // Best of a few runs: the figure is about the algorithm, not a busy test machine's first call.
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      buildDailySeries(daily, span);
      best = Math.min(best, performance.now() - t0);
    }
    const s = buildDailySeries(daily, span);
    expect(s.days).toHaveLength(Math.ceil(730 / 7));
    expect(s.models).toHaveLength(8);
    expect(best).toBeLessThan(50);
  });
});

describe('other chart inputs', () => {
  it('picks cost, credits, both or neither from the totals', () => {
    const t = { requests: 1, promptTokens: 1, completionTokens: 1, totalTokens: 2, credits: 0, cost: 0 };
    expect(moneyMode(t)).toBe('none');
    expect(moneyMode({ ...t, cost: 1 })).toBe('cost');
    expect(moneyMode({ ...t, credits: 1 })).toBe('credits');
    expect(moneyMode({ ...t, cost: 1, credits: 1 })).toBe('both');
  });

  it('lists every status in a fixed order', () => {
    expect(statusSeries([{ status: 'error', requests: 2 }])).toEqual([
      { status: 'complete', requests: 0 },
      { status: 'interrupted', requests: 0 },
      { status: 'aborted', requests: 0 },
      { status: 'error', requests: 2 },
    ]);
  });

  it('shows latency for the busiest measured models', () => {
    const l = latencySeries(
      [
        { model: 'quiet', p50: 100, p95: 200, requests: 1 },
        { model: 'busy', p50: 300, p95: 900, requests: 50 },
        { model: 'unmeasured', p50: null, p95: null, requests: 99 },
      ],
      5,
    );
    expect(l).toEqual({ models: ['busy', 'quiet'], p50: [300, 100], p95: [900, 200] });
  });

  it('warns at or under the low-balance threshold', () => {
    const b = [
      { providerId: 'a', creditsRemaining: 100 },
      { providerId: 'b', creditsRemaining: 5000 },
    ];
    expect(lowBalances(b, 100).map((x) => x.providerId)).toEqual(['a']);
  });
});
