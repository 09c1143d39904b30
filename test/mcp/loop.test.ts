import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { McpBatch, McpServerInput } from '../../main/contract';
import type { McpHarness } from './support';
import {
  addAgainBlocked,
  addApprovedAlways,
  sendApprovingOnce,
  startHttpServer,
  stdioServer,
  toolText,
  useMcpChat,
} from './support';

const chat = useMcpChat();
let http: { url: string; close: () => void };
beforeAll(async () => {
  http = await startHttpServer();
});
afterAll(() => http.close());

const transports: [string, () => McpServerInput][] = [
  ['stdio', () => stdioServer()],
  [
    'streamable HTTP',
    () => ({
      name: 'test',
      transport: 'http',
      url: http.url,
      handshakeTimeoutMs: 10_000,
      callTimeoutMs: 10_000,
    }),
  ],
];

const roles = (h: McpHarness) => h.repo.activePath(h.threadId).map((m) => m.role);

describe.each(transports)('MCP over %s', (_label, input) => {
  it('runs a call after the user allows it, sends the result back and the model goes on', async () => {
    const { h, server } = await chat.attached(input());
    expect(server.status.state).toBe('running');
    chat.mock.script(
      { reply: { toolCalls: [{ name: 'test__echo', arguments: { text: 'hello' } }] } },
      { reply: { content: 'done' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'echo hello' }, 1);
    const batch = await h.events.waiting(new Set());
    expect(batch.calls.map((c) => [c.serverName, c.tool, c.decision])).toEqual([['test', 'echo', 'ask']]);
    const body = JSON.parse(chat.mock.requests[0]?.bodyText ?? '{}') as {
      tools: { function: { name: string } }[];
    };
    expect(body.tools.map((t) => t.function.name)).toContain('test__echo');
    h.mcp.approvals.decide(batch.id, [{ toolCallId: batch.calls[0]?.toolCallId ?? '', action: 'once' }]);
    await h.service.whenSettled(sent.streamId);
    expect(roles(h)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(toolText(h)).toEqual(['hello']);
    // The window's card ends on the batch's last word: done, each call with its outcome.
    const last = h.events.sent.filter((e) => e.event === 'mcp:approval').at(-1)?.payload as
      McpBatch | undefined;
    expect(last?.state).toBe('done');
    expect(last?.calls.map((c) => c.outcome)).toEqual(['done']);
    expect(h.repo.activePath(h.threadId).at(-1)?.content).toBe('done');
    const [run] = h.mcp.handlers['mcp:runs']({ limit: 5 }, { senderId: 1 }) as Awaited<
      ReturnType<McpHarness['mcp']['handlers']['mcp:runs']>
    >;
    expect(run).toMatchObject({ serverName: 'test', tool: 'echo', status: 'ok' });
    expect(run?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends "denied by the user" to the model when the user denies the call', async () => {
    const { h } = await chat.attached(input());
    chat.mock.script(
      { reply: { toolCalls: [{ name: 'test__echo', arguments: { text: 'x' } }] } },
      { reply: { content: 'ok then' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'go' }, 1);
    const batch = await h.events.waiting(new Set());
    h.mcp.approvals.decide(batch.id, [{ toolCallId: batch.calls[0]?.toolCallId ?? '', action: 'deny' }]);
    await h.service.whenSettled(sent.streamId);
    expect(toolText(h)).toEqual(['The call was denied by the user.']);
    expect(roles(h)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('approves parallel calls together, with edited arguments checked against the schema', async () => {
    const { h } = await chat.attached(input());
    chat.mock.script(
      {
        reply: {
          toolCalls: [
            { name: 'test__echo', arguments: { text: 'first' } },
            { name: 'test__add', arguments: { a: 1, b: 2 } },
          ],
        },
      },
      { reply: { content: 'both' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'two' }, 1);
    const batch = await h.events.waiting(new Set());
    const [echo, add] = batch.calls;
    expect(() =>
      h.mcp.approvals.decide(batch.id, [
        { toolCallId: echo?.toolCallId ?? '', action: 'once', argumentsText: '{"text": 5}' },
        { toolCallId: add?.toolCallId ?? '', action: 'once' },
      ]),
    ).toThrow(/echo: \$\.text expected string/);
    h.mcp.approvals.decide(batch.id, [
      { toolCallId: echo?.toolCallId ?? '', action: 'once', argumentsText: '{"text": "edited"}' },
      { toolCallId: add?.toolCallId ?? '', action: 'always' },
    ]);
    await h.service.whenSettled(sent.streamId);
    expect(toolText(h)).toEqual(['edited', '3']);
    expect(h.mcp.service.tools().find((t) => t.name === 'add')?.policy).toBe('allow');
  });

  it('times out a call that takes too long and tells the model', async () => {
    const { h, server } = await chat.attached({ ...input(), callTimeoutMs: 600 });
    expect(server.callTimeoutMs).toBe(600);
    chat.mock.script(
      { reply: { toolCalls: [{ name: 'test__sleep', arguments: { ms: 30_000 } }] } },
      { reply: { content: 'fine' } },
    );
    await sendApprovingOnce(h, 'sleep');
    expect(toolText(h)[0]).toMatch(/did not answer within 1 s/);
    const [run] = h.mcp.runs.recent(undefined, 1);
    expect(run?.status).toBe('timeout');
  });
});

describe('MCP over stdio only', () => {
  it('blocks a tool whose definition changed since it was approved, with the diff, until re-approved', async () => {
    const { h, server } = await chat.attached(stdioServer());
    const seen = await addApprovedAlways(chat, h);
    // The next session of the test server rewrites the tool's description and schema.
    await h.mcp.service.restart(server.id);
    const tool = h.mcp.service.tools().find((t) => t.name === 'add');
    expect(tool).toMatchObject({ policy: 'allow', pinned: true, changed: true });
    expect(tool?.flags.map((f) => f.kind)).toContain('instruction_like');
    const call = await addAgainBlocked(h, seen);
    expect(
      call?.diff?.lines
        .filter((l) => l.kind === 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toMatch(/id_rsa/);
  });

  it('reports a server that exits in the middle of a call, and the model gets a failure', async () => {
    const { h, server } = await chat.attached(stdioServer());
    chat.mock.script(
      { reply: { toolCalls: [{ name: 'test__crash', arguments: {} }] } },
      { reply: { content: 'sorry' } },
    );
    await sendApprovingOnce(h, 'crash');
    expect(toolText(h)[0]).toMatch(/The tool failed: The server stopped during the call/);
    const status = (await h.mcp.service.get(server.id)).status;
    expect(status.state).toBe('error');
    expect(status.message).toMatch(
      /stopped unexpectedly \(exit code 3\)\. Its last line on stderr: crashing on purpose/,
    );
    expect(h.repo.activePath(h.threadId).at(-1)?.content).toBe('sorry');
  });

  it('Stop while a call waits for approval leaves the call for the user and runs nothing', async () => {
    const { h } = await chat.attached(stdioServer());
    chat.mock.script({ reply: { toolCalls: [{ name: 'test__echo', arguments: { text: 'x' } }] } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'go' }, 1);
    const batch = await h.events.waiting(new Set());
    expect(h.mcp.approvals.cancel(batch.id)).toEqual({ cancelled: true });
    await h.service.whenSettled(sent.streamId);
    expect(roles(h)).toEqual(['user', 'assistant']);
    expect(h.mcp.runs.recent(undefined, 5)).toEqual([]);
  });

  it('stops running calls on its own at the round cap the user set', async () => {
    const { h, server } = await chat.attached(stdioServer(), { maxToolRounds: 1 });
    h.mcp.handlers['mcp:setPolicy']({ serverId: server.id, name: 'echo', policy: 'allow' }, { senderId: 1 });
    const call = { name: 'test__echo', arguments: { text: 'again' } };
    chat.mock.script(
      { reply: { toolCalls: [call] } },
      { reply: { toolCalls: [call] } },
      { reply: { toolCalls: [call] } },
    );
    // Allowed but never approved: the first call still asks (the pin is made at the first approval).
    await sendApprovingOnce(h, 'loop');
    expect(roles(h)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(chat.mock.pendingSteps()).toBe(1);
  });
});
