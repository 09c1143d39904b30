import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { McpHarness } from './support';
import { addAndStart, mcpHarness, startHttpServer } from './support';

/**
 * The integration cases that loop.test.ts runs over stdio only, over streamable HTTP: a
 * definition changed between sessions, and a server that exits in the middle of a call.
 */
let mock: MockProvider;
let open: McpHarness[] = [];
let servers: { close: () => void }[] = [];
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());
afterEach(async () => {
  await Promise.all(open.map((h) => h.mcp.shutdown()));
  for (const s of servers) s.close();
  open = [];
  servers = [];
});

async function setup(env: Record<string, string> = {}) {
  const remote = await startHttpServer([], env);
  servers.push(remote);
  const h = mcpHarness({ mock, settings: { maxToolRounds: 3 } });
  open.push(h);
  const server = await addAndStart(h.mcp, {
    name: 'test',
    transport: 'http',
    url: remote.url,
    handshakeTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
  });
  h.mcp.handlers['mcp:attach'](
    { threadId: h.threadId, serverId: server.id, toolName: null, attached: true },
    { senderId: 1 },
  );
  return { h, server };
}

const toolText = (h: McpHarness) =>
  h.repo
    .activePath(h.threadId)
    .filter((m) => m.role === 'tool')
    .map((m) => m.content);

describe('MCP over streamable HTTP, when the server misbehaves', () => {
  it('blocks a tool whose definition changed in a new session, with the diff, until re-approved', async () => {
    const { h, server } = await setup({ SHIFT_FILE: join(mkdtempSync(join(tmpdir(), 'mcp-shift-')), 'n') });
    mock.script(
      { reply: { toolCalls: [{ name: 'test__add', arguments: { a: 1, b: 1 } }] } },
      { reply: { content: 'two' } },
      { reply: { toolCalls: [{ name: 'test__add', arguments: { a: 2, b: 2 } }] } },
      { reply: { content: 'four' } },
    );
    const seen = new Set<string>();
    const first = await h.service.send({ threadId: h.threadId, content: 'add' }, 1);
    const approve = await h.events.waiting(seen);
    h.mcp.approvals.decide(approve.id, [
      { toolCallId: approve.calls[0]?.toolCallId ?? '', action: 'always' },
    ]);
    await h.service.whenSettled(first.streamId);
    // A restart is a new HTTP session, in which the test server rewrites the tool.
    await h.mcp.service.restart(server.id);
    expect(h.mcp.service.tools().find((t) => t.name === 'add')).toMatchObject({
      pinned: true,
      changed: true,
    });
    const second = await h.service.send({ threadId: h.threadId, content: 'add again' }, 1);
    const blocked = await h.events.waiting(seen);
    const call = blocked.calls[0];
    expect(call?.decision).toBe('blocked');
    expect(call?.diff?.lines.some((l) => l.kind === 'removed' && l.text.includes('Adds two numbers.'))).toBe(
      true,
    );
    h.mcp.approvals.decide(blocked.id, [{ toolCallId: call?.toolCallId ?? '', action: 'once' }]);
    await h.service.whenSettled(second.streamId);
    expect(toolText(h)).toEqual(['2', '4']);
    expect(h.mcp.service.tools().find((t) => t.name === 'add')?.changed).toBe(false);
  });

  it('reports a server that exits in the middle of a call, and the model gets a failure', async () => {
    const { h, server } = await setup();
    mock.script(
      { reply: { toolCalls: [{ name: 'test__crash', arguments: {} }] } },
      { reply: { content: 'sorry' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'crash' }, 1);
    const batch = await h.events.waiting(new Set());
    h.mcp.approvals.decide(batch.id, [{ toolCallId: batch.calls[0]?.toolCallId ?? '', action: 'once' }]);
    await h.service.whenSettled(sent.streamId);
    // Not the call timeout's words: the lost connection is told as soon as the server is gone.
    expect(toolText(h)[0]).toMatch(/^The tool failed: The connection to the server was lost during the call/);
    expect((await h.mcp.service.get(server.id)).status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/^The server at 127\.0\.0\.1:\d+ no longer answers/),
    });
    expect(h.repo.activePath(h.threadId).at(-1)?.content).toBe('sorry');
  });
});
