// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageParts } from '../../../renderer/src/features/conversation/MessageParts';
import { PlainText } from '../../../renderer/src/markdown/PlainText';

/** A stand-in for Chromium's observer: the test says which parts are near the view. */
const observed = new Set<Element>();
let report: IntersectionObserverCallback = () => undefined;
class FakeObserver {
  constructor(callback: IntersectionObserverCallback) {
    report = callback;
  }
  observe(element: Element) {
    observed.add(element);
  }
  unobserve(element: Element) {
    observed.delete(element);
  }
  disconnect() {
    observed.clear();
  }
}

/** Frames run when the test says so, so "one part per frame" is visible. */
let frames: FrameRequestCallback[] = [];
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});

function nextFrame() {
  const due = frames;
  frames = [];
  act(() => due.forEach((f) => f(0)));
}

/** Parts `from`..`to` (by index) come near the view, the others leave it. */
function near(view: HTMLElement, from: number, to: number) {
  const entries = [...view.querySelectorAll('[data-part]')].map((target) => {
    const index = Number(target.getAttribute('data-part'));
    return { target, isIntersecting: index >= from && index <= to } as unknown as IntersectionObserverEntry;
  });
  act(() => report(entries, {} as IntersectionObserver));
}

let container: HTMLElement | null = null;
afterEach(() => {
  container?.remove();
  container = null;
});

function show(text: string, settled = false): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(
      <MessageParts
        text={text}
        settled={settled}
        renderPart={(part) => <PlainText className="msg-text" text={part} />}
      />,
    ),
  );
  return container;
}

const filled = (view: HTMLElement) =>
  [...view.querySelectorAll('.msg-part')].filter((p) => p.textContent !== '');

describe('a 5 MB message shown whole', () => {
  it('keeps only the parts near the view in the DOM, adding one per frame', () => {
    const view = show('x'.repeat(5_000_000));
    act(() => view.querySelector('button')?.click());
    // Every part has its place at once (the scrollbar spans the whole answer)…
    // Parts of 8,000 characters: an unbroken run costs four times what prose does (limit.ts).
    expect(view.querySelectorAll('.msg-part')).toHaveLength(625);
    expect(view.querySelector('.msg-more')).toBeNull();
    // …but only the first has text until parts come near the view.
    expect(filled(view)).toHaveLength(1);
    near(view, 1, 3);
    expect(filled(view)).toHaveLength(1);
    nextFrame();
    expect(filled(view)).toHaveLength(2);
    nextFrame();
    nextFrame();
    expect(filled(view)).toHaveLength(4);
    // Reading on: parts left behind are emptied, so the DOM stays small however far one reads.
    near(view, 150, 152);
    for (let i = 0; i < 3; i++) nextFrame();
    expect(filled(view).map((p) => p.getAttribute('data-part'))).toEqual([null, '150', '151', '152']);
    expect(view.textContent?.length).toBeLessThanOrEqual(4 * 8_000);
  });
});

describe('a finished message opened', () => {
  it('puts a costly first part in the page in a frame of its own, not with the rest of the thread', () => {
    const view = show(`${'lorem ipsum '.repeat(1_000)}the end`, true);
    // Its place is kept (an empty block of about its height) while the thread opens…
    const part = view.querySelector<HTMLElement>('.msg-part');
    expect(part?.textContent).toBe('');
    expect(Number.parseInt(part?.style.height ?? '0', 10)).toBeGreaterThan(100);
    near(view, 0, 0);
    expect(view.textContent).toBe('');
    // …and it is filled in the next frame.
    nextFrame();
    expect(view.querySelector('.msg-part')?.textContent).toContain('the end');
  });

  it('shows a short one at once, and one being written as it arrives', () => {
    expect(show('A short answer.', true).textContent).toBe('A short answer.');
    container?.remove();
    expect(show(`${'lorem ipsum '.repeat(1_000)}still arriving`).textContent).toContain('still arriving');
  });
});
