import { useStore } from '../../store';
import { warmUpMarkdown } from '../../markdown/warmup';
import { FIRST_SCREEN_ROWS } from '../../platform/firstScreen';
import { renderFailed, renderFailures } from '../../platform/renderFailures';
import { loadSchemaCheck } from '../../platform/schemaCheck';
import { endFirstPaint, handOverFirstPaint } from '../../paint/adopt';
import { keepFirstPaint } from '../../paint/keep';
import { streamOfThread } from '../../store/conversation/streamReducer';
import { watchInput } from '../../store/conversation/framePacing';

let started: Promise<void> | null = null;
let background: Promise<void> | null = null;

/**
 * Loads what every screen needs once and opens the most recent thread, unless rendering it failed
 * before: a thread that broke the window must not break it again on every start. The thread is
 * asked for beside the list (threads:opening), not after it, and both were asked for by the entry
 * before the app's code ran (platform/firstScreen.ts). Once per page.
 *
 * Resolves when the first screen's data is in the store (the reopened thread, or none, and the
 * pane's first rows): the entry renders then (or after a short wait), so the first render draws
 * the thread instead of an empty shell followed by a second render and layout. The rest (the whole
 * list, the schema check, warm-ups) follows once the thread is drawn and the page is idle.
 */
export function startApp(): Promise<void> {
  if (started) return started;
  const s = useStore.getState();
  watchInput(window);
  s.startConversationSync();
  s.ensureProvidersSync();
  let shown: Promise<void> = Promise.resolve();
  const firstScreen = (async () => {
    const opened = s.openFirstThread(renderFailures()).then((ok) => {
      if (ok) shown = focusComposerOnceShown();
      return ok;
    });
    await s.loadThreads(FIRST_SCREEN_ROWS);
    if (await opened) return;
    const { currentThreadId, threads } = useStore.getState();
    const first = threads[0];
    if (currentThreadId === null && first && !renderFailed(first.id)) {
      await useStore.getState().openThread(first.id);
      shown = focusComposerOnceShown();
    }
  })();
  background = (async () => {
    try {
      await firstScreen;
      // The whole list once the thread is on screen and the page is idle: taking in 2,281 summaries
      // (666 KB) held the page ~300 ms between the thread's answer and its first paint, and in the
      // frame after the focus it still delayed the first keystroke's paint.
      await shown;
      // The first paint (renderer/src/paint) gives way to the app's own window, and its message box
      // takes what was typed: the inspector's picture stays until its panel, deferred at start, is in.
      handOverFirstPaint(document, '.inspector');
      await drawnWhole();
    } finally {
      handOverFirstPaint();
      endFirstPaint();
    }
    // From here on the screen is copied for the next start.
    keepFirstPaint(() => {
      const { screen, currentThreadId, streams } = useStore.getState();
      return {
        threadId: screen === 'chat' ? currentThreadId : null,
        busy: currentThreadId !== null && streamOfThread(streams, currentThreadId) !== null,
      };
    }, useStore.subscribe);
    await idle();
    // Its own chunk, off the first screen's scripts; evaluating it (~40 ms cold) used to land
    // between main's answers and the thread's render. Until it is in, answers are shown unchecked.
    void loadSchemaCheck();
    await useStore.getState().loadThreads();
    // Only once the window is usable: compiling grammars and KaTeX's tables meanwhile delayed it.
    await warmUpMarkdown();
  })();
  started = firstScreen;
  return started;
}

/**
 * Resolves once the start's work after the first screen (the whole list, the schema check, the
 * markdown warm-up) is done: the benchmarks time an action of the user's after it, not beside it.
 */
export function startedInFull(): Promise<void> {
  return background ?? Promise.resolve();
}

/** The page's next idle moment (at most half a second away). */
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));

/**
 * Resolves once the frame in which `drawn()` (asked at each frame) first holds is painted, or after
 * `frames` frames.
 */
function afterFrameWhere(drawn: () => boolean, frames = 60): Promise<void> {
  return new Promise((resolve) => {
    const look = (left: number) =>
      requestAnimationFrame(() => {
        // The task after this frame's rAF runs once the frame is painted.
        if (drawn() || left === 0) setTimeout(resolve, 0);
        else look(left - 1);
      });
    look(frames);
  });
}

/** Once nothing of the app's window says it is loading (each placeholder is marked data-loading). */
const drawnWhole = () => afterFrameWhere(() => !document.querySelector('#root [data-loading]'));

/**
 * Typing can start at once: the reopened thread's message box takes the focus as soon as it is
 * drawn and enabled (a few frames at most), unless the user has already put the focus elsewhere.
 * Resolves after the frame that drew it (or when it gives up).
 */
const focusComposerOnceShown = () =>
  afterFrameWhere(() => {
    // The app's own box (#root), not the first paint's over it.
    const composer = document.querySelector<HTMLTextAreaElement>('#root [data-testid="composer"]');
    const drawn = composer !== null && !composer.disabled;
    const focused = document.activeElement;
    if (drawn && (focused === null || focused === document.body)) composer.focus();
    return drawn;
  });
