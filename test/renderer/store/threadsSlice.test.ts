import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ThreadSummary } from '../../../main/contract';
import { deferred, fakeApi, loadStore, okResult } from './harness';
import { threadSummary } from '../conversation/fixtures';

let store: Awaited<ReturnType<typeof loadStore>>;
beforeAll(async () => {
  store = await loadStore();
});
beforeEach(() => store.resetStore());

const state = () => store.useStore.getState();
const ids = () => state().threads.map((t) => t.id);

const summary = (id: string, lastActivityAt: number) =>
  threadSummary({ id, lastActivityAt, messageCount: 1 });
const all = [summary('a', 3), summary('b', 2), summary('c', 1)];
type Listed = ReturnType<typeof okResult<ThreadSummary[]>>;

describe('the thread list at start', () => {
  it('shows the first rows asked for, then the whole list', async () => {
    fakeApi.threads!.list!.mockImplementation((input: never) => {
      const { archived, limit } = input as { archived: boolean; limit?: number };
      return Promise.resolve(okResult(archived ? [] : all.slice(0, limit ?? all.length)));
    });
    await state().loadThreads(2);
    expect(fakeApi.threads!.list).toHaveBeenCalledWith({ archived: false, limit: 2 });
    expect(ids()).toEqual(['a', 'b']);
    expect(state().threadsLoaded).toBe(true);
    await state().loadThreads();
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('never lets the first rows, answered late, replace the whole list', async () => {
    const first = deferred<Listed>();
    fakeApi.threads!.list!.mockImplementation((input: never) =>
      (input as { limit?: number }).limit ? first.promise : Promise.resolve(okResult(all)),
    );
    const partial = state().loadThreads(1);
    await state().loadThreads();
    first.resolve(okResult(all.slice(0, 1)));
    await partial;
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('keeps the newer whole list when an older one is answered after it', async () => {
    const older = deferred<Listed>();
    let calls = 0;
    fakeApi.threads!.list!.mockImplementation((input: never) => {
      if ((input as { archived: boolean }).archived) return Promise.resolve(okResult([]));
      calls++;
      return calls === 1 ? older.promise : Promise.resolve(okResult(all));
    });
    const stale = state().loadThreads();
    await state().loadThreads();
    older.resolve(okResult(all.slice(0, 1)));
    await stale;
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('asks again when a thread changed while the whole list was on its way, so the change stays', async () => {
    const older = deferred<Listed>();
    let active = 0;
    const renamed = { ...summary('b', 2), title: 'Renamed meanwhile', titleEdited: true };
    fakeApi.threads!.list!.mockImplementation((input: never) => {
      const { archived, limit } = input as { archived: boolean; limit?: number };
      if (archived) return Promise.resolve(okResult([]));
      if (limit) return Promise.resolve(okResult(all.slice(0, limit)));
      active++;
      // The first whole list was read before the rename; the one asked after it has it.
      return active === 1 ? older.promise : Promise.resolve(okResult([all[0]!, renamed, all[2]!]));
    });
    await state().loadThreads(2);
    const whole = state().loadThreads();
    // The user renames "b" while the list is on its way (main answers with the saved thread).
    state().patchThread({ ...renamed, settings: {} as never, activeLeafId: null });
    older.resolve(okResult(all));
    await whole;
    expect(active).toBe(2);
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect(state().threads.find((t) => t.id === 'b')?.title).toBe('Renamed meanwhile');
  });
});
