import type { ThreadSummary } from '../../../../main/contract';

/** Pinned threads first, then by last activity, newest first. */
export function sortThreads(threads: readonly ThreadSummary[]): ThreadSummary[] {
  return [...threads].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt - a.lastActivityAt,
  );
}

/** The thread `delta` places away from `currentId` in the list, stopping at the ends. */
export function neighbourThread(
  threads: readonly ThreadSummary[],
  currentId: string | null,
  delta: number,
): string | null {
  if (threads.length === 0) return null;
  const at = threads.findIndex((t) => t.id === currentId);
  if (at < 0) return threads[0]?.id ?? null;
  const next = Math.min(threads.length - 1, Math.max(0, at + delta));
  return threads[next]?.id ?? null;
}

/**
 * The date formats of the list, made once: `toLocaleDateString` builds a new Intl formatter on
 * every call (about 0.3 ms), and a list of 2,000 threads spent 0.8 s of its start on them.
 */
const dateFormats = {
  weekday: new Intl.DateTimeFormat(undefined, { weekday: 'short' }),
  dayMonth: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }),
  dayMonthYear: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
};

/** "now", "5 min", "3 h", "Yesterday", "Mon", "12 Mar", "12 Mar 2023": short, for a dense list. */
export function relativeTime(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const date = new Date(at);
  const days = Math.floor(hours / 24);
  if (days < 2) return 'Yesterday';
  if (days < 7) return dateFormats.weekday.format(date);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dateFormats.dayMonth : dateFormats.dayMonthYear).format(date);
}
