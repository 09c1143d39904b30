/** Relative times for credentials and caches: "expires in 14 min", "fetched 3 min ago". */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A token this close to its expiry gets a warning so the user can replace it before a request fails. */
const EXPIRY_WARNING_MS = 10 * MINUTE;

export type ExpiryState = 'none' | 'ok' | 'soon' | 'expired';

export function expiryState(expiresAt: number | null, now: number, warnMs = EXPIRY_WARNING_MS): ExpiryState {
  if (expiresAt === null) return 'none';
  if (expiresAt <= now) return 'expired';
  return expiresAt - now <= warnMs ? 'soon' : 'ok';
}

/** A coarse span: "45 s", "14 min", "2 h 5 min", "3 days". */
export function formatSpan(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return `${Math.max(1, Math.floor(abs / 1000))} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(abs / DAY);
  return days === 1 ? '1 day' : `${days} days`;
}

export function formatCountdown(expiresAt: number, now: number): string {
  return expiresAt > now
    ? `expires in ${formatSpan(expiresAt - now)}`
    : `expired ${formatSpan(now - expiresAt)} ago`;
}

export function formatAgo(at: number, now: number): string {
  const ms = now - at;
  if (ms < 45_000) return 'just now';
  return `${formatSpan(ms)} ago`;
}

/**
 * How long until a countdown's text next changes, so a ticking display re-renders only when
 * needed: every second in the last minute, every minute before that.
 */
export function nextTickMs(target: number, now: number): number {
  const remaining = Math.abs(target - now);
  if (remaining < MINUTE) return 1000;
  const intoMinute = remaining % MINUTE;
  return Math.max(1000, target > now ? intoMinute + 1 : MINUTE - intoMinute);
}
