import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { McpBatch, McpRun, McpTool } from '../../main/contract';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { McpHarness } from './support';
import { addAndStart, mcpHarness, stdioServer } from './support';

/** Canned answers for server tools: the user's own answer goes back and the tool never runs. */
let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

let open: McpHarness[] = [];
afterEach(async () => {
  await Promise.all(open.map((h) => h.mcp.shutdown()));
  open = [];
});

const ctx = { senderId: 1 };

async function setup() {
  const h = mcpHarness({ mock, settings: { maxToolRounds: 3 } });
  open.push(h);
  const server = await addAndStart(h.mcp, stdioServer());
  h.mcp.handlers['mcp:attach'](
    { threadId: h.threadId, serverId: server.id, toolName: null, attached: true },
    ctx,
  );
  const setCanned = (name: string, answer: string | null, active: boolean) =>
    h.mcp.handlers['mcp:setCanned']({ serverId: server.id, name, answer, active }, ctx) as McpTool;
  return { h, server, setCanned };
}

const lastBatch = (h: McpHarness) =>
  h.events.sent.filter((e) => e.event === 'mcp:approval').at(-1)?.payload as McpBatch | undefined;

describe('canned answers for server tools', () => {
  it('answers a call with the canned text without running the tool, marked in the card and the ledger', async () => {
    const { h, server, setCanned } = await setup();
    // The crash tool would end the server: a canned answer must keep it from running at all.
    expect(setCanned('crash', '{"crashed": false}', true).canned).toEqual({
      answer: '{"crashed": false}',
      active: true,
    });
    mock.script(
      { reply: { toolCalls: [{ name: 'test__crash', arguments: {} }] } },
      { reply: { content: 'it did not crash' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'crash' }, 1);
    await h.service.whenSettled(sent.streamId);
    const path = h.repo.activePath(h.threadId);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(path.find((m) => m.role === 'tool')?.content).toBe('{"crashed": false}');
    // Nobody was asked: nothing ran. The card says it was canned.
    expect(
      h.events.sent.some((e) => e.event === 'mcp:approval' && (e.payload as McpBatch).state === 'waiting'),
    ).toBe(false);
    expect(lastBatch(h)?.calls.map((c) => [c.decision, c.canned, c.outcome])).toEqual([
      ['canned', '{"crashed": false}', 'done'],
    ]);
    const runs = h.mcp.handlers['mcp:runs']({ serverId: server.id, limit: 5 }, ctx) as McpRun[];
    expect(runs[0]).toMatchObject({ tool: 'crash', status: 'canned', error: null });
    const result = h.mcp.handlers['mcp:result'](
      { toolCallId: runs[0]?.toolCallId ?? '', full: false },
      ctx,
    ) as {
      content: unknown[];
    };
    expect(result.content).toEqual([{ type: 'text', text: '{"crashed": false}' }]);
    expect((await h.mcp.service.get(server.id)).status.state).toBe('running');
  });

  it('runs the tool again once the answer is turned off, and keeps the text for later', async () => {
    const { h, setCanned } = await setup();
    setCanned('echo', 'canned echo', true);
    const off = setCanned('echo', 'canned echo', false);
    expect(off.canned).toEqual({ answer: 'canned echo', active: false });
    mock.script(
      { reply: { toolCalls: [{ name: 'test__echo', arguments: { text: 'real' } }] } },
      { reply: { content: 'ok' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'echo' }, 1);
    const batch = await h.events.waiting(new Set());
    expect(batch.calls[0]?.decision).toBe('ask');
    h.mcp.approvals.decide(batch.id, [{ toolCallId: batch.calls[0]?.toolCallId ?? '', action: 'once' }]);
    await h.service.whenSettled(sent.streamId);
    expect(h.repo.activePath(h.threadId).find((m) => m.role === 'tool')?.content).toBe('real');
    // A canned answer survives the tools being listed again (a restart).
    await h.mcp.service.restart(off.serverId);
    expect(h.mcp.service.tools(off.serverId).find((t) => t.name === 'echo')?.canned?.answer).toBe(
      'canned echo',
    );
  });

  it('refuses an empty answer turned on; a tool set to deny stays out of reach, canned or not', async () => {
    const { h, server, setCanned } = await setup();
    expect(() => setCanned('echo', '  ', true)).toThrow(/write the answer/);
    setCanned('echo', 'canned', true);
    h.mcp.handlers['mcp:setPolicy']({ serverId: server.id, name: 'echo', policy: 'deny' }, ctx);
    // A denied tool is not offered to the model at all, canned answer or not.
    expect(h.mcp.port.toolsFor(h.threadId).map((t) => t.name)).not.toContain('test__echo');
    expect(h.mcp.port.toolsFor(h.threadId).map((t) => t.name)).toContain('test__noop');
  });
});
