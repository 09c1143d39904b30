import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import type { ToolDef } from '../../../../main/contract/tools';
import type { SliceCreator } from '../types';

export interface ToolsSlice {
  /** The function library, by name. */
  tools: ToolDef[];
  toolsLoaded: boolean;
  toolsError: string | null;
  loadTools(): Promise<void>;
  /** Inserts or replaces one tool after main saved it. */
  putTool(tool: ToolDef): void;
  dropTool(id: string): void;
}

const byName = (a: ToolDef, b: ToolDef) => a.name.localeCompare(b.name);

export const createToolsSlice: SliceCreator<ToolsSlice> = (set) => ({
  tools: [],
  toolsLoaded: false,
  toolsError: null,
  loadTools: async () => {
    const result = await api.tools.list({});
    if (result.ok) set({ tools: [...result.value].sort(byName), toolsLoaded: true, toolsError: null });
    else set({ toolsLoaded: true, toolsError: failureLine(result.error) });
  },
  putTool: (tool) => set((s) => ({ tools: [...s.tools.filter((t) => t.id !== tool.id), tool].sort(byName) })),
  dropTool: (id) => set((s) => ({ tools: s.tools.filter((t) => t.id !== id) })),
});
