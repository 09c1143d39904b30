// @vitest-environment jsdom
import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../main/contract';
import { forgetExpandedCache, HOLD_POSITION } from '../../../renderer/src/features/conversation/expanded';
import { MessageParts } from '../../../renderer/src/features/conversation/MessageParts';
import { partsOf, WHOLE } from '../../../renderer/src/markdown/limit';
import { PlainText } from '../../../renderer/src/markdown/PlainText';

/**
 * "Show all" is the reader's choice about a message, not about one rendering of it: it holds when
 * the answer settles (laid out afresh, arriving as its beginning), when its view is made again
 * (a row scrolled out and back, the thread reopened) and across a reload of the window. A message
 * too small for parts to matter has no "Show all" at all.
 */
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // Later parts fill in their own frames (lazyParts.ts): this file counts their places only.
  vi.stubGlobal('requestAnimationFrame', () => 0);
});

let root: Root | null = null;
let container: HTMLElement | null = null;
beforeEach(() => {
  sessionStorage.clear();
  forgetExpandedCache();
});
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
  container = null;
});

function mount(node: ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(node));
  return container;
}

const render = (node: ReactNode) => act(() => root?.render(node));
const renderPart = (part: string) => <PlainText className="msg-text" text={part} />;
const more = (view: HTMLElement) => view.querySelector('.msg-more');
const partCount = (view: HTMLElement) => view.querySelectorAll('.msg-part').length;
const pressShowAll = (view: HTMLElement) =>
  act(() => view.querySelector<HTMLButtonElement>('.msg-more button')?.click());

/** An answer of 5 MB: prose, so its parts are many and easy to count. */
const WHOLE_ANSWER = 'lorem ipsum dolor sit amet\n'.repeat(200_000);
const BEGINNING = WHOLE_ANSWER.slice(0, 64_000);
const ALL_PARTS = partsOf(WHOLE_ANSWER).length;

/**
 * The answer as threads:get sends a huge one: its beginning and its length, the rest read on
 * demand through `loadWhole`; `read()` is the last such read, to await.
 */
function asSent(expandKey: string, settled = true) {
  let read: Promise<Result<string>> = Promise.resolve({ ok: true, value: WHOLE_ANSWER });
  const loadWhole = vi.fn(() => (read = Promise.resolve({ ok: true, value: WHOLE_ANSWER })));
  const node = (
    <MessageParts
      text={BEGINNING}
      total={WHOLE_ANSWER.length}
      loadWhole={loadWhole}
      renderPart={renderPart}
      settled={settled}
      expandKey={expandKey}
    />
  );
  return { node, loadWhole, read: () => read };
}

describe('"Show all" pressed while the answer is still being written', () => {
  it('still shows it all once the answer settles and arrives as its beginning', async () => {
    const arriving = WHOLE_ANSWER.slice(0, 200_000);
    const view = mount(<MessageParts text={arriving} renderPart={renderPart} live expandKey="m1" />);
    pressShowAll(view);
    expect(more(view)).toBeNull();
    expect(partCount(view)).toBe(partsOf(arriving).length);
    // The answer finishes: the thread is read again and the message comes back as its beginning
    // and its length, as threads:get sends a huge one.
    const settled = asSent('m1');
    render(settled.node);
    await act(() => settled.read());
    expect(settled.loadWhole).toHaveBeenCalledTimes(1);
    expect(more(view)).toBeNull();
    expect(partCount(view)).toBe(ALL_PARTS);
  });

  it('holds when the message is shown afresh, as after a reload of the window', async () => {
    const first = mount(<MessageParts text={WHOLE_ANSWER} renderPart={renderPart} live expandKey="m2" />);
    pressShowAll(first);
    act(() => root?.unmount());
    // A reload: the page's memory is gone, what the window stored for the session is not.
    forgetExpandedCache();
    const reloaded = asSent('m2');
    const again = mount(reloaded.node);
    await act(() => reloaded.read());
    expect(more(again)).toBeNull();
    expect(partCount(again)).toBe(ALL_PARTS);
    // Another message of the same size is not shown whole for it.
    act(() => root?.unmount());
    const other = mount(asSent('m3', false).node);
    expect(more(other)?.textContent).toContain('Show all');
  });
});

describe('where "Show all" leaves the reader', () => {
  const holds = (live: boolean) => {
    const view = mount(
      <MessageParts text={WHOLE_ANSWER} renderPart={renderPart} live={live} expandKey="m4" />,
    );
    const held = vi.fn();
    view.addEventListener(HOLD_POSITION, held);
    pressShowAll(view);
    return held.mock.calls.length;
  };

  it('asks the list to keep them in place for a finished answer', () => {
    expect(holds(false)).toBe(1);
  });

  it('leaves one following an answer as it is written at its end', () => {
    expect(holds(true)).toBe(0);
  });
});

describe('a message too small for parts to matter', () => {
  it('is shown whole, a long base64 token and all, without "Show all"', () => {
    const token = 'QUJD'.repeat(3_000);
    const answer = `Here is the token you asked for:\n\n${token}\n\nKeep it safe.`;
    const view = mount(<MessageParts text={answer} renderPart={renderPart} />);
    expect(more(view)).toBeNull();
    expect(view.querySelectorAll('.msg-part')).toHaveLength(1);
    expect(view.textContent === answer).toBe(true);
  });

  it('up to WHOLE characters; a larger one still opens with its first part', () => {
    const run = (n: number) => mount(<MessageParts text={'x'.repeat(n)} renderPart={renderPart} />);
    expect(more(run(WHOLE - 1))).toBeNull();
    act(() => root?.unmount());
    expect(more(run(WHOLE))?.textContent).toBe(
      `Showing the first 8 KB of ${Math.round(WHOLE / 1000)} KBShow all`,
    );
  });
});
