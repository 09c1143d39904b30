import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createConversationSlice } from './conversationSlice';
import { createInspectorSlice } from './inspectorSlice';
import { createProvidersSlice } from './providersSlice';
import { createThreadsSlice } from './threadsSlice';
import { createToolsSlice } from './toolsSlice';
import type { StoreState } from './types';
import { createUiSlice } from './uiSlice';
import { createUsageSlice } from './usageSlice';

export type { StoreState } from './types';

/** Only UI preferences persist here; everything else lives in main's database. */
const PERSIST_VERSION = 1;

export const useStore = create<StoreState>()(
  persist(
    (...a) => ({
      ...createUiSlice(...a),
      ...createThreadsSlice(...a),
      ...createConversationSlice(...a),
      ...createProvidersSlice(...a),
      ...createUsageSlice(...a),
      ...createToolsSlice(...a),
      ...createInspectorSlice(...a),
    }),
    {
      name: 'llm-desk.ui',
      version: PERSIST_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ inspectorOpen: s.inspectorOpen }),
      migrate: (persisted) => persisted as Partial<StoreState>,
    },
  ),
);
