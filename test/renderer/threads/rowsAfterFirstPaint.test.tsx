// @vitest-environment jsdom
import { Profiler } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ThreadsPane as ThreadsPaneType } from '../../../renderer/src/features/threads/ThreadsPane';
import type { useStore as UseStore } from '../../../renderer/src/store';
import { render } from '../ui/render';
import { threadSummary } from '../conversation/fixtures';
import { installSilentApi } from '../silentApi';

/**
 * At start the window's first render draws the reopened thread and its message box; the threads
 * pane's rows (each with its menu, buttons and time) follow in a deferred render, so they do not
 * hold typing back. The pane's heading, search and filters are there from the first render.
 */
vi.mock('../../../renderer/src/features/threads/ThreadList', () => ({
  ThreadList: ({ threads }: { threads: { id: string }[] }) => <ul data-testid="rows">{threads.length}</ul>,
}));

// Calls to main wait forever: what is drawn comes from the store, set below.
installSilentApi();

let useStore: typeof UseStore;
let ThreadsPane: typeof ThreadsPaneType;
beforeAll(async () => {
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ ThreadsPane } = await import('../../../renderer/src/features/threads/ThreadsPane'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const summary = (id: string, at: number) => threadSummary({ id, title: `Thread ${id}`, lastActivityAt: at });

describe('the threads pane at start', () => {
  it('draws its rows after its first commit, then keeps them', () => {
    useStore.setState({ threads: [summary('a', 3), summary('b', 2)], threadsLoaded: true });
    // What each commit put in the page: the pane's heading and whether any row is drawn.
    const commits: { heading: boolean; rows: string | null }[] = [];
    const onRender = () =>
      commits.push({
        heading: document.querySelector('.threads-heading') !== null,
        rows: document.querySelector('[data-testid="rows"]')?.textContent ?? null,
      });
    view = render(
      <Profiler id="pane" onRender={onRender}>
        <ThreadsPane />
      </Profiler>,
    );
    expect(commits[0]).toEqual({ heading: true, rows: null });
    expect(commits.at(-1)).toEqual({ heading: true, rows: '2' });
    // Later changes show at once: the pane does not go back to drawing nothing.
    const before = commits.length;
    view.rerender(
      <Profiler id="pane" onRender={onRender}>
        <ThreadsPane />
      </Profiler>,
    );
    expect(commits.slice(before).every((c) => c.rows === '2')).toBe(true);
  });
});
