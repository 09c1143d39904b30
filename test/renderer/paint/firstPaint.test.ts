// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  endFirstPaint,
  handOverFirstPaint,
  receiveFirstPaint,
  type Handover,
} from '../../../renderer/src/paint/adopt';
import { captureFirstScreen, keepSnapshot } from '../../../renderer/src/paint/capture';
import { keepFirstPaint, type KeptView } from '../../../renderer/src/paint/keep';
import { paintFirstScreen } from '../../../renderer/src/paint/paint';
import { startPage } from '../../../renderer/src/paint/start';
import {
  buildKey,
  MAX_SNAPSHOT_CHARS,
  readSnapshot,
  SNAPSHOT_KEY,
} from '../../../renderer/src/paint/snapshot';

/**
 * The page as the built index.html has it: a style sheet, an empty root, and first-paint.js's tag
 * naming the app's entry and the chunks it imports.
 */
function page(entry = './assets/index-abc.js'): void {
  document.head.innerHTML = '<link rel="stylesheet" href="./assets/index-def.css">';
  document.body.innerHTML = `<div id="root"></div><script src="./first-paint.js" data-app="${entry}" data-preload="./assets/react-1.js ./assets/store-2.js"></script>`;
  // What first-paint.js records as the page is parsed, whether it draws or not.
  document.documentElement.setAttribute('data-build', buildKey(document));
}

/** A chat screen like the app's: a button, a virtualized list of two rows, the message box. */
function drawApp(composerDisabled = false): void {
  document.getElementById('root')!.innerHTML = `
    <div class="panes">
      <button class="btn" data-hovered="true" data-focus-visible="true">New</button>
      <div class="conv-scroll">
        <div class="conv-rows" style="height: 48000px">
          <div class="conv-earlier" role="status">Loading earlier messages</div>
          <div class="conv-window" style="transform: translateY(47000px)">
            <div data-testid="message">An earlier question</div>
            <div data-testid="message">An answer <img src="x" onerror="alert(1)"><script>alert(2)</script></div>
          </div>
        </div>
      </div>
      <textarea data-testid="composer" ${composerDisabled ? 'disabled' : ''}>draft</textarea>
    </div>`;
}

/** Keeps what the app would, then starts a new page on the same storage, as a restart does. */
function restart(threadId = 't1'): void {
  keepSnapshot(localStorage, captureFirstScreen(document, threadId));
  page();
}

beforeEach(() => {
  localStorage.clear();
  page();
  window.matchMedia = vi.fn(() => ({ matches: false }) as MediaQueryList);
});
afterEach(() => {
  // Takes off any first paint left, and drops text it set aside for a message box (module state).
  handOverFirstPaint();
  endFirstPaint();
  receiveFirstPaint(() => undefined)();
});

describe('the copy of the chat screen kept for the next start', () => {
  it('keeps the rows in view in plain flow, without the momentary states, handlers or scripts', () => {
    drawApp();
    const snapshot = captureFirstScreen(document, 't1')!;
    const copy = document.createElement('div');
    copy.innerHTML = snapshot.html;
    expect(copy.querySelectorAll('[data-testid="message"]')).toHaveLength(2);
    expect(copy.querySelector<HTMLElement>('.conv-rows')!.style.height).toBe('');
    expect(copy.querySelector<HTMLElement>('.conv-window')!.style.transform).toBe('');
    // Far down a long thread: no room kept above the rows in view (their first is not the thread's).
    expect(copy.querySelector<HTMLElement>('.conv-window')!.style.paddingTop).toBe('');
    expect(copy.querySelector('.conv-earlier')).toBeNull();
    expect(copy.querySelector('script')).toBeNull();
    expect(copy.querySelector('[onerror]')).toBeNull();
    expect(copy.querySelector('[data-hovered], [data-focus-visible]')).toBeNull();
    // Drafts do not outlive the window: the box starts empty.
    expect(copy.querySelector('textarea')!.textContent).toBe('');
    expect(snapshot.threadId).toBe('t1');
  });

  it('is not taken of a screen whose message box cannot send', () => {
    drawApp(true);
    expect(captureFirstScreen(document, 't1')).toBeNull();
  });

  it('reads back only whole snapshots of its own shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(value));
        const read = readSnapshot(localStorage);
        if (read !== null) expect(typeof read.html).toBe('string');
      }),
    );
    localStorage.setItem(SNAPSHOT_KEY, '{"build":');
    expect(readSnapshot(localStorage)).toBeNull();
    const huge = {
      build: 'b',
      threadId: 't',
      narrow: false,
      html: 'x'.repeat(MAX_SNAPSHOT_CHARS + 1),
      savedAt: 1,
    };
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(huge));
    expect(readSnapshot(localStorage)).toBeNull();
  });
});

describe('the first paint', () => {
  it('draws the last screen with its message box focused, every other control out of reach', async () => {
    drawApp();
    restart();
    const overlay = (await paintFirstScreen(document, localStorage))!;
    expect(overlay).not.toBeNull();
    expect(overlay.querySelectorAll('[data-testid="message"]')).toHaveLength(2);
    const box = overlay.querySelector('textarea')!;
    expect(document.activeElement).toBe(box);
    expect(overlay.querySelector('button')!.hasAttribute('inert')).toBe(true);
    expect(box.hasAttribute('inert')).toBe(false);
  });

  it('is not drawn for another build, across the narrow breakpoint, or for a thread that broke the window', async () => {
    drawApp();
    restart();
    page('./assets/index-OTHER.js');
    expect(await paintFirstScreen(document, localStorage)).toBeNull();

    page();
    window.matchMedia = vi.fn(() => ({ matches: true }) as MediaQueryList);
    expect(await paintFirstScreen(document, localStorage)).toBeNull();

    window.matchMedia = vi.fn(() => ({ matches: false }) as MediaQueryList);
    localStorage.setItem('llm-desk.render-failures', JSON.stringify(['t1']));
    expect(await paintFirstScreen(document, localStorage)).toBeNull();
    localStorage.removeItem('llm-desk.render-failures');
    expect(await paintFirstScreen(document, localStorage)).not.toBeNull();
  });

  it('holds Enter (the text stays) and marks it to be sent once the app runs', async () => {
    drawApp();
    restart();
    const overlay = (await paintFirstScreen(document, localStorage))!;
    const box = overlay.querySelector('textarea')!;
    const enter = () => box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    expect(enter()).toBe(false); // default prevented: no line break
    expect(overlay.dataset.send).toBeUndefined(); // an empty box sends nothing
    box.value = 'hello';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, cancelable: true }));
    expect(overlay.dataset.send).toBeUndefined(); // Shift+Enter is a line break
    enter();
    expect(overlay.dataset.send).toBe('pending');
  });
});

describe('handing the first paint over to the app', () => {
  it("moves the text, caret, focus and a held Enter into the app's message box, and takes the copy off", async () => {
    drawApp();
    restart();
    const overlay = (await paintFirstScreen(document, localStorage))!;
    const box = overlay.querySelector('textarea')!;
    box.value = 'hello world';
    box.setSelectionRange(5, 5);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    const received: Handover[] = [];
    const stop = receiveFirstPaint((handed) => received.push(handed));
    handOverFirstPaint();
    stop();
    expect(document.getElementById('first-paint')).toBeNull();
    expect(received).toEqual([
      { threadId: 't1', text: 'hello world', selectionStart: 5, selectionEnd: 5, focused: true, send: true },
    ]);
  });

  it('keeps the text for the next message box when none is mounted, without sending it', async () => {
    drawApp();
    restart();
    (await paintFirstScreen(document, localStorage))!.querySelector('textarea')!.value = 'kept';
    handOverFirstPaint();
    expect(document.getElementById('first-paint')).toBeNull();
    const received: Handover[] = [];
    receiveFirstPaint((handed) => received.push(handed))();
    expect(received.map((h) => [h.text, h.send])).toEqual([['kept', false]]);
  });

  it('links the style sheets the screen had from code loaded later, and draws once they are in', async () => {
    drawApp();
    const later = document.createElement('link');
    later.rel = 'stylesheet';
    later.href = './assets/toolCalls-123.css';
    document.head.append(later);
    restart();
    const painting = paintFirstScreen(document, localStorage);
    const linked = document.head.querySelector<HTMLLinkElement>('link[href="./assets/toolCalls-123.css"]');
    expect(linked).not.toBeNull();
    // Not drawn before the sheet is in: its part of the screen would show unstyled.
    expect(document.getElementById('first-paint')).toBeNull();
    linked!.dispatchEvent(new Event('load'));
    expect(await painting).not.toBeNull();
    expect(document.head.querySelectorAll('link[href="./assets/index-def.css"]')).toHaveLength(1);
  });

  it('keeps, of the sheets code loaded later linked, only those that style something in the copy', () => {
    drawApp();
    /** A sheet linked by code loaded later, its rules as the browser parsed them. */
    const linkLater = (href: string, css: string) => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      const sheet = style.sheet;
      style.remove();
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      Object.defineProperty(link, 'sheet', { value: sheet });
      document.head.append(link);
    };
    // KaTeX's sheet, brought by the idle warm-up: the screen shows no formula.
    linkLater(
      './assets/katex-1.css',
      '.katex { font: 1.2em KaTeX_Main } .katex .mfrac .frac-line { border-bottom: 1px solid }',
    );
    // A tool call's card, on screen inside a media query.
    linkLater(
      './assets/toolCalls-2.css',
      '@media (min-width: 1px) { .conv-window [data-testid="message"] { padding: 4px } }',
    );
    // Read only as pseudo-elements, and some rule of a plain element.
    linkLater('./assets/caret-3.css', 'textarea::after { content: "" } .panes > .btn { color: red }');
    // Unreadable rules (another origin's sheet): kept, the copy may need it.
    const foreign = document.createElement('link');
    foreign.rel = 'stylesheet';
    foreign.href = './assets/foreign-4.css';
    document.head.append(foreign);

    const snapshot = captureFirstScreen(document, 't1')!;
    expect(snapshot.sheets).toEqual([
      './assets/index-def.css',
      './assets/toolCalls-2.css',
      './assets/caret-3.css',
      './assets/foreign-4.css',
    ]);
  });

  it('can leave a region in place as a still picture, out of reach, until the app has drawn it', async () => {
    document.getElementById('root')!.innerHTML =
      '<div class="panes"><textarea data-testid="composer"></textarea><aside class="inspector"><button>Reset</button></aside></div>';
    restart();
    await paintFirstScreen(document, localStorage);
    handOverFirstPaint(document, '.inspector');
    const left = document.getElementById('first-paint')!;
    expect(left.querySelector('textarea')).toBeNull();
    expect(left.querySelector('.inspector button')).not.toBeNull();
    expect(left.hasAttribute('inert')).toBe(true);
    expect(left.getAttribute('aria-hidden')).toBe('true');
    handOverFirstPaint(); // a second hand-over does nothing
    expect(document.getElementById('first-paint')).not.toBeNull();
    endFirstPaint();
    expect(document.getElementById('first-paint')).toBeNull();
  });
});

describe('keeping the copy up to date', () => {
  /** The keeper on a fake clock, with `view` for the app's state and a change to call. */
  function keeper(view: KeptView) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.stubGlobal('requestIdleCallback', (run: () => void) => window.setTimeout(run, 0));
    vi.stubGlobal('cancelIdleCallback', (id: number) => window.clearTimeout(id));
    let change = () => undefined as void;
    const stop = keepFirstPaint(
      () => view,
      (onChange) => {
        change = onChange;
        return () => undefined;
      },
    );
    return { change: () => change(), stop };
  }
  const kept = () => readSnapshot(localStorage);
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('copies the screen once it has been still for 2 s, changes (a streamed frame each) putting it off', () => {
    drawApp();
    const app = keeper({ threadId: 't1', busy: false });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(500);
      app.change();
    }
    expect(kept()).toBeNull();
    vi.advanceTimersByTime(2100);
    expect(kept()?.threadId).toBe('t1');
    app.stop();
  });

  it('waits while an answer streams into the open thread, and forgets the copy when the box cannot send', () => {
    drawApp();
    const view = { threadId: 't1', busy: true };
    const app = keeper(view);
    vi.advanceTimersByTime(3000);
    expect(kept()).toBeNull();
    view.busy = false;
    app.change();
    vi.advanceTimersByTime(3000);
    expect(kept()).not.toBeNull();
    drawApp(true);
    app.change();
    vi.advanceTimersByTime(3000);
    expect(kept()).toBeNull();
    app.stop();
  });
});

describe('the app, started by first-paint.js', () => {
  /** The window startPage is given, with its frames and tasks held until the test runs them. */
  function heldWindow() {
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const win = {
      document,
      performance,
      requestAnimationFrame: (run: () => void) => frames.push(run),
      setTimeout: (run: () => void) => tasks.push(run),
    } as unknown as Window;
    const run = (queue: (() => void)[]) => queue.splice(0).forEach((next) => next());
    return { win, nextFrame: () => run(frames), nextTask: () => run(tasks) };
  }
  const firstPaintTag = () => document.querySelector('script[data-app]');
  const appModules = () =>
    [...document.querySelectorAll('script[type="module"]')].map((s) => s.getAttribute('src'));
  const preloads = () =>
    [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute('href'));

  it('is asked for at once when there is no copy to draw, its chunks side by side, once only', async () => {
    const { win } = heldWindow();
    await startPage(win, localStorage, firstPaintTag());
    expect(appModules()).toEqual(['./assets/index-abc.js']);
    expect(preloads()).toEqual(['./assets/react-1.js', './assets/store-2.js']);
    expect(document.querySelector('script[type="module"]')!.getAttribute('crossorigin')).toBe('');
    await startPage(win, localStorage, firstPaintTag());
    expect(appModules()).toHaveLength(1);
  });

  it('is asked for only once the frame showing the copy is drawn, the copy meanwhile taking typing', async () => {
    drawApp();
    restart();
    const { win, nextFrame, nextTask } = heldWindow();
    const started = startPage(win, localStorage, firstPaintTag());
    await vi.waitFor(() => expect(document.getElementById('first-paint')).not.toBeNull());
    expect(document.activeElement).toBe(document.querySelector('#first-paint textarea'));
    nextFrame();
    expect(appModules()).toEqual([]);
    nextTask();
    await started;
    expect(appModules()).toEqual(['./assets/index-abc.js']);
  });

  it('is still asked for when the first paint fails, with no half-drawn copy left', async () => {
    drawApp();
    restart();
    // Fails once the copy is in the page: the message box cannot take the focus.
    const focus = vi.spyOn(HTMLTextAreaElement.prototype, 'focus').mockImplementation(() => {
      throw new Error('no focus here');
    });
    const { win } = heldWindow();
    await startPage(win, localStorage, firstPaintTag());
    focus.mockRestore();
    expect(document.getElementById('first-paint')).toBeNull();
    expect(appModules()).toEqual(['./assets/index-abc.js']);
  });
});
