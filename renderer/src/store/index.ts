import { create } from 'zustand';
import { createAttachmentsSlice } from './attachments/slice';
import { createBudgetsSlice } from './budgets/slice';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createConversationSlice } from './conversation/slice';
import { createExperimentsSlice } from './experiments/slice';
import { createInspectorSlice } from './inspector/slice';
import { createMcpSlice } from './mcp/slice';
import { createProjectsSlice } from './projects/slice';
import { createProvidersSlice } from './providers/slice';
import { createThreadsSlice } from './threads/slice';
import { createToolsSlice } from './tools/slice';
import type { StoreState } from './types';
import { createUiSlice } from './ui/slice';
import { createUsageSlice } from './usage/slice';

export type { StoreState } from './types';

/** Only UI preferences persist here; everything else lives in main's database. */
const PERSIST_VERSION = 1;

/**
 * persist writes on every `set`, which during a stream is every frame; the partialized value
 * rarely changes, so only real changes reach localStorage.
 */
function changesOnly(storage: Storage): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const written = new Map<string, string>();
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => {
      if (written.get(key) === value) return;
      written.set(key, value);
      storage.setItem(key, value);
    },
    removeItem: (key) => {
      written.delete(key);
      storage.removeItem(key);
    },
  };
}

export const useStore = create<StoreState>()(
  persist(
    (...a) => ({
      ...createUiSlice(...a),
      ...createAttachmentsSlice(...a),
      ...createThreadsSlice(...a),
      ...createConversationSlice(...a),
      ...createProvidersSlice(...a),
      ...createUsageSlice(...a),
      ...createToolsSlice(...a),
      ...createInspectorSlice(...a),
      ...createMcpSlice(...a),
      ...createExperimentsSlice(...a),
      ...createBudgetsSlice(...a),
      ...createProjectsSlice(...a),
    }),
    {
      name: 'llm-desk.ui',
      version: PERSIST_VERSION,
      storage: createJSONStorage(() => changesOnly(localStorage)),
      partialize: (s) => ({ inspectorOpen: s.inspectorOpen }),
      migrate: (persisted) => persisted as Partial<StoreState>,
    },
  ),
);
