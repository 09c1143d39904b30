import { api } from '../bridge/api';
import { emptyMarkdown, updateMarkdown } from '../markdown/incremental';
import { stableChunkHtml, tailHtml } from '../markdown/streamingCache';
import { startedInFull } from '../features/shell/bootstrap';
import { useStore } from '../store';
import { afterPaint, frameRecorder, inputLatencyRecorder } from './measure';

export interface BenchHooks {
  /**
   * Streams `text` into the incremental markdown `step` characters at a time; ms per update, all
   * the view does per frame: lex the tail, render blocks that just settled (earlier ones are
   * cached) and render the tail.
   */
  markdownUpdates(text: string, step: number): number[];
  /** Starts recording frame intervals; `stop()` returns them in ms. */
  recordFrames(): { stop: () => number[] };
  /** Records key-press-to-next-paint in the message box; `stop()` returns ms per key. */
  recordComposerLatency(): { stop: () => number[] };
  /** Opens a thread and resolves once its messages are painted: ms taken and DOM nodes then. */
  openThread(threadId: string): Promise<{ ms: number; domNodes: number }>;
  /**
   * Opens a thread and sends `text` in it as the message box would (the store's send), resolving
   * once main has accepted it: streams can be started in several threads, the last one on screen.
   */
  sendIn(threadId: string, text: string): Promise<boolean>;
  /**
   * Scrolls the message list to the top `pixelsPerFrame` at a time, recording frame intervals,
   * until the first message of the thread is on screen (earlier messages load on the way up), and
   * on until every row in view is drawn in full (rows are sketches while the list flies,
   * features/conversation/flight.ts). `settledMs`: from the last scroll to that paint.
   */
  scrollMessagesToTop(pixelsPerFrame: number): Promise<{ frames: number[]; settledMs: number }>;
  domNodes(): number;
  /** Resolves once the start's own work after the first screen is done (features/shell/bootstrap.ts). */
  settled(): Promise<void>;
  /** Rows of the open thread's message list that are loaded (rendered or not). */
  loadedRows(): number;
}

function messageList(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="message-list"]');
}

const hooks: BenchHooks = {
  markdownUpdates(text, step) {
    let state = emptyMarkdown;
    const times: number[] = [];
    for (let n = step; n < text.length + step; n += step) {
      const t0 = performance.now();
      state = updateMarkdown(state, text.slice(0, n));
      for (const chunk of state.chunks) stableChunkHtml(chunk);
      tailHtml(state);
      times.push(performance.now() - t0);
    }
    return times;
  },
  recordFrames: frameRecorder,
  recordComposerLatency() {
    const composer = document.querySelector('[data-testid="composer"]');
    if (!composer) throw new Error('The message box is not on screen.');
    return inputLatencyRecorder(composer);
  },
  async openThread(threadId) {
    const started = performance.now();
    useStore.getState().setScreen('chat');
    await useStore.getState().openThread(threadId);
    while (!document.querySelector('[data-testid="message"]')) await afterPaint();
    const end = await afterPaint();
    return { ms: end - started, domNodes: hooks.domNodes() };
  },
  async sendIn(threadId, text) {
    await hooks.openThread(threadId);
    return useStore.getState().send(threadId, text);
  },
  async scrollMessagesToTop(pixelsPerFrame) {
    const list = messageList();
    if (!list) throw new Error('No message list on screen.');
    const recorder = frameRecorder();
    const threadId = useStore.getState().currentThreadId;
    const earlier = () => threadId !== null && (useStore.getState().details[threadId]?.earlier ?? false);
    while (list.scrollTop > 0 || earlier()) {
      list.scrollTop = Math.max(0, list.scrollTop - pixelsPerFrame);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const stopped = performance.now();
    let drawn = await afterPaint();
    // Bounded: sketches that never land make the figure fail rather than the run hang.
    while (list.querySelector('.msg-sketch') && drawn - stopped < 5000) drawn = await afterPaint();
    return { frames: recorder.stop(), settledMs: drawn - stopped };
  },
  domNodes: () => document.getElementsByTagName('*').length,
  settled: startedInFull,
  loadedRows() {
    const { currentThreadId, views } = useStore.getState();
    return currentThreadId === null ? 0 : (views[currentThreadId]?.rows.length ?? 0);
  },
};

declare global {
  interface Window {
    __llmDeskBench?: BenchHooks;
  }
}

/**
 * Measurement hooks for the browser-driven benchmarks, installed only when the renderer runs
 * through the test bridge (never in the desktop app).
 */
export function installBenchHooks(): void {
  void api.app.info({}).then((result) => {
    if (result.ok && result.value.shell === 'browser') window.__llmDeskBench = hooks;
  });
}
