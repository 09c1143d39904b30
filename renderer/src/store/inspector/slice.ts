import type { StreamEvent } from '../../../../main/contract/chat';
import type { AppError } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import type { CompareRun } from './compare';
import { applyCompareEvent } from './compare';
import { flushPendingEdits } from '../pendingEdits';
import type { SliceCreator } from '../types';

export type InspectorTab = 'parameters' | 'tools' | 'request' | 'compare';

export interface CompareRequest {
  threadId: string;
  messageId: string;
  label: string;
  providerId?: string;
  model?: string;
  params: Record<string, unknown>;
}

export interface InspectorSlice {
  /** The message the Request and Compare tabs describe; null means "the latest answer". */
  selectedMessageId: string | null;
  inspectorTab: InspectorTab;
  /** Comparison re-runs, newest last; kept while the app runs so switching tabs loses nothing. */
  compareRuns: CompareRun[];
  selectMessage(id: string | null): void;
  setInspectorTab(tab: InspectorTab): void;
  /** Starts a re-run and follows its stream; resolves with the error when main refuses it. */
  runCompare(request: CompareRequest): Promise<AppError | null>;
  clearCompareRuns(sourceMessageId: string): void;
}

export const createInspectorSlice: SliceCreator<InspectorSlice> = (set) => ({
  selectedMessageId: null,
  inspectorTab: 'parameters',
  compareRuns: [],
  selectMessage: (selectedMessageId) => set({ selectedMessageId }),
  setInspectorTab: (inspectorTab) => set({ inspectorTab }),

  runCompare: async (request) => {
    // A re-run reads the thread's settings too: what the panel shows is saved first.
    const problem = await flushPendingEdits(request.threadId);
    if (problem !== null) return { code: 'invalid_request', message: problem };
    // Listen before asking: the stream's first events can arrive before the reply does.
    let streamId: string | null = null;
    const early: StreamEvent[] = [];
    const update = (event: StreamEvent) =>
      set((s) => ({
        compareRuns: s.compareRuns.map((r) =>
          r.streamId === event.streamId ? applyCompareEvent(r, event) : r,
        ),
      }));
    const off = api.chat.onStream((event) => {
      if (streamId === null) {
        early.push(event);
        return;
      }
      if (event.streamId !== streamId) return;
      update(event);
      if (event.type === 'ended') off();
    });
    const { threadId, messageId, providerId, model, params } = request;
    const result = await api.chat.compare({ threadId, messageId, providerId, model, params });
    if (!result.ok) {
      off();
      return result.error;
    }
    streamId = result.value.streamId;
    const run: CompareRun = {
      streamId,
      sourceMessageId: messageId,
      label: request.label,
      messages: result.value.messages,
      done: false,
      startedAt: Date.now(),
    };
    set((s) => ({ compareRuns: [...s.compareRuns, run] }));
    for (const event of early) if (event.streamId === streamId) update(event);
    if (early.some((e) => e.streamId === streamId && e.type === 'ended')) off();
    return null;
  },

  clearCompareRuns: (sourceMessageId) =>
    set((s) => ({ compareRuns: s.compareRuns.filter((r) => r.sourceMessageId !== sourceMessageId) })),
});
