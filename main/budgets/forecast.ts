import type { PeriodBounds } from './period';

export interface ForecastInput {
  /** What the period has spent so far. */
  spent: number;
  limit: number;
  period: PeriodBounds;
  now: number;
  /** The trailing window the rate is read from (see `rateWindow`) and what it spent. */
  window: { from: number; spent: number };
}

export interface Forecast {
  /** Spend per hour over the window. */
  ratePerHour: number;
  /** Where the period ends at that rate. */
  projected: number;
  /** When the limit is reached at that rate, or null when not within this period (or already). */
  reachesAt: number | null;
  /** The limit is already reached. */
  reached: boolean;
}

const HOUR = 3_600_000;

/**
 * The trailing window a forecast reads its rate from: the period so far, but never less than a
 * quarter of the period (at least an hour), so five minutes into a month a single request does
 * not project a fortune.
 */
export function rateWindow(period: PeriodBounds, now: number): { from: number; to: number } {
  const elapsed = Math.max(0, now - period.start);
  const least = Math.max(HOUR, (period.end - period.start) / 4);
  return { from: now - Math.max(elapsed, least), to: now };
}

/** Projected spend to the period's end at the window's rate, and the moment the limit is met. */
export function forecast({ spent, limit, period, now, window }: ForecastInput): Forecast {
  const span = now - window.from;
  const rate = span > 0 ? window.spent / span : 0;
  const remaining = Math.max(0, period.end - now);
  const projected = spent + rate * remaining;
  const reached = spent >= limit;
  let reachesAt: number | null = null;
  if (!reached && rate > 0) {
    const at = now + (limit - spent) / rate;
    if (at < period.end) reachesAt = Math.round(at);
  }
  return { ratePerHour: rate * HOUR, projected, reachesAt, reached };
}
