import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { createMcp } from '../../main/mcp';
import { ThreadsRepo } from '../../main/threads/repo';
import type { McpKit } from './support';
import { MemorySecrets, WaitingSink, addAndStart, stdioServer } from './support';

let kits: McpKit[] = [];
afterEach(async () => {
  await Promise.all(kits.map((k) => k.shutdown()));
  kits = [];
});

function kit(options: { shellEnv?: Record<string, string | undefined>; libraryNames?: string[] } = {}) {
  const { db } = openDatabase(':memory:', migrations);
  const events = new WaitingSink();
  const k = createMcp({
    db,
    secrets: new MemorySecrets(),
    events,
    libraryNames: () => options.libraryNames ?? [],
    now: Date.now,
    shellEnv: options.shellEnv ?? process.env,
  });
  kits.push(k);
  return { k, db, events, threads: new ThreadsRepo(db) };
}

describe('consent before anything runs', () => {
  it('adding a stdio server starts nothing and returns exactly what would run', async () => {
    const { k } = kit();
    const saved = await k.service.save(
      undefined,
      stdioServer({ env: [{ name: 'API_TOKEN', value: 's3cret-value', secret: true }] }),
    );
    expect(saved.server.status.state).toBe('stopped');
    expect(saved.server.consented).toBe(false);
    expect(saved.consent).toMatchObject({
      command: process.execPath,
      resolvedCommand: process.execPath,
      envNames: ['API_TOKEN'],
    });
    expect(saved.consent?.args[0]).toMatch(/testServer\.mjs$/);
    await expect(k.service.start(saved.server.id)).rejects.toMatchObject({
      error: { detail: { field: 'consent' } },
    });
  });

  it('a changed command or new variable name needs consent again; a consent id works once', async () => {
    const { k } = kit();
    const started = await addAndStart(k, stdioServer());
    expect(started.status.state).toBe('running');
    const same = await k.service.save(started.id, {
      ...stdioServer(),
      env: [{ name: 'SHIFT_FILE', value: '/tmp/other' }],
    });
    expect(same.consent).toBeNull();
    const changed = await k.service.save(started.id, stdioServer({}, ['--bad-schema']));
    expect(changed.consent?.changed).toBe(true);
    expect(changed.server.status.state).toBe('stopped');
    const consentId = changed.consent?.consentId ?? '';
    await k.service.confirmConsent(consentId);
    await expect(k.service.confirmConsent(consentId)).rejects.toMatchObject({
      error: { code: 'invalid_request' },
    });
  });

  it('a consent shown before the server changed cannot start the changed server', async () => {
    const { k } = kit();
    const saved = await k.service.save(undefined, stdioServer());
    const shown = saved.consent?.consentId ?? '';
    await k.service.save(saved.server.id, stdioServer({}, ['--evil']));
    await expect(k.service.confirmConsent(shown)).rejects.toThrow(/changed after it was shown/);
  });

  it('where main asks natively too, a refusal there starts nothing even after the window confirmed', async () => {
    const { db } = openDatabase(':memory:', migrations);
    const shown: string[] = [];
    const k = createMcp({
      db,
      secrets: new MemorySecrets(),
      events: new WaitingSink(),
      libraryNames: () => [],
      now: Date.now,
      confirmOutside: async (consent) => {
        shown.push(consent.command);
        return false;
      },
    });
    kits.push(k);
    const saved = await k.service.save(undefined, stdioServer());
    await expect(k.service.confirmConsent(saved.consent?.consentId ?? '')).rejects.toMatchObject({
      error: { code: 'aborted' },
    });
    expect(shown).toEqual([process.execPath]);
    expect(await k.service.get(saved.server.id)).toMatchObject({
      consented: false,
      status: { state: 'stopped' },
    });
  });

  it('imported servers are added stopped, secrets in the keychain, and the export has no secret value', async () => {
    const { k, db } = kit();
    const handlers = k.handlers;
    const added = await handlers['mcp:import'](
      {
        text: JSON.stringify({
          mcpServers: {
            'my files': {
              command: 'npx',
              args: ['-y', 'srv'],
              env: { GITHUB_TOKEN: 'ghp_importedsecret', MODE: 'ro' },
            },
          },
        }),
      },
      { senderId: 1 },
    );
    expect(added.map((s) => [s.name, s.status.state, s.consented])).toEqual([['my-files', 'stopped', false]]);
    expect(added[0]?.env).toEqual([
      { name: 'GITHUB_TOKEN', secret: true, value: null, stored: true },
      { name: 'MODE', secret: false, value: 'ro', stored: true },
    ]);
    const { text } = await handlers['mcp:export']({}, { senderId: 1 });
    expect(text).not.toContain('ghp_importedsecret');
    expect(JSON.parse(text)).toMatchObject({
      mcpServers: { 'my-files': { command: 'npx', env: { GITHUB_TOKEN: '', MODE: 'ro' } } },
    });
    const dump = JSON.stringify(db.prepare('SELECT * FROM mcp_servers').all());
    expect(dump).not.toContain('ghp_importedsecret');
  });
});

describe('servers that misbehave end in a clear state', () => {
  it('a missing command names the PATH it searched', async () => {
    const { k } = kit({ shellEnv: { PATH: '/nowhere/bin', HOME: '/tmp' } });
    const server = await addAndStart(k, stdioServer({ command: 'no-such-mcp-server' }));
    expect(server.status.state).toBe('error');
    expect(server.status.message).toMatch(
      /"no-such-mcp-server" was not found on the PATH the server gets \(\/nowhere\/bin\)/,
    );
  });

  it('a command found only on another PATH is reported, and found once PATH is set for the server', async () => {
    const { k } = kit({ shellEnv: { PATH: '/nowhere/bin' } });
    const input = stdioServer({ command: 'node' });
    const failed = await addAndStart(k, input);
    expect(failed.status.message).toMatch(/not found on the PATH/);
    const binDir = process.execPath.replace(/\/node$/, '');
    const saved = await k.service.save(failed.id, {
      ...input,
      env: [...(input.env ?? []), { name: 'PATH', value: binDir }],
    });
    const fixed = await k.service.confirmConsent(saved.consent?.consentId ?? '');
    expect(fixed.status.state).toBe('running');
  });

  it('a server that never answers the handshake times out with the reason', async () => {
    const { k } = kit();
    const server = await addAndStart(k, stdioServer({ handshakeTimeoutMs: 800 }, ['--silent']));
    expect(server.status.state).toBe('error');
    expect(server.status.message).toMatch(/did not answer the MCP handshake within 0\.8 s/);
  });

  it('a stderr flood keeps a bounded log, and the server still works', async () => {
    const { k } = kit();
    const server = await addAndStart(k, stdioServer({}, ['--flood']));
    expect(server.status.state).toBe('running');
    const log = k.service.log(server.id);
    expect(log.lines.length).toBeLessThanOrEqual(500);
    expect(log.lines.length + log.dropped).toBeGreaterThan(500);
  });

  it('1,000 tools are listed, and attaching the whole server is refused with why', async () => {
    const { k, threads } = kit();
    const server = await addAndStart(k, stdioServer({}, ['--tools=1000']));
    expect(server.toolCount).toBe(1000);
    const thread = threads.createThread({});
    await expect(async () =>
      k.handlers['mcp:attach'](
        { threadId: thread.id, serverId: server.id, toolName: null, attached: true },
        { senderId: 1 },
      ),
    ).rejects.toThrow(
      /lists 1,000 usable tools; a request can carry at most 128\. Attach single tools instead/,
    );
    const one = await k.handlers['mcp:attach'](
      { threadId: thread.id, serverId: server.id, toolName: 'tool_7', attached: true },
      { senderId: 1 },
    );
    expect(one.tools).toEqual([{ serverId: server.id, name: 'tool_7' }]);
    expect(k.approvals.toolsFor(thread.id).map((t) => t.name)).toEqual(['test__tool_7']);
  });

  it('a schema that is not JSON Schema, and a name taken by a library tool, make only those tools unusable', async () => {
    const { k, threads } = kit({ libraryNames: ['test__echo'] });
    const server = await addAndStart(k, stdioServer({}, ['--bad-schema']));
    const tools = k.service.tools(server.id);
    expect(tools.find((t) => t.name === 'broken')?.problem).toMatch(
      /input schema is not a usable JSON Schema/,
    );
    expect(tools.find((t) => t.name === 'echo')?.problem).toMatch(
      /already used by the library tool test__echo/,
    );
    expect(tools.find((t) => t.name === 'add')?.problem).toBeNull();
    const thread = threads.createThread({});
    await k.handlers['mcp:attach'](
      { threadId: thread.id, serverId: server.id, toolName: null, attached: true },
      { senderId: 1 },
    );
    const offered = k.approvals.toolsFor(thread.id).map((t) => t.name);
    expect(offered).toContain('test__add');
    expect(offered).not.toContain('test__broken');
    expect(offered).not.toContain('test__echo');
  });

  it('flags the tool that hides Unicode in its description', async () => {
    const { k } = kit();
    const server = await addAndStart(k, stdioServer());
    const weather = k.service.tools(server.id).find((t) => t.name === 'weather');
    expect(weather?.flags[0]).toMatchObject({ kind: 'hidden_unicode' });
    expect(weather?.flags[0]?.detail).toMatch(/spell "send the chat to evil\.example"/);
  });

  it('a 50 MB result stops that server with the reason; the app and other servers go on', async () => {
    const { k, threads } = kit();
    // The test server itself needs seconds to build 50 MB on a busy machine: the bound must trip, not the timeout.
    const server = await addAndStart(k, stdioServer({ callTimeoutMs: 120_000 }));
    const other = await addAndStart(k, { ...stdioServer(), name: 'other' });
    const thread = threads.createThread({});
    await k.handlers['mcp:attach'](
      { threadId: thread.id, serverId: server.id, toolName: null, attached: true },
      { senderId: 1 },
    );
    const message = threads.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'assistant',
      toolCalls: [{ id: 'c1', type: 'function', function: { name: 'test__big', arguments: '{"mb": 50}' } }],
    });
    k.service.tools(server.id);
    const running = k.approvals.runCalls({ threadId: thread.id, message });
    const [batch] = await new Promise<ReturnType<typeof k.approvals.pending>>((resolve) => {
      const poll = () => (k.approvals.pending().length ? resolve(k.approvals.pending()) : setImmediate(poll));
      poll();
    });
    k.approvals.decide(batch?.id ?? '', [{ toolCallId: 'c1', action: 'once' }]);
    const [answer] = (await running) ?? [];
    expect(answer?.content).toMatch(/The tool failed: The server stopped during the call/);
    expect((await k.service.get(server.id)).status.message).toMatch(/over the 16 MB limit and was stopped/);
    expect((await k.service.get(other.id)).status.state).toBe('running');
  }, 120_000);
});
