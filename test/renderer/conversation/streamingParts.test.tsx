// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MessageView as MessageViewType } from '../../../renderer/src/features/conversation/MessageView';
import type { useStore as UseStore } from '../../../renderer/src/store';
import type { applyStreamEvents as Apply } from '../../../renderer/src/store/conversation/streamReducer';
import { render } from '../ui/render';
import { delta, message, thread } from './fixtures';
import { installSilentApi, never } from '../silentApi';

/**
 * An answer past 64,000 characters shows its first part until "Show all". Pressed while it still
 * streams, the part growing at its end was rendered whole and sanitised again on every frame (up
 * to 32,000 characters of markdown a frame: render.stream_10000tps). It streams like the first
 * part now: the blocks already drawn stay as they are, only the text after them is drawn again.
 */
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
installSilentApi((verb) => vi.fn(() => (verb === 'list' ? ok([]) : never())));

let useStore: typeof UseStore;
let MessageView: typeof MessageViewType;
let applyStreamEvents: typeof Apply;
beforeAll(async () => {
  // Later parts are put in the page a frame each (lazyParts.ts).
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => setTimeout(() => run(0), 0));
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ MessageView } = await import('../../../renderer/src/features/conversation/MessageView'));
  ({ applyStreamEvents } = await import('../../../renderer/src/store/conversation/streamReducer'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `Paragraph ${from + i} of the long answer.\n\n`).join('');

function frame(text: string) {
  act(() => useStore.setState((s) => applyStreamEvents(s, [delta(text)], Date.now())));
}

describe('a huge answer shown whole while it streams', () => {
  it('keeps the blocks of its last part as drawn, adding only what arrives', async () => {
    const question = message({ id: 'q', role: 'user', content: 'Write a lot' });
    const answer = message({ id: 'a', parentId: 'q', role: 'assistant', status: 'streaming', content: '' });
    useStore.setState({
      currentThreadId: 't1',
      details: { t1: { thread: thread(), messages: [question, answer], earlier: false } },
    });
    view = render(<MessageView threadId="t1" messageId="a" branch={null} flash={false} />);
    const container = view.container;
    // ~76,000 characters: three parts of at most 32,000.
    frame(paragraphs(0, 2000));
    const showAll = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Show all');
    expect(showAll).toBeDefined();
    act(() => showAll?.click());
    const lastPart = () => container.querySelector('.msg-part[data-part="2"]');
    await vi.waitFor(() => expect(lastPart()?.querySelector('p')).not.toBeNull());
    const drawn = lastPart()?.querySelector('p');
    const said = drawn?.textContent;
    for (let i = 0; i < 5; i++) frame(paragraphs(2000 + i * 10, 10));
    expect(container.textContent).toContain('Paragraph 2049 of the long answer.');
    // The same element, still in the page: the part was not drawn again from scratch.
    expect(drawn?.isConnected).toBe(true);
    expect(lastPart()?.querySelector('p')).toBe(drawn);
    expect(drawn?.textContent).toBe(said);
  });
});
