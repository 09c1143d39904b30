import { afterEach, describe, expect, it } from 'vitest';
import { zoneSpec } from '../../../renderer/src/store/usage/range';

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('the zone sent with a usage query', () => {
  it('finds each daylight-saving change inside the range to the millisecond', () => {
    process.env.TZ = 'America/New_York';
    expect(zoneSpec(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))).toEqual({
      tzOffsetMinutes: -300,
      tzTransitions: [
        { at: Date.UTC(2025, 2, 9, 7), offsetMinutes: -240 },
        { at: Date.UTC(2025, 10, 2, 6), offsetMinutes: -300 },
      ],
    });
    // A range in summer starts on daylight time and holds no change.
    expect(zoneSpec(Date.UTC(2025, 5, 1), Date.UTC(2025, 6, 1))).toEqual({
      tzOffsetMinutes: -240,
      tzTransitions: [],
    });
  });

  it('has no changes in a zone without daylight saving, and does not search before there was usage', () => {
    process.env.TZ = 'Asia/Kolkata';
    expect(zoneSpec(0, Date.UTC(2026, 0, 1))).toEqual({ tzOffsetMinutes: 330, tzTransitions: [] });
    process.env.TZ = 'Europe/Berlin';
    const allTime = zoneSpec(0, Date.UTC(2026, 0, 1));
    expect(allTime.tzTransitions).toHaveLength(12);
    expect(allTime.tzTransitions.every((t) => t.at >= Date.UTC(2020, 0, 1))).toBe(true);
  });
});
