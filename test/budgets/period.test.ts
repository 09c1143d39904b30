import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type BudgetPeriod, periodAt, weekStartOf } from '../../main/budgets/period';

const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
];
const PERIODS: BudgetPeriod[] = ['day', 'week', 'month'];
// 2020–2030: several daylight-saving changes each year in most of these zones.
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

/** The local wall clock of an instant in the current TZ. */
const wall = (t: number) => {
  const d = new Date(t);
  return {
    y: d.getFullYear(),
    m: d.getMonth(),
    d: d.getDate(),
    h: d.getHours(),
    min: d.getMinutes(),
    wd: d.getDay(),
  };
};

describe('budget periods follow the local calendar', () => {
  for (const zone of ZONES) {
    it(`in ${zone}: each period holds its instant, starts at a local midnight and ends where the next starts`, () => {
      process.env.TZ = zone;
      fc.assert(
        fc.property(
          instant,
          fc.constantFrom(...PERIODS),
          fc.integer({ min: 0, max: 6 }),
          (at, period, ws) => {
            const weekStart = ws as 0 | 1 | 2 | 3 | 4 | 5 | 6;
            const { start, end } = periodAt(period, at, weekStart);
            expect(start).toBeLessThanOrEqual(at);
            expect(at).toBeLessThan(end);
            // The next period begins exactly at this one's end: no gap, no overlap.
            expect(periodAt(period, end, weekStart).start).toBe(end);
            expect(periodAt(period, end - 1, weekStart)).toEqual({ start, end });
            const s = wall(start);
            // Local midnight, or the first instant of a day whose midnight a clock change skipped.
            expect(s.h * 60 + s.min).toBeLessThanOrEqual(60);
            expect(wall(start - 1).d).not.toBe(s.d);
            if (period === 'month') expect(s.d).toBe(1);
            if (period === 'week') expect(s.wd).toBe(weekStart);
            const hours = (end - start) / 3_600_000;
            const days = period === 'day' ? [1, 1] : period === 'week' ? [7, 7] : [28, 31];
            expect(hours).toBeGreaterThanOrEqual(days[0]! * 24 - 1);
            expect(hours).toBeLessThanOrEqual(days[1]! * 24 + 1);
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('makes the day of a spring-forward change 23 hours long and the autumn one 25', () => {
    process.env.TZ = 'America/New_York';
    const spring = periodAt('day', new Date(2026, 2, 8, 12).getTime());
    const autumn = periodAt('day', new Date(2026, 10, 1, 12).getTime());
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it('resets a day budget at local midnight, not at UTC midnight', () => {
    process.env.TZ = 'Asia/Kolkata';
    // 20:00 UTC on 5 December is 01:30 on 6 December in Kolkata.
    const { start } = periodAt('day', Date.UTC(2026, 11, 5, 20));
    expect(start).toBe(Date.UTC(2026, 11, 5, 18, 30));
  });

  it('ends a month on its last day, leap years included', () => {
    process.env.TZ = 'Europe/London';
    const feb = periodAt('month', new Date(2028, 1, 29, 23, 59).getTime());
    expect(new Date(feb.end - 1).getDate()).toBe(29);
    const jan = periodAt('month', new Date(2026, 0, 31, 23, 59).getTime());
    expect(new Date(jan.end).getMonth()).toBe(1);
  });

  it('starts the week on the locale’s first day', () => {
    expect(weekStartOf('en-GB')).toBe(1);
    expect(weekStartOf('en-US')).toBe(0);
  });
});
