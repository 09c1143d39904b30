// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../main/contract';
import type * as WholeText from '../../../renderer/src/features/conversation/wholeText';
import { MessageParts } from '../../../renderer/src/features/conversation/MessageParts';
import { PlainText } from '../../../renderer/src/markdown/PlainText';

/**
 * Issue 12: a thread holding a 5 MB answer opens with only its first 32,000 characters (and its
 * length); "Show all" and Copy read the rest from main a page at a time, and get every character.
 */
const FIVE_MB = `${'x'.repeat(4_999_999)}😀`;
const OPENED = FIVE_MB.slice(0, 32_000);
const pages: { offset: number; limit: number }[] = [];
const content = vi.fn(({ offset, limit }: { id: string; offset: number; limit: number }) => {
  pages.push({ offset, limit });
  return Promise.resolve({
    ok: true,
    value: { text: FIVE_MB.slice(offset, offset + limit), total: FIVE_MB.length },
  });
});

let wholeText: typeof WholeText.wholeText;
let copyWhole: typeof WholeText.copyWhole;
beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // Parts past the first fill in later frames (lazyParts.ts); this test only counts their places.
  vi.stubGlobal('requestAnimationFrame', () => 0);
  // The bridge reads window.api once, when first imported.
  Object.defineProperty(window, 'api', { value: { messages: { content } }, configurable: true });
  ({ wholeText, copyWhole } = await import('../../../renderer/src/features/conversation/wholeText'));
});

let container: HTMLElement | null = null;
let unmount = () => undefined as void;
afterEach(() => {
  act(() => unmount());
  container?.remove();
  container = null;
  pages.length = 0;
});

function show(loadWhole: () => Promise<Result<string>>): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  unmount = () => root.unmount();
  act(() =>
    root.render(
      <MessageParts
        text={OPENED}
        total={FIVE_MB.length}
        loadWhole={loadWhole}
        renderPart={(part) => <PlainText className="msg-text" text={part} />}
      />,
    ),
  );
  return container;
}

const opened = { id: 'm1', content: OPENED, contentLength: FIVE_MB.length };

describe('a 5 MB answer opened with its beginning', () => {
  it('reads the whole text back exactly, in pages a frame can parse', async () => {
    const whole = await wholeText(opened);
    expect(whole.ok && whole.value === FIVE_MB).toBe(true);
    expect(pages[0]?.offset).toBe(32_000);
    expect(Math.max(...pages.map((p) => p.limit))).toBeLessThanOrEqual(262_144);
  });

  it('says how long the whole answer is, and "Show all" lays out all of it', async () => {
    let read: Promise<unknown> = Promise.resolve();
    const view = show(() => (read = wholeText(opened)));
    // Its first part is 8,000 characters: an unbroken run costs four times what prose does (limit.ts).
    expect(view.querySelector('.msg-more')?.textContent).toBe('Showing the first 8 KB of 5.0 MBShow all');
    act(() => view.querySelector('button')?.click());
    expect(view.querySelector('.msg-more')?.textContent).toBe('Reading 5.0 MB…Show all');
    await act(() => read);
    expect(view.querySelector('.msg-more')).toBeNull();
    // Every part of the 5 MB has its place, as when the whole text was there from the start.
    // Parts of 8,000 characters, and the emoji at the end in a part of its own (never split in half).
    expect(view.querySelectorAll('.msg-part')).toHaveLength(626);
  });

  it('keeps what it shows and says why when the rest cannot be read', async () => {
    const failed: Promise<Result<string>> = Promise.resolve({
      ok: false,
      error: { code: 'not_found', message: 'That message no longer exists.' },
    });
    const view = show(() => failed);
    act(() => view.querySelector('button')?.click());
    await act(() => failed);
    expect(view.querySelector('.msg-more')?.textContent).toContain('Could not read the rest');
    expect(view.querySelector('.msg-more')?.textContent).toContain('That message no longer exists.');
    expect(view.querySelector('.msg-part')?.textContent).toBe(OPENED.slice(0, 8_000));
  });

  it('copies all 5 MB, not the part the window holds', async () => {
    const copied: string[] = [];
    vi.stubGlobal('navigator', { clipboard: { writeText: (text: string) => void copied.push(text) } });
    expect(await copyWhole(opened)).toBe(true);
    expect(copied).toHaveLength(1);
    expect(copied[0]?.length).toBe(FIVE_MB.length);
    expect(copied[0] === FIVE_MB).toBe(true);
  });

  it('is whole already when the window holds all of it', async () => {
    const whole = await wholeText({ id: 'm2', content: 'short' });
    expect(whole).toEqual({ ok: true, value: 'short' });
    expect(pages).toHaveLength(0);
  });
});
