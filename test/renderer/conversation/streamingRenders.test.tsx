// @vitest-environment jsdom
import { act, Profiler } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Composer as ComposerType } from '../../../renderer/src/features/conversation/Composer';
import type { MessageView as MessageViewType } from '../../../renderer/src/features/conversation/MessageView';
import type { useStore as UseStore } from '../../../renderer/src/store';
import type { applyStreamEvents as Apply } from '../../../renderer/src/store/conversation/streamReducer';
import { render } from '../ui/render';
import { delta, message, thread } from './fixtures';
import { installSilentApi, never } from '../silentApi';

/**
 * While an answer streams, each frame of text reaches the store; only the answer's own text may be
 * drawn again. The message box (typing must stay instant at thousands of tokens a second) and the
 * answer's buttons were drawn again for every frame, and the box scanned the whole thread for
 * {{variables}} each time: key presses waited behind them (render.stream_3000tps).
 */
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const writeText = vi.fn((text: string) => {
  void text;
  return Promise.resolve();
});
// Every call the components make on mount answers empty or waits; none matters here.
installSilentApi((verb) => vi.fn(() => (verb === 'list' ? ok([]) : never())));
Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

let useStore: typeof UseStore;
let Composer: typeof ComposerType;
let MessageView: typeof MessageViewType;
let applyStreamEvents: typeof Apply;
beforeAll(async () => {
  vi.stubGlobal('requestAnimationFrame', () => 0);
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ Composer } = await import('../../../renderer/src/features/conversation/Composer'));
  ({ MessageView } = await import('../../../renderer/src/features/conversation/MessageView'));
  ({ applyStreamEvents } = await import('../../../renderer/src/store/conversation/streamReducer'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const question = message({ id: 'q', role: 'user', content: 'Translate {{text}} please' });
const answer = message({ id: 'a', parentId: 'q', role: 'assistant', status: 'streaming', content: '' });

function openStreamingThread() {
  useStore.setState({
    currentThreadId: 't1',
    details: { t1: { thread: thread(), messages: [question, answer], earlier: false } },
  });
}

/** One frame's worth of text, applied as the store's stream sync applies a batch. */
function frame(text: string) {
  act(() => useStore.setState((s) => applyStreamEvents(s, [delta(text)], Date.now())));
}

describe('an answer streaming in', () => {
  it('does not draw the message box again, whose form still asks for the unfilled variable', () => {
    openStreamingThread();
    let commits = 0;
    view = render(
      <Profiler id="composer" onRender={() => (commits += 1)}>
        <Composer threadId="t1" />
      </Profiler>,
    );
    const before = commits;
    for (let i = 0; i < 20; i++) frame(`word${i} `);
    expect(useStore.getState().details.t1?.messages[1]?.content).toContain('word19');
    expect(commits).toBe(before);
    const box = view.container.querySelector('textarea');
    expect(box).not.toBeNull();
    expect(view.container.textContent).toContain('{{text}}');
  });

  // Its buttons no longer take the answer (a new object per frame) as a prop, so nothing redraws
  // them per frame; Copy must still copy what has arrived when it is pressed, not at its last draw.
  it("Copy takes the answer's text as it is when pressed", async () => {
    openStreamingThread();
    view = render(<MessageView threadId="t1" messageId="a" branch={null} flash={false} />);
    const copy = view.container.querySelector<HTMLButtonElement>('[aria-label="Copy message"]');
    expect(copy).not.toBeNull();
    for (let i = 0; i < 5; i++) frame(`part${i} `);
    await act(async () => {
      copy?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      copy?.click();
      await Promise.resolve();
    });
    await vi.waitFor(() => expect(writeText).toHaveBeenCalled());
    expect(writeText.mock.calls.at(-1)?.[0]).toBe('part0 part1 part2 part3 part4 ');
  });
});
