import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addAgainBlocked,
  addApprovedAlways,
  sendApprovingOnce,
  startHttpServer,
  toolText,
  useMcpChat,
} from './support';

/**
 * The integration cases that loop.test.ts runs over stdio only, over streamable HTTP: a
 * definition changed between sessions, and a server that exits in the middle of a call.
 */
const chat = useMcpChat();

async function setup(env: Record<string, string> = {}) {
  const remote = await startHttpServer([], env);
  chat.closeAfter(remote);
  return chat.attached({
    name: 'test',
    transport: 'http',
    url: remote.url,
    handshakeTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
  });
}

describe('MCP over streamable HTTP, when the server misbehaves', () => {
  it('blocks a tool whose definition changed in a new session, with the diff, until re-approved', async () => {
    const { h, server } = await setup({ SHIFT_FILE: join(mkdtempSync(join(tmpdir(), 'mcp-shift-')), 'n') });
    const seen = await addApprovedAlways(chat, h);
    // A restart is a new HTTP session, in which the test server rewrites the tool.
    await h.mcp.service.restart(server.id);
    expect(h.mcp.service.tools().find((t) => t.name === 'add')).toMatchObject({
      pinned: true,
      changed: true,
    });
    await addAgainBlocked(h, seen);
  });

  it('reports a server that exits in the middle of a call, and the model gets a failure', async () => {
    const { h, server } = await setup();
    chat.mock.script(
      { reply: { toolCalls: [{ name: 'test__crash', arguments: {} }] } },
      { reply: { content: 'sorry' } },
    );
    await sendApprovingOnce(h, 'crash');
    // Not the call timeout's words: the lost connection is told as soon as the server is gone.
    expect(toolText(h)[0]).toMatch(/^The tool failed: The connection to the server was lost during the call/);
    expect((await h.mcp.service.get(server.id)).status).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/^The server at 127\.0\.0\.1:\d+ no longer answers/),
    });
    expect(h.repo.activePath(h.threadId).at(-1)?.content).toBe('sorry');
  });
});
