import { describe, expect, it } from 'vitest';
import {
  expiryState,
  formatAgo,
  formatCountdown,
  formatSpan,
  nextTickMs,
} from '../../../renderer/src/platform/time';

const MIN = 60_000;

describe('credential countdowns', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);

  it('reads like a person would say it', () => {
    expect(formatCountdown(now + 14 * MIN + 20_000, now)).toBe('expires in 14 min');
    expect(formatCountdown(now + 45_000, now)).toBe('expires in 45 s');
    expect(formatCountdown(now + 125 * MIN, now)).toBe('expires in 2 h 5 min');
    expect(formatCountdown(now + 3 * 24 * 60 * MIN, now)).toBe('expires in 3 days');
    expect(formatCountdown(now - 3 * MIN, now)).toBe('expired 3 min ago');
  });

  it('warns in the last ten minutes and says expired at the expiry instant', () => {
    expect(expiryState(null, now)).toBe('none');
    expect(expiryState(now + 11 * MIN, now)).toBe('ok');
    expect(expiryState(now + 10 * MIN, now)).toBe('soon');
    expect(expiryState(now + 1, now)).toBe('soon');
    expect(expiryState(now, now)).toBe('expired');
  });

  it('ticks every second in the last minute and once a minute before, exactly when the text changes', () => {
    expect(nextTickMs(now + 30_000, now)).toBe(1000);
    const target = now + 14 * MIN + 20_000;
    const wait = nextTickMs(target, now);
    expect(formatCountdown(target, now + wait - 1)).toBe('expires in 14 min');
    expect(formatCountdown(target, now + wait)).toBe('expires in 13 min');
  });

  it('says "just now" for fresh fetches and minutes after that', () => {
    expect(formatAgo(now - 10_000, now)).toBe('just now');
    expect(formatAgo(now - 3 * MIN, now)).toBe('3 min ago');
    expect(formatSpan(0)).toBe('1 s');
  });
});
