import type { StateCreator } from 'zustand';
import type { ConversationSlice } from './conversationSlice';
import type { InspectorSlice } from './inspectorSlice';
import type { ProvidersSlice } from './providersSlice';
import type { ThreadsSlice } from './threadsSlice';
import type { ToolsSlice } from './toolsSlice';
import type { UiSlice } from './uiSlice';
import type { UsageSlice } from './usageSlice';

export type StoreState = UiSlice &
  ThreadsSlice &
  ConversationSlice &
  ProvidersSlice &
  UsageSlice &
  ToolsSlice &
  InspectorSlice;

/** Every slice is written against the whole store so actions can read other slices. */
export type SliceCreator<T> = StateCreator<StoreState, [['zustand/persist', unknown]], [], T>;
