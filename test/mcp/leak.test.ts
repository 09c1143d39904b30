import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { openTestKeychain } from '../secrets/keychain';
import { mcpHarness, stdioServer } from './support';

const keychain = await openTestKeychain('mcp-leak');
let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
  await keychain?.cleanup();
});

const SECRET = 'mcp-secret-Zq8v3LkP0wXy';

describe.skipIf(!keychain)('a secret env value never leaves the keychain', () => {
  it('appears in no log, IPC message, database file or export, yet the server gets it', async () => {
    if (!keychain) return;
    const dir = mkdtempSync(join(tmpdir(), 'mcp-leak-'));
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
      );
    const h = mcpHarness({
      mock,
      secrets: keychain.store,
      file: join(dir, 'llm-desk.sqlite'),
      settings: { maxToolRounds: 2 },
    });
    const call = (channel: keyof typeof h.mcp.handlers, input: unknown) =>
      (h.mcp.handlers[channel] as (i: unknown, c: { senderId: number }) => unknown)(input, { senderId: 1 });
    const outputs: unknown[] = [];
    const saved = await h.mcp.service.save(
      undefined,
      stdioServer({
        env: [
          { name: 'API_TOKEN', value: SECRET, secret: true },
          { name: 'LEAK_TO_STDERR', value: '1' },
        ],
      }),
    );
    outputs.push(saved);
    outputs.push(await h.mcp.service.confirmConsent(saved.consent?.consentId ?? ''));
    outputs.push(
      call('mcp:attach', { threadId: h.threadId, serverId: saved.server.id, toolName: null, attached: true }),
    );
    mock.script(
      { reply: { toolCalls: [{ name: 'test__env_names', arguments: {} }] } },
      { reply: { content: 'ok' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'which variables?' }, 1);
    const batch = await h.events.waiting(new Set());
    outputs.push(
      h.mcp.approvals.decide(batch.id, [{ toolCallId: batch.calls[0]?.toolCallId ?? '', action: 'once' }]),
    );
    await h.service.whenSettled(sent.streamId);
    // The server did get it (it printed it to stderr, and lists its name)…
    expect(h.repo.activePath(h.threadId).find((m) => m.role === 'tool')?.content).toMatch(
      /(^|,)API_TOKEN(,|$)/,
    );
    const log = call('mcp:log', { id: saved.server.id }) as { lines: string[] };
    expect(log.lines).toContain('starting with API_TOKEN=••••');
    for (const channel of ['mcp:list', 'mcp:tools', 'mcp:export', 'mcp:runs', 'mcp:pending'] as const)
      outputs.push(await call(channel, { limit: 50 }));
    outputs.push(await call('mcp:requestConsent', { id: saved.server.id }));
    // The Usage screen's tool runs and their exports (which carry no arguments or results at all).
    const range = { from: 0, to: Date.now() + 60_000 };
    outputs.push(await call('mcp:runLedger', { ...range, offset: 0, limit: 100 }));
    for (const format of ['csv', 'json'] as const)
      outputs.push(await call('mcp:exportRuns', { ...range, format }));
    outputs.push(await call('mcp:result', { toolCallId: batch.calls[0]?.toolCallId ?? '', full: true }));
    outputs.push(log);
    await h.mcp.shutdown();
    h.db.close();
    // …and it is in the keychain, and nowhere else.
    expect((await keychain.entries()).map((e) => e.password)).toContain(SECRET);
    expect(JSON.stringify(outputs)).not.toContain(SECRET);
    expect(JSON.stringify(h.events.sent)).not.toContain(SECRET);
    expect(JSON.stringify(h.sink.pushed)).not.toContain(SECRET);
    expect(printed.join('\n')).not.toContain(SECRET);
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file)).includes(SECRET), file).toBe(false);
    vi.restoreAllMocks();
  });
});
