import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Timers } from '../../main/threads/ftsMaintenance';
import { FtsMaintenance } from '../../main/threads/ftsMaintenance';
import { SearchService } from '../../main/threads/search';
import { conversation, memoryRepo } from './support';

const segments = (db: DatabaseSync) =>
  (db.prepare('SELECT count(DISTINCT segid) AS n FROM messages_fts_idx').get() as { n: number }).n;

/** Timers driven by the test: `elapse` fires due timeouts, `drain` runs queued immediates. */
function manualTimers() {
  let now = 0;
  let timeouts: { at: number; fn: () => void; handle: number }[] = [];
  const immediates: (() => void)[] = [];
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const handle = next++;
      timeouts.push({ at: now + ms, fn, handle });
      return handle;
    },
    clearTimeout: (handle) => void (timeouts = timeouts.filter((t) => t.handle !== handle)),
    setImmediate: (fn) => void immediates.push(fn),
  };
  return {
    timers,
    elapse(ms: number) {
      now += ms;
      const due = timeouts.filter((t) => t.at <= now);
      timeouts = timeouts.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    /** Runs one queued immediate; false when none was queued. */
    step(): boolean {
      const fn = immediates.shift();
      fn?.();
      return fn !== undefined;
    },
    drain() {
      let steps = 0;
      while (immediates.length > 0) {
        immediates.shift()?.();
        steps++;
      }
      return steps;
    },
  };
}

/** Separate writes (one index segment each) of long texts, so merging them takes many pages. */
function manyWrites(count: number) {
  const { db, repo } = memoryRepo();
  const thread = repo.createThread();
  const text = (i: number) =>
    Array.from({ length: 400 }, (_, w) => `w${i}x${w}`).join(' ') + ' about lighthouses and harbours';
  conversation(
    repo,
    thread.id,
    Array.from({ length: count }, (_, i) => text(i)),
  );
  return { db, repo };
}

describe('full-text index maintenance', () => {
  it('writes never merge the index themselves; merging later leaves fewer segments and the same answers', async () => {
    const { db } = manyWrites(12);
    const search = new SearchService({ db, file: ':memory:' });
    const before = segments(db);
    expect(before).toBeGreaterThanOrEqual(12);
    const hits = await search.search('lighthouses ', 'newest', 200);
    expect(new FtsMaintenance(db).mergeAll()).toBeGreaterThan(0);
    expect(segments(db)).toBeLessThan(before / 3);
    expect(await search.search('lighthouses ', 'newest', 200)).toEqual(hits);
    expect(() =>
      db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)"),
    ).not.toThrow();
  });

  it('merges only once writes have paused, a slice at a time, and stops when a write comes in', () => {
    const { db, repo } = manyWrites(12);
    const clock = manualTimers();
    const maintenance = new FtsMaintenance(db, { quietMs: 1000, pagesPerSlice: 1, timers: clock.timers });
    maintenance.watch(repo);
    const thread = repo.list()[0]!;
    const before = segments(db);

    repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'one more' });
    clock.elapse(900);
    repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'and another' });
    clock.elapse(900);
    expect(clock.step()).toBe(false);
    clock.elapse(100);
    expect(clock.step()).toBe(true);
    repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'interrupting' });
    expect(clock.drain()).toBeLessThanOrEqual(1);

    clock.elapse(1000);
    expect(clock.drain()).toBeGreaterThan(1);
    expect(segments(db)).toBeLessThan(before);
    maintenance.dispose();
    repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'after dispose' });
    clock.elapse(5000);
    expect(clock.drain()).toBe(0);
  });

  it('leaves merge work found at start alone until a message changes the index (a start stays free)', () => {
    // Merge slices of a large index take 100 ms to a second on main: at start they held up the
    // first screen's requests on the 1M-message corpus, though the writes then (the thread list's,
    // a new empty thread) had not touched the index at all.
    const { db, repo } = manyWrites(12);
    const clock = manualTimers();
    const maintenance = new FtsMaintenance(db, { quietMs: 1000, pagesPerSlice: 1, timers: clock.timers });
    maintenance.watch(repo);
    const before = segments(db);
    const thread = repo.createThread();
    repo.updateThread(thread.id, { title: 'renamed' });
    clock.elapse(1000);
    expect(clock.drain()).toBe(0);
    expect(segments(db)).toBe(before);

    repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'a new message' });
    clock.elapse(1000);
    expect(clock.drain()).toBeGreaterThan(1);
    expect(segments(db)).toBeLessThan(before);
    maintenance.dispose();
  });
});
