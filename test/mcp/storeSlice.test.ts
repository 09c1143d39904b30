import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { McpBatch } from '../../main/contract';
import { fakeApi, listeners, loadStore, okResult } from '../renderer/store/harness';

let store: Awaited<ReturnType<typeof loadStore>>;
beforeAll(async () => {
  store = await loadStore();
});

const batch = (state: McpBatch['state']): McpBatch => ({
  id: 'b1',
  threadId: 't1',
  messageId: 'm1',
  state,
  calls: [],
});

describe('the MCP slice', () => {
  it('keeps the last batch event when a slower reload answers with an older view of the batch', async () => {
    let answerPending: (value: unknown) => void = () => undefined;
    fakeApi.mcp = {
      list: vi.fn(() => Promise.resolve(okResult([]))),
      tools: vi.fn(() => Promise.resolve(okResult([]))),
      pending: vi.fn(() => new Promise((resolve) => (answerPending = resolve))),
      onChanged: vi.fn((l: (p: never) => void) => (listeners.set('mcp.onChanged', l), () => undefined)),
      onApproval: vi.fn((l: (p: never) => void) => (listeners.set('mcp.onApproval', l), () => undefined)),
    } as never;
    const state = () => store.useStore.getState();
    state().ensureMcpSync();
    // The decision's "changed" event started a reload; the run finishes before its reply arrives.
    listeners.get('mcp.onApproval')?.(batch('done') as never);
    answerPending(okResult([batch('running')]));
    await vi.waitFor(() => expect(state().mcpLoaded).toBe(true));
    expect(state().mcpBatches.m1?.state).toBe('done');
  });
});
