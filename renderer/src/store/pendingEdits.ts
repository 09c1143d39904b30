/**
 * Edits of a thread's settings that are shown but not yet saved (debounced fields) or saved but
 * not yet confirmed (a save in flight). Sending reads the thread's settings in main, so a send
 * first flushes both: the request is what the panel shows, even for an edit made a moment ago.
 *
 * Editors register a flusher while they are mounted; the store never imports them.
 */

/** Saves what is waiting now; resolves with a message when the edit cannot be sent as shown. */
export type Flusher = () => Promise<string | null>;

const flushers = new Map<string, Set<Flusher>>();
const inflight = new Map<string, Set<Promise<unknown>>>();

/** Registers an editor's flusher for a thread; call the returned function on unmount. */
export function registerFlusher(threadId: string, flush: Flusher): () => void {
  const set = flushers.get(threadId) ?? new Set<Flusher>();
  set.add(flush);
  flushers.set(threadId, set);
  return () => {
    set.delete(flush);
    if (set.size === 0 && flushers.get(threadId) === set) flushers.delete(threadId);
  };
}

/** Records a settings save in flight, so a send waits for it; returns the same promise. */
export function trackSave<T>(threadId: string, save: Promise<T>): Promise<T> {
  const set = inflight.get(threadId) ?? new Set<Promise<unknown>>();
  inflight.set(threadId, set);
  set.add(save);
  const done = () => {
    set.delete(save);
    if (set.size === 0 && inflight.get(threadId) === set) inflight.delete(threadId);
  };
  save.then(done, done);
  return save;
}

/**
 * Saves every pending edit of the thread and waits for saves already on their way. Resolves
 * with the first reason an edit cannot be sent as shown (an invalid field, a refused save),
 * or null when main now holds exactly what the panel shows.
 */
export async function flushPendingEdits(threadId: string): Promise<string | null> {
  const reasons = await Promise.all([...(flushers.get(threadId) ?? [])].map((flush) => flush()));
  // Flushing may have started saves of its own; loop until none is left.
  for (let guard = 0; guard < 10 && (inflight.get(threadId)?.size ?? 0) > 0; guard++)
    await Promise.allSettled([...(inflight.get(threadId) ?? [])]);
  return reasons.find((r) => r !== null) ?? null;
}
