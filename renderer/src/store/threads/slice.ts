import type { Thread, ThreadSettings, ThreadSummary } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { FIRST_SCREEN_ROWS, takeAsked } from '../../platform/firstScreen';
import { buildThreadView } from '../conversation/branches';
import { keepRows, neighbourThread, sortThreads } from './threadOrder';
import { reusableEmptyThread } from './emptyThread';
import type { SliceCreator } from '../types';

export type ThreadsView = 'active' | 'archived';

/** A message to bring into view once its thread is open (from search), highlighted briefly. */
export interface ScrollTarget {
  threadId: string;
  messageId: string;
  /** Distinguishes two jumps to the same message. */
  nonce: number;
  /** Highlight the message briefly once it is in view (search results do, editing does not). */
  flash: boolean;
}

export interface ThreadsSlice {
  threads: ThreadSummary[];
  archivedThreads: ThreadSummary[];
  threadsView: ThreadsView;
  threadsLoaded: boolean;
  currentThreadId: string | null;
  scrollTarget: ScrollTarget | null;
  /** Id of the thread whose title is being edited in the list. */
  renamingThreadId: string | null;
  /**
   * Loads the thread lists, active and archived. `first`: only the active list's first rows, what
   * the pane shows at start; the whole list follows once the window is usable.
   */
  loadThreads(first?: number): Promise<void>;
  setThreadsView(view: ThreadsView): void;
  /**
   * At start: opens the thread the list starts with (passing over `skip`), asked for beside the
   * list rather than after it. False when there is none, or another was opened meanwhile.
   */
  openFirstThread(skip: string[]): Promise<boolean>;
  /** Opens a thread (null: none); `messageId` scrolls to that message and selects its branch. */
  openThread(id: string | null, messageId?: string): Promise<void>;
  /** Opens the thread `delta` places away in the list. */
  openNeighbour(delta: number): void;
  createThread(settings?: Partial<ThreadSettings>): Promise<string | null>;
  /**
   * "New thread": opens an empty thread already in the list rather than adding another, so
   * pressing it twice (or Ctrl+N after a thread was started) never piles up empty threads.
   */
  startNewThread(): Promise<string | null>;
  renameThread(id: string, title: string): Promise<boolean>;
  setRenaming(id: string | null): void;
  setPinned(id: string, pinned: boolean): Promise<void>;
  /** Archiving says so with an Undo toast, like delete. */
  setArchived(id: string, archived: boolean): Promise<void>;
  /** Soft delete with an Undo toast. */
  deleteThread(id: string): Promise<void>;
  restoreThread(id: string): Promise<void>;
  clearScrollTarget(): void;
  /** Scrolls the open thread to a message. */
  scrollToMessage(threadId: string, messageId: string, flash: boolean): void;
  /** Puts a thread main returned into the lists (the right one for its archived flag) and its open detail. */
  patchThread(thread: Thread): void;
}

let scrollNonce = 0;
/** Counts loadThreads calls, so an older answer never replaces a newer list. */
let listCalls = 0;

export const createThreadsSlice: SliceCreator<ThreadsSlice> = (set, get) => {
  const fail = (message: string) => get().toast('error', message);

  const summaryOf = (id: string) =>
    get().threads.find((t) => t.id === id) ?? get().archivedThreads.find((t) => t.id === id);

  return {
    threads: [],
    archivedThreads: [],
    threadsView: 'active',
    threadsLoaded: false,
    currentThreadId: null,
    scrollTarget: null,
    renamingThreadId: null,

    loadThreads: async (first) => {
      const call = ++listCalls;
      if (first !== undefined) {
        // The entry asked for the first screen's rows before the app's code ran (platform/firstScreen).
        const early = first === FIRST_SCREEN_ROWS ? takeAsked('rows') : undefined;
        const top = await (early ?? api.threads.list({ archived: false, limit: first }));
        // A whole list asked for meanwhile is newer; a failure is told by the whole list's call.
        if (call === listCalls && top.ok)
          set({ threads: keepRows(get().threads, sortThreads(top.value)), threadsLoaded: true });
        return;
      }
      // What the pane showed when asked: a thread moved, renamed or made meanwhile changes it, and
      // a list asked for before that change must not put the old row back. It is asked again.
      const shown = { threads: get().threads, archivedThreads: get().archivedThreads };
      const [active, archived] = await Promise.all([
        api.threads.list({ archived: false }),
        api.threads.list({ archived: true }),
      ]);
      // Answers can pass each other: only the latest call's list is the current one.
      if (call !== listCalls) return;
      if (get().threads !== shown.threads || get().archivedThreads !== shown.archivedThreads)
        return get().loadThreads();
      if (!active.ok) {
        fail(`Could not load threads: ${failureLine(active.error)}`);
        set({ threadsLoaded: true });
        return;
      }
      set({
        threads: keepRows(get().threads, sortThreads(active.value)),
        archivedThreads: archived.ok
          ? keepRows(get().archivedThreads, sortThreads(archived.value))
          : get().archivedThreads,
        threadsLoaded: true,
      });
    },

    setThreadsView: (threadsView) => set({ threadsView }),

    openFirstThread: async (skip) => {
      const result = await (takeAsked('opening') ?? api.threads.opening({ skip }));
      if (!result.ok || result.value === null || get().currentThreadId !== null) return false;
      get().adoptDetail(result.value);
      set({ currentThreadId: result.value.thread.id, scrollTarget: null });
      return true;
    },

    openThread: async (id, messageId) => {
      set({
        currentThreadId: id,
        scrollTarget: id && messageId ? { threadId: id, messageId, nonce: ++scrollNonce, flash: true } : null,
      });
      if (id === null) return;
      await get().loadDetail(id);
      if (messageId) await get().revealMessage(id, messageId);
    },

    openNeighbour: (delta) => {
      const list = get().threadsView === 'archived' ? get().archivedThreads : get().threads;
      const next = neighbourThread(list, get().currentThreadId, delta);
      if (next && next !== get().currentThreadId) void get().openThread(next);
    },

    createThread: async (settings) => {
      const result = await api.threads.create(settings ? { settings } : {});
      if (!result.ok) {
        fail(`Could not create a thread: ${failureLine(result.error)}`);
        return null;
      }
      const thread = result.value;
      set((s) => ({
        threads: sortThreads([thread, ...s.threads.filter((t) => t.id !== thread.id)]),
        details: { ...s.details, [thread.id]: { thread, messages: [], earlier: false } },
        views: { ...s.views, [thread.id]: { rows: [] } },
        threadsView: 'active',
        currentThreadId: thread.id,
      }));
      return thread.id;
    },

    startNewThread: async () => {
      const s = get();
      const empty = reusableEmptyThread(s.threads, s.details, s.streams);
      if (!empty) return get().createThread();
      set({ threadsView: 'active' });
      if (s.currentThreadId !== empty.id) await get().openThread(empty.id);
      return empty.id;
    },

    renameThread: async (id, title) => {
      const trimmed = title.trim();
      if (trimmed === '' || trimmed === summaryOf(id)?.title) return true;
      const result = await api.threads.update({ id, title: trimmed });
      if (!result.ok) {
        fail(`Could not rename: ${failureLine(result.error)}`);
        return false;
      }
      get().patchThread(result.value);
      return true;
    },

    setRenaming: (renamingThreadId) => set({ renamingThreadId }),

    setPinned: async (id, pinned) => {
      const result = await api.threads.update({ id, pinned });
      if (!result.ok) fail(`Could not ${pinned ? 'pin' : 'unpin'}: ${failureLine(result.error)}`);
      else get().patchThread(result.value);
    },

    setArchived: async (id, archived) => {
      const result = await api.threads.update({ id, archived });
      if (!result.ok) {
        fail(`Could not ${archived ? 'archive' : 'unarchive'}: ${failureLine(result.error)}`);
        return;
      }
      get().patchThread(result.value);
      get().toast(
        'info',
        archived ? `Archived “${result.value.title}”` : `Moved “${result.value.title}” back to threads`,
        { label: 'Undo', run: () => void get().setArchived(id, !archived) },
      );
    },

    deleteThread: async (id) => {
      const title = summaryOf(id)?.title ?? 'thread';
      const list = get().threadsView === 'archived' ? get().archivedThreads : get().threads;
      const next =
        get().currentThreadId === id
          ? neighbourThread(
              list.filter((t) => t.id !== id),
              null,
              0,
            )
          : undefined;
      const result = await api.threads.delete({ id });
      if (!result.ok) {
        fail(`Could not delete: ${failureLine(result.error)}`);
        return;
      }
      set((s) => ({
        threads: s.threads.filter((t) => t.id !== id),
        archivedThreads: s.archivedThreads.filter((t) => t.id !== id),
      }));
      if (next !== undefined) void get().openThread(next);
      get().toast('info', `Deleted “${title}”`, { label: 'Undo', run: () => void get().restoreThread(id) });
    },

    restoreThread: async (id) => {
      const result = await api.threads.restore({ id });
      if (!result.ok) {
        fail(`Could not restore: ${failureLine(result.error)}`);
        return;
      }
      get().patchThread(result.value);
      void get().openThread(id);
    },

    clearScrollTarget: () => set({ scrollTarget: null }),

    scrollToMessage: (threadId, messageId, flash) =>
      set({ scrollTarget: { threadId, messageId, nonce: ++scrollNonce, flash } }),

    patchThread: (thread) => {
      const { settings: _settings, activeLeafId: _leaf, ...summary } = thread;
      set((s) => {
        const without = (list: ThreadSummary[]) => list.filter((t) => t.id !== thread.id);
        const detail = s.details[thread.id];
        const next = detail ? { ...detail, thread } : undefined;
        return {
          threads: thread.archived ? without(s.threads) : sortThreads([summary, ...without(s.threads)]),
          archivedThreads: thread.archived
            ? sortThreads([summary, ...without(s.archivedThreads)])
            : without(s.archivedThreads),
          details: next ? { ...s.details, [thread.id]: next } : s.details,
          // Only a moved branch changes what the list shows; titles and settings do not.
          views:
            next && detail?.thread.activeLeafId !== thread.activeLeafId
              ? { ...s.views, [thread.id]: buildThreadView(next) }
              : s.views,
        };
      });
    },
  };
};
