import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast, rateWindow } from '../../main/budgets/forecast';

const HOUR = 3_600_000;

describe('a budget forecast', () => {
  it('is exact for a constant rate: the period ends where the rate says, and the limit is met when it says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 * 24 }), // period length in hours
        fc.double({ min: 0.01, max: 0.99, noNaN: true }), // how far in we are
        fc.double({ min: 1e-4, max: 100, noNaN: true }), // spend per hour
        fc.double({ min: 0.01, max: 10_000, noNaN: true }), // the limit
        (hours, fraction, perHour, limit) => {
          const period = { start: 1_700_000_000_000, end: 1_700_000_000_000 + hours * HOUR };
          const now = period.start + Math.round(fraction * hours * HOUR);
          const spentBy = (t: number) => ((t - period.start) / HOUR) * perHour;
          const window = rateWindow(period, now);
          const f = forecast({
            spent: spentBy(now),
            limit,
            period,
            now,
            // A constant rate was also constant before the period began.
            window: { from: window.from, spent: ((now - window.from) / HOUR) * perHour },
          });
          expect(f.ratePerHour).toBeCloseTo(perHour, 6);
          expect(f.projected).toBeCloseTo(hours * perHour, 6);
          const meets = period.start + (limit / perHour) * HOUR;
          if (spentBy(now) >= limit) expect(f.reached).toBe(true);
          else if (meets < period.end) expect(Math.abs((f.reachesAt ?? 0) - meets)).toBeLessThanOrEqual(1);
          else expect(f.reachesAt).toBeNull();
        },
      ),
    );
  });

  it('reads the rate from at least a quarter of the period, so one early request projects no fortune', () => {
    const period = { start: 0, end: 30 * 24 * HOUR };
    const now = 5 * 60_000;
    const window = rateWindow(period, now);
    expect(now - window.from).toBe(7.5 * 24 * HOUR);
    const f = forecast({ spent: 1, limit: 100, period, now, window: { from: window.from, spent: 1 } });
    expect(f.projected).toBeLessThan(5);
  });

  it('says nothing is coming when nothing is spent', () => {
    const period = { start: 0, end: 24 * HOUR };
    const f = forecast({ spent: 0, limit: 5, period, now: HOUR, window: { from: 0, spent: 0 } });
    expect(f).toEqual({ ratePerHour: 0, projected: 0, reachesAt: null, reached: false });
  });
});
