// A zone with daylight saving, so the day arithmetic is tested across a 23- and a 25-hour day.
process.env.TZ = 'Europe/Berlin';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  customRangeError,
  dayKey,
  dayRange,
  daysBetween,
  parseDayKey,
  rangeFor,
  tzOffsetMinutes,
} from '../../../renderer/src/store/usage/range';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('usage date ranges in local time', () => {
  it('today runs from local midnight up to (not including) the next one', () => {
    const now = at(2025, 3, 30, 15);
    const r = rangeFor('today', now);
    expect(dayKey(r.from)).toBe('2025-03-30');
    expect(new Date(r.from).getHours()).toBe(0);
    expect(dayKey(r.to - 1)).toBe('2025-03-30');
    expect(dayKey(r.to)).toBe('2025-03-31');
    expect(new Date(r.to).getHours()).toBe(0);
  });

  it('7 and 30 days include today', () => {
    const now = at(2025, 3, 31);
    expect(dayKey(rangeFor('7d', now).from)).toBe('2025-03-25');
    expect(dayKey(rangeFor('30d', now).from)).toBe('2025-03-02');
    expect(rangeFor('all', now).from).toBe(0);
  });

  it('a custom range covers whole days and falls back to today when unusable', () => {
    const now = at(2025, 6, 1);
    const r = rangeFor('custom', now, { from: '2025-03-29', to: '2025-03-31' });
    expect(dayKey(r.from)).toBe('2025-03-29');
    expect(dayKey(r.to - 1)).toBe('2025-03-31');
    expect(r.to - r.from).toBe(3 * 86_400_000 - 3_600_000);
    expect(dayKey(rangeFor('custom', now, { from: '2025-04-02', to: '2025-04-01' }).from)).toBe('2025-06-01');
    expect(customRangeError({ from: '2025-04-02', to: '2025-04-01' })).toContain('before');
    expect(customRangeError({ from: '', to: '2025-04-01' })).toContain('both');
  });

  it('rejects impossible dates', () => {
    expect(parseDayKey('2025-02-30')).toBeNull();
    expect(parseDayKey('not a day')).toBeNull();
    expect(dayRange('2025-13-01')).toBeNull();
  });

  it('reports the local offset east of UTC', () => {
    expect(tzOffsetMinutes(at(2025, 1, 15))).toBe(60);
    expect(tzOffsetMinutes(at(2025, 7, 15))).toBe(120);
  });

  it('lists every calendar day exactly once, across DST changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 400 }),
        (startOffset, length) => {
          const start = addDays(at(2024, 1, 1), startOffset);
          const end = addDays(start, length);
          const days = daysBetween(dayKey(start), dayKey(end));
          expect(days).toHaveLength(length + 1);
          expect(new Set(days).size).toBe(days.length);
          expect(days[0]).toBe(dayKey(start));
          expect(days.at(-1)).toBe(dayKey(end));
        },
      ),
    );
  });
});
