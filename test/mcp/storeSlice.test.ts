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

  it('shows the state of the last event even when it came while a reload was on its way', async () => {
    // The CI flake: a restart's "starting" event began a reload; "running" and "tools listed"
    // arrived before its reply and were folded into it, so the screen said "starting" for good.
    const server = (state: string) => ({ id: 's1', name: 'test', status: { state } }) as never;
    let answerFirst: (value: unknown) => void = () => undefined;
    let calls = 0;
    fakeApi.mcp = {
      list: vi.fn(() => {
        calls += 1;
        return calls === 1
          ? new Promise((resolve) => (answerFirst = resolve))
          : Promise.resolve(okResult([server('running')]));
      }),
      tools: vi.fn(() => Promise.resolve(okResult([]))),
      pending: vi.fn(() => Promise.resolve(okResult([]))),
      onChanged: vi.fn((l: (p: never) => void) => (listeners.set('mcp.onChanged', l), () => undefined)),
      onApproval: vi.fn((l: (p: never) => void) => (listeners.set('mcp.onApproval', l), () => undefined)),
    } as never;
    const state = () => store.useStore.getState();
    state().ensureMcpSync();
    const changed = listeners.get('mcp.onChanged');
    changed?.({ serverId: 's1' } as never);
    // Main's "running" event, while the first read (taken when it was starting) is still out.
    changed?.({ serverId: 's1' } as never);
    answerFirst(okResult([server('starting')]));
    await vi.waitFor(() => expect(state().mcpServers[0]?.status.state).toBe('running'));
  });
});
