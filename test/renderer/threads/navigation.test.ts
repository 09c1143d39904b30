import { describe, expect, it } from 'vitest';
import type { KeyLike } from '../../../renderer/src/features/shell/shortcuts';
import { matchShortcut } from '../../../renderer/src/features/shell/shortcuts';
import { neighbourThread, relativeTime, sortThreads } from '../../../renderer/src/store/threads/threadOrder';
import { threadSummary } from '../conversation/fixtures';

const summary = (id: string, lastActivityAt: number, pinned = false) =>
  threadSummary({ id, lastActivityAt, pinned });

describe('the threads list order', () => {
  it('puts pinned threads first, then the most recently active', () => {
    const sorted = sortThreads([
      summary('old', 1),
      summary('pinned-old', 0, true),
      summary('new', 5),
      summary('pinned-new', 3, true),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['pinned-new', 'pinned-old', 'new', 'old']);
  });

  it('moves to neighbours and stops at the ends', () => {
    const list = [summary('a', 3), summary('b', 2), summary('c', 1)];
    expect(neighbourThread(list, 'b', 1)).toBe('c');
    expect(neighbourThread(list, 'c', 1)).toBe('c');
    expect(neighbourThread(list, 'a', -1)).toBe('a');
    expect(neighbourThread(list, null, 1)).toBe('a');
    expect(neighbourThread([], null, 1)).toBeNull();
  });

  it('says how long ago in a few characters', () => {
    const now = Date.UTC(2025, 5, 15, 12, 0, 0);
    expect(relativeTime(now - 10_000, now)).toBe('now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h');
    expect(relativeTime(now - 30 * 3_600_000, now)).toBe('Yesterday');
  });
});

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('global keyboard shortcuts', () => {
  it('uses Ctrl on Linux and Windows, ⌘ on macOS', () => {
    expect(matchShortcut(key('n', { ctrlKey: true }), false, false)).toEqual({ id: 'newThread' });
    expect(matchShortcut(key('n', { metaKey: true }), true, false)).toEqual({ id: 'newThread' });
    expect(matchShortcut(key('n', { metaKey: true }), false, false)).toBeNull();
    expect(matchShortcut(key('K', { ctrlKey: true }), false, true)).toEqual({ id: 'search' });
  });

  it('switches to the nth thread and walks the list with Alt+arrows', () => {
    expect(matchShortcut(key('3', { ctrlKey: true }), false, false)).toEqual({
      id: 'switchThread',
      index: 2,
    });
    expect(matchShortcut(key('ArrowDown', { altKey: true }), false, true)).toEqual({ id: 'nextThread' });
    expect(matchShortcut(key('ArrowUp', { altKey: true }), false, false)).toEqual({ id: 'prevThread' });
  });

  it('leaves plain keys to text fields but still stops with Esc', () => {
    expect(matchShortcut(key('/'), false, false)).toEqual({ id: 'focusComposer' });
    expect(matchShortcut(key('/'), false, true)).toBeNull();
    expect(matchShortcut(key('?', { shiftKey: true }), false, false)).toEqual({ id: 'shortcuts' });
    expect(matchShortcut(key('?', { shiftKey: true }), false, true)).toBeNull();
    expect(matchShortcut(key('Escape'), false, true)).toEqual({ id: 'stop' });
    expect(matchShortcut(key('i', { ctrlKey: true }), false, true)).toEqual({ id: 'toggleInspector' });
    expect(matchShortcut(key('l', { ctrlKey: true }), false, true)).toEqual({ id: 'focusComposer' });
  });
});
