import type { StateCreator } from 'zustand';
import type { AttachmentsSlice } from './attachments/slice';
import type { BudgetsSlice } from './budgets/slice';
import type { ConversationSlice } from './conversation/slice';
import type { ExperimentsSlice } from './experiments/slice';
import type { InspectorSlice } from './inspector/slice';
import type { McpSlice } from './mcp/slice';
import type { ProjectsSlice } from './projects/slice';
import type { ProvidersSlice } from './providers/slice';
import type { ThreadsSlice } from './threads/slice';
import type { ToolsSlice } from './tools/slice';
import type { UiSlice } from './ui/slice';
import type { UsageSlice } from './usage/slice';

export type StoreState = UiSlice &
  AttachmentsSlice &
  ThreadsSlice &
  ConversationSlice &
  ProvidersSlice &
  UsageSlice &
  ToolsSlice &
  InspectorSlice &
  McpSlice &
  ExperimentsSlice &
  BudgetsSlice &
  ProjectsSlice;

/** Every slice is written against the whole store so actions can read other slices. */
export type SliceCreator<T> = StateCreator<StoreState, [['zustand/persist', unknown]], [], T>;
