// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWhenIdle, warmUpMarkdown } from '../../../renderer/src/markdown/warmup';
import { renderMarkdown } from '../../../renderer/src/markdown/render';

/** Idle callbacks queued by the code under test, run by hand with the idle time a test chooses. */
let queued: IdleRequestCallback[] = [];
/** Called when the next idle callback is queued. */
let onQueued: () => void = () => undefined;
const original = window.requestIdleCallback;

beforeEach(() => {
  queued = [];
  window.requestIdleCallback = (callback) => {
    queued.push(callback);
    onQueued();
    return queued.length;
  };
});
afterEach(() => {
  window.requestIdleCallback = original;
});

/** Runs the next idle callback as the browser would with `ms` of idle time left. */
function idle(ms: number): void {
  const callback = queued.shift();
  if (!callback) throw new Error('nothing is waiting for idle time');
  callback({ didTimeout: ms === 0, timeRemaining: () => ms });
}

describe('work done when the page is idle', () => {
  it('does one piece per idle callback on a busy page, and all of them in the end', async () => {
    const done: number[] = [];
    const finished = runWhenIdle([0, 1, 2].map((n) => () => void done.push(n)));
    idle(0);
    expect(done).toEqual([0]);
    expect(queued).toHaveLength(1);
    idle(0);
    idle(0);
    await finished;
    expect(done).toEqual([0, 1, 2]);
    expect(queued).toHaveLength(0);
  });

  it('goes on past a piece that fails', async () => {
    const done: number[] = [];
    const finished = runWhenIdle([
      () => void done.push(0),
      () => {
        throw new Error('a grammar that breaks');
      },
      () => void done.push(2),
    ]);
    idle(40);
    await finished;
    expect(done).toEqual([0, 2]);
  });

  it('does as many pieces as fit in one idle period', async () => {
    const done: number[] = [];
    const finished = runWhenIdle([0, 1, 2].map((n) => () => void done.push(n)));
    idle(40);
    await finished;
    expect(done).toEqual([0, 1, 2]);
  });

  it('warms the markdown one grammar per task on a busy page, then renders formulas with KaTeX', async () => {
    const warmed = warmUpMarkdown();
    let slices = 0;
    // Each slice of a busy page renders one sample; the next waits for another idle callback.
    let ended = false;
    void warmed.then(() => (ended = true));
    while (slices < 100) {
      // Between the grammars and the formulas the warm-up fetches KaTeX: wait for its next ask.
      if (queued.length === 0)
        await Promise.race([warmed, new Promise<void>((resolve) => (onQueued = resolve))]);
      if (ended || queued.length === 0) break;
      idle(0);
      slices++;
    }
    await warmed;
    // The prose, twelve grammars and the formulas: one task each.
    expect(slices).toBe(14);
    // KaTeX arrived with the warm-up: a formula renders at once instead of as pending TeX.
    expect(renderMarkdown('$a+b$')).toContain('katex');
  });
});
