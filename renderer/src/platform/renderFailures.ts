/**
 * Threads whose rendering failed. The most recent thread is opened at start; if it is the one that
 * broke the window, opening it again would break it on every start. Kept in localStorage (the
 * renderer's own, like the store's persisted settings), newest first, a few at most.
 */
const KEY = 'llm-desk.render-failures';
const KEPT = 20;

function read(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Remember that `threadId` failed to render, so it is not reopened by itself at the next start. */
export function rememberRenderFailure(threadId: string | null): void {
  if (threadId === null) return;
  try {
    const ids = [threadId, ...read().filter((id) => id !== threadId)].slice(0, KEPT);
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // Storage full or unavailable: the thread may reopen, and its message boundaries still hold.
  }
}

/** The threads not to reopen by themselves at start, newest first. */
export function renderFailures(): string[] {
  return read();
}

export function renderFailed(threadId: string): boolean {
  return read().includes(threadId);
}

/** Why rendering failed, in words: a stack overflow is what hostile nesting causes. */
export function failureReason(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'the text nests too deeply to render';
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() === '' ? 'rendering failed' : message;
}
