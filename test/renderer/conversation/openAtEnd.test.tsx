// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MessageList as MessageListType } from '../../../renderer/src/features/conversation/MessageList';
import type { useStore as UseStore } from '../../../renderer/src/store';
import { render } from '../ui/render';
import { detail, message } from './fixtures';
import { installSilentApi } from '../silentApi';

/**
 * A thread opens at its end. Its first render must draw the last messages: it drew the first ones,
 * then, once its element was measured and scrolled to the end, mounted the last ones in their
 * place, so every message on the first screen had its markdown and buttons built twice at start
 * (startup.first_usable_ms).
 */
// Which rows the list draws, in every render: a stand-in for the row records each one it is given.
const drawn = vi.hoisted(() => new Set<string>());
vi.mock('../../../renderer/src/features/conversation/MessageRow', () => ({
  MessageRow: ({ row }: { row: { id: string } }) => {
    drawn.add(row.id);
    return <p>{row.id}</p>;
  },
}));

// Calls to main wait forever: what is drawn comes from the store, set below.
installSilentApi();

let useStore: typeof UseStore;
let MessageList: typeof MessageListType;
beforeAll(async () => {
  vi.stubGlobal('requestAnimationFrame', () => 0);
  // jsdom lays nothing out: no size ever changes, so no observer ever reports.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ MessageList } = await import('../../../renderer/src/features/conversation/MessageList'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

/** 300 messages, a question and its answer in turn, each the child of the one before. */
function longThread() {
  const messages = Array.from({ length: 300 }, (_, i) =>
    message({
      id: `m${i}`,
      parentId: i === 0 ? null : `m${i - 1}`,
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `Message number ${i}`,
    }),
  );
  useStore.getState().adoptDetail(detail(messages));
  useStore.setState({ currentThreadId: 't1' });
}

describe('a long thread opened', () => {
  it('draws its last messages from the first render on, never its first ones', () => {
    longThread();
    drawn.clear();
    view = render(<MessageList threadId="t1" />);
    expect(drawn.has('m299')).toBe(true);
    expect(drawn.has('m0')).toBe(false);
  });
  it('draws only the messages in view at first, not the ones around them', () => {
    longThread();
    drawn.clear();
    view = render(<MessageList threadId="t1" />);
    // Each message here is guessed at 85 px: a 768 px window shows the last nine or ten.
    expect(drawn.has('m299')).toBe(true);
    expect(drawn.size).toBeGreaterThanOrEqual(8);
    expect(drawn.size).toBeLessThanOrEqual(10);
  });
});
