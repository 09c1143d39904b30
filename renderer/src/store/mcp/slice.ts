import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import type { McpBatch, McpServer, McpTool } from '../../../../main/contract/mcp';
import type { SliceCreator } from '../types';

export interface McpSlice {
  mcpServers: McpServer[];
  mcpTools: McpTool[];
  /** Batches of calls by the assistant message that made them (waiting, running, or just done). */
  mcpBatches: Record<string, McpBatch>;
  mcpLoaded: boolean;
  mcpError: string | null;
  loadMcp(): Promise<void>;
  /** Subscribes once to main's MCP events; later calls do nothing. */
  ensureMcpSync(): void;
  putMcpServer(server: McpServer): void;
}

let subscribed = false;
let reload: Promise<void> | null = null;
/** An event came while a reload was on its way: its reply may predate the event, so read once more. */
let again = false;

export const createMcpSlice: SliceCreator<McpSlice> = (set, get) => ({
  mcpServers: [],
  mcpTools: [],
  mcpBatches: {},
  mcpLoaded: false,
  mcpError: null,
  loadMcp: async () => {
    // Status events come in bursts (starting, running, tools listed): one reload at a time, and
    // one more after it when events came meanwhile (its reply may be older than the last of them).
    if (reload) {
      again = true;
      return reload;
    }
    again = false;
    reload = (async () => {
      const [servers, tools, pending] = await Promise.all([
        api.mcp.list({}),
        api.mcp.tools({}),
        api.mcp.pending({}),
      ]);
      if (!servers.ok || !tools.ok || !pending.ok) {
        const error = !servers.ok
          ? servers.error
          : !tools.ok
            ? tools.error
            : !pending.ok
              ? pending.error
              : null;
        set({ mcpLoaded: true, mcpError: error ? failureLine(error) : null });
        return;
      }
      // Events keep known batches current; a reply to this read can be older than the last event
      // (a batch finished meanwhile), so it only fills in batches this window has not heard of.
      const batches = { ...get().mcpBatches };
      for (const batch of pending.value) batches[batch.messageId] ??= batch;
      set({
        mcpServers: servers.value,
        mcpTools: tools.value,
        mcpBatches: batches,
        mcpLoaded: true,
        mcpError: null,
      });
    })().finally(() => {
      reload = null;
      if (again) void get().loadMcp();
    });
    return reload;
  },
  ensureMcpSync: () => {
    if (subscribed) return;
    subscribed = true;
    api.mcp.onChanged(() => void get().loadMcp());
    api.mcp.onApproval((batch) =>
      set((s) => ({ mcpBatches: { ...s.mcpBatches, [batch.messageId]: batch } })),
    );
    void get().loadMcp();
  },
  putMcpServer: (server) =>
    set((s) => ({
      mcpServers: [...s.mcpServers.filter((x) => x.id !== server.id), server].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    })),
});
