/**
 * Which messages the reader chose to see whole ("Show all"), by key (a message's id). Kept outside
 * the component: the view of a message is laid out afresh when its answer settles, when its row
 * leaves the virtualized list and comes back, and when its thread is opened again; none of that
 * may fold it up again. Kept in sessionStorage, so a reload of the window keeps it too (a restart
 * does not: a huge answer opens folded).
 */
const KEY = 'llm-desk.expanded';
/** The most recent choices kept: enough for any reading session, bounded for storage. */
const KEPT = 200;

let keys: string[] | null = null;

function load(): string[] {
  if (keys) return keys;
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    keys = Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    // Storage unreadable or not JSON: nothing remembered, nothing lost but the folding.
    keys = [];
  }
  return keys;
}

export function isExpanded(key: string): boolean {
  return load().includes(key);
}

export function rememberExpanded(key: string): void {
  const next = [...load().filter((k) => k !== key), key].slice(-KEPT);
  keys = next;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: remembered for this page only.
  }
}

/** Forgets every choice held in this page (tests; the stored copy is read again). */
export function forgetExpandedCache(): void {
  keys = null;
}

/**
 * Sent (bubbling) from a "Show all" of a message the reader is not following as it is written:
 * the list keeps the reader where they are while the rest takes its place below, instead of
 * following the message's end (MessageList).
 */
export const HOLD_POSITION = 'llm-desk:hold-position';
