import type {
  AppError,
  AttachmentChoice,
  Message,
  Result,
  SendResult,
  StreamEvent,
  ThreadDetail,
  ThreadSettings,
} from '../../../../main/contract';
import { api } from '../../bridge/api';
import { describeError, failureLine } from '../../platform/describeError';
import { findMessage } from './messageIndex';
import { buildThreadView, underLoaded } from './branches';
import type { ConversationData } from './streamReducer';
import { applySendResult, applyStreamEvents, lastWords, mergeDetail, streamOfThread } from './streamReducer';
import { THREAD_WINDOW } from '../../../../main/contract/threadWindow';
import { flushPendingEdits, trackSave } from '../pendingEdits';
import { FramePacer, lastInputAt } from './framePacing';
import type { SliceCreator } from '../types';

export type { StreamInfo, RetryNotice } from './streamReducer';

export interface ConversationSlice extends ConversationData {
  /** The message whose inline editor is open. */
  editingMessageId: string | null;
  /**
   * Requests this window started, per thread (a send, a regenerate, a continue, an edited question
   * sent): the message list goes to its end and follows the answer at each.
   */
  requested: Record<string, number>;
  /** Subscribes once to stream and thread-change events; later calls do nothing. */
  startConversationSync(): void;
  /** Loads a thread with the newest messages of its active branch (shown at once when cached, then refreshed). */
  loadDetail(threadId: string): Promise<void>;
  /** Shows a thread main already sent whole (the one opened at start), as loadDetail would have. */
  adoptDetail(detail: ThreadDetail): void;
  /** Loads the messages above the first one shown, as the reader scrolls up. */
  loadEarlier(threadId: string): Promise<void>;
  /** Makes sure `messageId` is on the active branch so it can be scrolled to. */
  revealMessage(threadId: string, messageId: string): Promise<void>;
  send(threadId: string, content: string, attachments?: AttachmentChoice[]): Promise<boolean>;
  stop(threadId: string): Promise<void>;
  stopStream(streamId: string): Promise<void>;
  regenerate(threadId: string, messageId: string): Promise<void>;
  continueMessage(threadId: string, messageId: string): Promise<void>;
  /** A user message becomes a new branch that is answered; other messages change in place. */
  editMessage(threadId: string, messageId: string, content: string): Promise<boolean>;
  deleteMessage(threadId: string, messageId: string): Promise<void>;
  selectBranch(threadId: string, messageId: string): Promise<void>;
  setEditing(messageId: string | null): void;
  /** Saves thread settings; returns the error main gave, if any. */
  updateSettings(threadId: string, settings: Partial<ThreadSettings>): Promise<AppError | null>;
}

/** Messages added to a reload's window beyond those shown: answers that arrived meanwhile. */
const RELOAD_SLACK = 50;
const loadingEarlier = new Set<string>();

/** How many threads keep their messages in memory besides the open one. */
const DETAILS_KEPT = 6;
const RELOAD_DELAY_MS = 120;
/** Flushes a batch even when animation frames are throttled (window hidden). */
const FLUSH_FALLBACK_MS = 200;

let syncing = false;
/** Bumped whenever a thread's messages change locally; a fetch started before is stale. */
const epochs = new Map<string, number>();
const reloadTimers = new Map<string, number>();
let listTimer: number | undefined;
const recent: string[] = [];

const epoch = (threadId: string) => epochs.get(threadId) ?? 0;
const bump = (threadId: string) => epochs.set(threadId, epoch(threadId) + 1);

export const createConversationSlice: SliceCreator<ConversationSlice> = (set, get) => {
  const fail = (what: string, error: AppError) => {
    const { fix } = describeError(error);
    const message = failureLine(error);
    const budgetId = error.code === 'budget_exceeded' ? error.detail?.field : undefined;
    const action = budgetId
      ? { label: 'Send anyway once', run: () => void get().allowBudgetOnce(budgetId) }
      : fix === 'providers'
        ? { label: 'Open Providers', run: () => get().setScreen('providers') }
        : fix === 'inspector'
          ? { label: 'Show inspector', run: () => get().toggleInspector(true) }
          : undefined;
    get().toast('error', `${what}: ${message}`, action);
  };

  const streamingIds = (threadId: string): Set<string> => {
    const ids = new Set<string>();
    for (const info of Object.values(get().streams))
      if (info.threadId === threadId) for (const id of info.messageIds) ids.add(id);
    return ids;
  };

  /**
   * Fetches the thread with as much of its active branch as is shown now (at least the opening
   * window, a little more for messages added meanwhile), reaching up to `through` if asked.
   * A reload (`newest`) of a thread read far back fetches only the newest stretch and keeps the
   * earlier messages already loaded, when nothing above that stretch changed.
   */
  const fetchDetail = async (
    threadId: string,
    options: { through?: string; newest?: boolean } = {},
  ): Promise<void> => {
    const started = epoch(threadId);
    const shown = get().views[threadId]?.rows.length ?? 0;
    const newest = options.newest === true && options.through === undefined && shown > THREAD_WINDOW;
    const limit = newest ? THREAD_WINDOW + RELOAD_SLACK : Math.max(THREAD_WINDOW, shown + RELOAD_SLACK);
    const result = await api.threads.get(
      options.through ? { id: threadId, limit, through: options.through } : { id: threadId, limit },
    );
    if (!result.ok) {
      if (result.error.code === 'not_found')
        set((s) => ({ details: { ...s.details, [threadId]: undefined } }));
      else if (get().currentThreadId === threadId) fail('Could not open the thread', result.error);
      return;
    }
    // Stream events changed the thread while this was in flight: what arrived is older than what is shown.
    if (epoch(threadId) !== started) {
      scheduleReload(threadId);
      return;
    }
    const before = get().details[threadId];
    const fetched = newest && before ? underLoaded(before, result.value) : result.value;
    if (fetched === null) {
      await fetchDetail(threadId);
      return;
    }
    set((s) => {
      const detail = mergeDetail(s.details[threadId], fetched, streamingIds(threadId));
      if (detail === s.details[threadId]) return {};
      const prev = s.details[threadId];
      const sameShape =
        prev !== undefined &&
        prev.messages === detail.messages &&
        prev.thread.activeLeafId === detail.thread.activeLeafId;
      return {
        details: { ...s.details, [threadId]: detail },
        views: sameShape ? s.views : { ...s.views, [threadId]: buildThreadView(detail) },
      };
    });
  };

  function scheduleReload(threadId: string): void {
    window.clearTimeout(reloadTimers.get(threadId));
    reloadTimers.set(
      threadId,
      window.setTimeout(() => {
        reloadTimers.delete(threadId);
        if (get().details[threadId]) void fetchDetail(threadId, { newest: true });
      }, RELOAD_DELAY_MS),
    );
  }

  function scheduleListReload(): void {
    window.clearTimeout(listTimer);
    listTimer = window.setTimeout(() => void get().loadThreads(), RELOAD_DELAY_MS);
  }

  /** Drops the messages of threads not looked at lately, never the open one or one streaming. */
  function remember(threadId: string): void {
    const at = recent.indexOf(threadId);
    if (at >= 0) recent.splice(at, 1);
    recent.unshift(threadId);
    const evict = recent.splice(DETAILS_KEPT + 1).filter((id) => streamOfThread(get().streams, id) === null);
    if (evict.length === 0) return;
    set((s) => {
      const details = { ...s.details };
      const views = { ...s.views };
      for (const id of evict) {
        delete details[id];
        delete views[id];
      }
      return { details, views };
    });
  }

  const applySent = (threadId: string, result: Result<SendResult>, what: string): boolean => {
    if (!result.ok) {
      fail(what, result.error);
      return false;
    }
    bump(threadId);
    set((s) => ({
      ...applySendResult(s, threadId, result.value),
      requested: { ...s.requested, [threadId]: (s.requested[threadId] ?? 0) + 1 },
    }));
    scheduleListReload();
    return true;
  };

  /**
   * Every request reads the thread's settings in main: edits still waiting in the panel are saved
   * first, and an edit that cannot be sent as shown stops the request with its reason.
   */
  const settled = async (threadId: string, what: string): Promise<boolean> => {
    const problem = await flushPendingEdits(threadId);
    if (problem === null) return true;
    fail(what, { code: 'invalid_request', message: problem });
    return false;
  };

  const messageOf = (threadId: string, id: string): Message | undefined =>
    findMessage(get().details[threadId]?.messages, id);

  return {
    details: {},
    views: {},
    streams: {},
    dropped: {},
    ended: [],
    editingMessageId: null,
    requested: {},

    startConversationSync: () => {
      if (syncing) return;
      syncing = true;
      let queue: StreamEvent[] = [];
      let scheduled = false;
      let fallback: number | undefined;
      const pacer = new FramePacer();
      const flush = () => {
        scheduled = false;
        window.clearTimeout(fallback);
        if (queue.length === 0) return;
        let batch = queue;
        queue = [];
        // An end that brings the answer's last words: the words now, the end from the next frame.
        const end = batch.findIndex((e) => e.type === 'ended');
        const ended = batch[end];
        const words = ended?.type === 'ended' ? lastWords(get(), batch.slice(0, end), ended) : null;
        if (words) {
          queue = batch.slice(end);
          batch = [...batch.slice(0, end), words];
          scheduled = true;
          schedule();
        }
        for (const event of batch) if (event.type !== 'delta') bump(event.threadId);
        set((s) => applyStreamEvents(s, batch, Date.now()));
        if (batch.some((e) => e.type === 'ended')) scheduleListReload();
      };
      // The timer draws the batch only when no frame comes (a hidden window): once a frame runs, the
      // frame decides. A timer left running drew about half the batches of a fast stream between
      // frames, out of step with them and past the pacing below.
      const schedule = () => {
        requestAnimationFrame(onFrame);
        window.clearTimeout(fallback);
        fallback = window.setTimeout(flush, FLUSH_FALLBACK_MS);
      };
      const onFrame = (frameStart?: number) => {
        const now = performance.now();
        if (queue.length > 0 && !pacer.drawNow(queue, frameStart ?? now, now, lastInputAt())) {
          schedule();
          return;
        }
        flush();
      };
      api.chat.onStream((event) => {
        queue.push(event);
        if (scheduled) return;
        scheduled = true;
        schedule();
      });
      api.threads.onChanged(({ threadId }) => {
        scheduleListReload();
        const ids = threadId === null ? Object.keys(get().details) : [threadId];
        for (const id of ids) if (get().details[id]) scheduleReload(id);
      });
      void api.chat.active({}).then((result) => {
        if (!result.ok || result.value.length === 0) return;
        set((s) => {
          const streams = { ...s.streams };
          for (const { streamId, threadId } of result.value) {
            streams[streamId] ??= { threadId, messageIds: [], retry: null, droppedFields: [] };
          }
          return { streams };
        });
      });
    },

    loadDetail: async (threadId) => {
      remember(threadId);
      if (get().details[threadId]) {
        scheduleReload(threadId);
        return;
      }
      await fetchDetail(threadId);
    },

    adoptDetail: (fetched) => {
      const threadId = fetched.thread.id;
      remember(threadId);
      set((s) => {
        const detail = mergeDetail(s.details[threadId], fetched, streamingIds(threadId));
        return {
          details: { ...s.details, [threadId]: detail },
          views: { ...s.views, [threadId]: buildThreadView(detail) },
        };
      });
    },

    loadEarlier: async (threadId) => {
      const first = get().views[threadId]?.rows[0];
      if (!get().details[threadId]?.earlier || !first || loadingEarlier.has(threadId)) return;
      loadingEarlier.add(threadId);
      try {
        // Pages double as the reader goes back, so reaching the start of a long thread takes a few loads.
        const limit = Math.max(THREAD_WINDOW, get().views[threadId]?.rows.length ?? 0);
        const result = await api.threads.get({ id: threadId, before: first.id, limit });
        if (!result.ok) {
          fail('Could not load earlier messages', result.error);
          return;
        }
        bump(threadId);
        set((s) => {
          const detail = s.details[threadId];
          // The branch shown changed meanwhile: this page lies above a message no longer first.
          if (!detail || s.views[threadId]?.rows[0]?.id !== first.id) return {};
          const known = new Set(detail.messages.map((m) => m.id));
          const next = {
            thread: detail.thread,
            messages: [...result.value.messages.filter((m) => !known.has(m.id)), ...detail.messages],
            earlier: result.value.earlier,
          };
          return {
            details: { ...s.details, [threadId]: next },
            views: { ...s.views, [threadId]: buildThreadView(next) },
          };
        });
      } finally {
        loadingEarlier.delete(threadId);
      }
    },

    revealMessage: async (threadId, messageId) => {
      const shown = () =>
        get().views[threadId]?.rows.some((r) => r.id === messageId || r.choiceIds?.includes(messageId)) ??
        false;
      if (shown()) return;
      // Above the loaded stretch of the active branch: load up to it.
      if (!messageOf(threadId, messageId)) await fetchDetail(threadId, { through: messageId });
      // On another branch: make it active.
      if (!shown()) await get().selectBranch(threadId, messageId);
    },

    send: async (threadId, content, attachments) =>
      (await settled(threadId, 'Could not send')) &&
      applySent(
        threadId,
        await api.chat.send({ threadId, content, ...(attachments?.length ? { attachments } : {}) }),
        'Could not send',
      ),

    stop: async (threadId) => {
      const streamId = streamOfThread(get().streams, threadId);
      if (streamId) await get().stopStream(streamId);
    },

    stopStream: async (streamId) => {
      const result = await api.chat.stop({ streamId });
      if (!result.ok) fail('Could not stop', result.error);
    },

    regenerate: async (threadId, messageId) => {
      if (!(await settled(threadId, 'Could not regenerate'))) return;
      applySent(threadId, await api.chat.regenerate({ threadId, messageId }), 'Could not regenerate');
    },

    continueMessage: async (threadId, messageId) => {
      if (!(await settled(threadId, 'Could not continue'))) return;
      applySent(threadId, await api.chat.continue({ threadId, messageId }), 'Could not continue');
    },

    editMessage: async (threadId, messageId, content) => {
      const original = messageOf(threadId, messageId);
      if (!original) return false;
      const result = await api.messages.edit({ id: messageId, content });
      if (!result.ok) {
        fail('Could not save the edit', result.error);
        return false;
      }
      const edited = result.value;
      bump(threadId);
      set((s) => {
        const detail = s.details[threadId];
        if (!detail) return {};
        const isNew = edited.id !== original.id;
        const messages = isNew
          ? [...detail.messages, edited]
          : detail.messages.map((m) => (m.id === edited.id ? edited : m));
        const next = {
          thread: isNew ? { ...detail.thread, activeLeafId: edited.id } : detail.thread,
          messages,
          earlier: detail.earlier,
        };
        return {
          details: { ...s.details, [threadId]: next },
          views: isNew ? { ...s.views, [threadId]: buildThreadView(next) } : s.views,
          editingMessageId: null,
        };
      });
      // The edited question is a new branch with no answer yet: ask for one.
      if (edited.role === 'user' && edited.id !== original.id) await get().regenerate(threadId, edited.id);
      return true;
    },

    deleteMessage: async (threadId, messageId) => {
      const result = await api.messages.delete({ id: messageId });
      if (!result.ok) {
        fail('Could not delete the message', result.error);
        return;
      }
      bump(threadId);
      await fetchDetail(threadId);
    },

    selectBranch: async (threadId, messageId) => {
      const result = await api.threads.selectBranch({ threadId, messageId });
      if (!result.ok) {
        fail('Could not switch branch', result.error);
        return;
      }
      bump(threadId);
      // The newly active branch below `messageId` may not be loaded: fetch it before showing it.
      await fetchDetail(threadId, { through: messageId });
      get().patchThread(result.value);
    },

    setEditing: (editingMessageId) => set({ editingMessageId }),

    updateSettings: async (threadId, settings) => {
      const result = await trackSave(threadId, api.threads.update({ id: threadId, settings }));
      if (!result.ok) return result.error;
      get().patchThread(result.value);
      return null;
    },
  };
};
