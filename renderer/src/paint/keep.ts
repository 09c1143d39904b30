import { captureFirstScreen, keepSnapshot } from './capture';

/** What the keeper needs to know of the app at a moment. */
export interface KeptView {
  /** The open thread, on the chat screen (null on any other screen, or with no thread open). */
  threadId: string | null;
  /** An answer is being written into it: the copy waits for the thread to settle. */
  busy: boolean;
}

/** How long the app stays unchanged before its screen is copied (a copy costs a few ms, when idle). */
const QUIET_MS = 2000;

/**
 * Keeps the copy the next start paints first (./paint.ts) up to date: once the screen has been
 * still for a moment and the page is idle, and as the window closes. `subscribe` tells of any
 * change of the app's state. A chat screen whose message box is disabled (no provider or model)
 * forgets the copy: the next start would otherwise offer a box that cannot send.
 */
export function keepFirstPaint(
  view: () => KeptView,
  subscribe: (onChange: () => void) => () => void,
): () => void {
  let timer: number | undefined;
  let idle: number | undefined;
  /** When the app last changed: a change only notes the time (it comes with every streamed frame). */
  let changedAt = 0;
  const save = () => {
    idle = undefined;
    const { threadId, busy } = view();
    if (threadId === null || busy) return;
    const box = document.querySelector<HTMLTextAreaElement>('#root textarea[data-testid="composer"]');
    if (!box) return;
    keepSnapshot(localStorage, box.disabled ? null : captureFirstScreen(document, threadId));
  };
  // One timer at a time: when it rings, it waits again for what is left of the quiet time.
  const ring = () => {
    const left = changedAt + QUIET_MS - performance.now();
    if (left > 0) {
      timer = window.setTimeout(ring, left);
      return;
    }
    timer = undefined;
    if (idle === undefined) idle = requestIdleCallback(save, { timeout: 1000 });
  };
  const schedule = () => {
    changedAt = performance.now();
    timer ??= window.setTimeout(ring, QUIET_MS);
  };
  const unsubscribe = subscribe(schedule);
  window.addEventListener('pagehide', save);
  schedule();
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', save);
    window.clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
