// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ThreadItem as ThreadItemType } from '../../../renderer/src/features/threads/ThreadItem';
import type * as MenuModule from '../../../renderer/src/ui/Menu';
import type { useStore as UseStore } from '../../../renderer/src/store';
import { click, render } from '../ui/render';
import { threadSummary } from '../conversation/fixtures';
import { installSilentApi, never } from '../silentApi';

/**
 * A thread's row renders again when its answer ends (its dot goes) and as the clock moves on. Its
 * ⋯ menu is a React Aria trigger that took about 2 ms to render, in the frame that shows the
 * answer's end: the row leaves it alone unless the thread itself changed.
 */
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
installSilentApi((verb) => vi.fn(() => (verb === 'list' ? ok([]) : never())));

const menuRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../renderer/src/ui/Menu', async (importOriginal) => {
  const original = await importOriginal<typeof MenuModule>();
  return {
    ...original,
    MenuTrigger: (props: Parameters<typeof original.MenuTrigger>[0]) => {
      menuRenders.count += 1;
      return original.MenuTrigger(props);
    },
  };
});

let useStore: typeof UseStore;
let ThreadItem: typeof ThreadItemType;
beforeAll(async () => {
  vi.stubGlobal('requestAnimationFrame', () => 0);
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ ThreadItem } = await import('../../../renderer/src/features/threads/ThreadItem'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const row = threadSummary({ id: 't1', title: 'Ferries' });
const streaming = (on: boolean) =>
  act(() =>
    useStore.setState({
      streams: on ? { s1: { threadId: 't1', messageIds: ['a'], retry: null, droppedFields: [] } } : {},
    }),
  );

describe("a thread's row", () => {
  it('shows the answer being written, and does not draw its menu again when it ends or time passes', () => {
    streaming(true);
    view = render(<ThreadItem thread={row} current={false} now={60_000} />);
    expect(view.container.querySelector('[aria-label="Answer being written"]')).not.toBeNull();
    const drawn = menuRenders.count;
    expect(drawn).toBeGreaterThan(0);

    streaming(false);
    expect(view.container.querySelector('[aria-label="Answer being written"]')).toBeNull();
    view.rerender(<ThreadItem thread={row} current={false} now={120_000} />);
    expect(menuRenders.count).toBe(drawn);

    // A changed thread (renamed) is drawn again, and its menu still opens on the row's ⋯ button.
    const renamed = { ...row, title: 'Night ferries' };
    view.rerender(<ThreadItem thread={renamed} current={false} now={120_000} />);
    expect(menuRenders.count).toBeGreaterThan(drawn);
    click(view.container.querySelector('[aria-label="More actions for Night ferries"]'));
    expect(document.querySelector('[role="menu"][aria-label="Actions for Night ferries"]')).not.toBeNull();
  });
});
