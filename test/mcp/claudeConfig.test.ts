import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServer, McpServerInput } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { createMcp } from '../../main/mcp';
import { claudeConfigText, parseClaudeConfig } from '../../main/mcp/claudeConfig';
import type { ServerRow } from '../../main/mcp/repo';
import { looksSecret } from '../../main/mcp/serverConfig';
import type { McpKit } from './support';
import { MemorySecrets, WaitingSink } from './support';

let kits: McpKit[] = [];
afterEach(async () => {
  await Promise.all(kits.map((k) => k.shutdown()));
  kits = [];
});

function kit() {
  const { db } = openDatabase(':memory:', migrations);
  const secrets = new MemorySecrets();
  const k = createMcp({ db, secrets, events: new WaitingSink(), libraryNames: () => [], now: Date.now });
  kits.push(k);
  return { k, secrets };
}

const ctx = { senderId: 1 };
const byName = (list: McpServer[]) => new Map(list.map((s) => [s.name, s]));

describe('a remote server’s OAuth setting in the Claude Desktop JSON', () => {
  it('survives export and import: address, OAuth, scopes, client id, headers; secret values stay behind', async () => {
    const from = kit();
    const oauth: McpServerInput = {
      name: 'notion',
      transport: 'http',
      url: 'https://mcp.example.com/mcp',
      auth: 'oauth',
      oauthScopes: 'read write',
      oauthClientId: 'desk-client-7',
      headers: [
        { name: 'X-Api-Version', value: '2025-06-18' },
        { name: 'X-Tenant-Key', secret: true, value: 'tenant-secret-9f3' },
      ],
    };
    const plain: McpServerInput = {
      name: 'plain',
      transport: 'http',
      url: 'http://127.0.0.1:9/mcp',
      headers: [{ name: 'X-Trace', value: 'on' }],
    };
    const local: McpServerInput = {
      name: 'files',
      transport: 'stdio',
      command: 'npx',
      args: ['-y', 'srv'],
      env: [{ name: 'MODE', value: 'ro' }],
    };
    for (const input of [oauth, plain, local]) await from.k.service.save(undefined, input);

    const { text } = await from.k.handlers['mcp:export']({}, ctx);
    expect(text).not.toContain('tenant-secret-9f3');
    // Claude Desktop runs remote OAuth servers through mcp-remote, a stdio bridge that signs in.
    const entry = (JSON.parse(text) as { mcpServers: Record<string, { command?: string; args?: string[] }> })
      .mcpServers.notion;
    expect(entry?.command).toBe('npx');
    expect(entry?.args?.slice(0, 3)).toEqual(['-y', 'mcp-remote', 'https://mcp.example.com/mcp']);

    const to = kit();
    const added = byName(await to.k.handlers['mcp:import']({ text }, ctx));
    expect(added.get('notion')).toMatchObject({
      transport: 'http',
      command: '',
      url: 'https://mcp.example.com/mcp',
      auth: 'oauth',
      oauthScopes: 'read write',
      oauthClientId: 'desk-client-7',
      signIn: 'needed',
      consented: false,
      headers: [
        { name: 'X-Api-Version', secret: false, value: '2025-06-18', stored: true },
        // The secret comes over by name only: the user types it again; nothing empty is stored.
        { name: 'X-Tenant-Key', secret: true, value: null, stored: false },
      ],
    });
    expect(added.get('plain')).toMatchObject({
      transport: 'http',
      auth: 'none',
      url: 'http://127.0.0.1:9/mcp',
      headers: [{ name: 'X-Trace', value: 'on' }],
    });
    expect(added.get('files')).toMatchObject({ transport: 'stdio', command: 'npx', args: ['-y', 'srv'] });
    expect([...to.secrets.values.values()]).not.toContain('');
  });

  it('reads what others write: mcp-remote with scopes, a client id and a header from env; the url form with an oauth object', () => {
    const [bridged, bearer, declared, none] = parseClaudeConfig(
      JSON.stringify({
        mcpServers: {
          linear: {
            command: 'npx',
            args: [
              'mcp-remote@latest',
              'https://mcp.linear.app/sse',
              '9696',
              '--transport',
              'sse-only',
              '--static-oauth-client-metadata',
              '{ "scope": "issues:read" }',
              '--static-oauth-client-info',
              '{ "client_id": "lin-1" }',
              '--header',
              'X-Team:${TEAM}',
            ],
            env: { TEAM: 'core' },
          },
          bearer: {
            command: 'npx',
            args: [
              '-y',
              'mcp-remote',
              'https://api.example.com/mcp',
              '--header',
              'Authorization:${AUTH_HEADER}',
            ],
            env: { AUTH_HEADER: 'Bearer abc123' },
          },
          declared: {
            type: 'http',
            url: 'https://mcp.example.org/mcp',
            oauth: { clientId: 'cc-2', scopes: 'a b', callbackPort: 8080 },
          },
          none: { type: 'http', url: 'https://open.example.org/mcp' },
        },
      }),
    );
    expect(bridged).toMatchObject({
      name: 'linear',
      transport: 'http',
      url: 'https://mcp.linear.app/sse',
      auth: 'oauth',
      oauthScopes: 'issues:read',
      oauthClientId: 'lin-1',
      headers: [{ name: 'X-Team', value: 'core', secret: false }],
    });
    // A bearer header is how that server is reached: no sign-in, and the header is a secret.
    expect(bearer).toMatchObject({
      transport: 'http',
      auth: 'none',
      headers: [{ name: 'Authorization', value: 'Bearer abc123', secret: true }],
    });
    expect(declared).toMatchObject({ auth: 'oauth', oauthScopes: 'a b', oauthClientId: 'cc-2' });
    expect(none).toMatchObject({ auth: 'none', url: 'https://open.example.org/mcp' });
  });

  it('says which entry is wrong when an mcp-remote entry has no address or unreadable OAuth JSON', () => {
    const parse = (args: string[]) =>
      parseClaudeConfig(JSON.stringify({ mcpServers: { r: { command: 'npx', args } } }));
    expect(() => parse(['mcp-remote'])).toThrow(/"r".*mcp-remote.*address/);
    expect(() =>
      parse(['mcp-remote', 'https://x.example/mcp', '--static-oauth-client-info', '{oops']),
    ).toThrow(/"r".*--static-oauth-client-info/);
  });

  it('export then import keeps every remote server as it was (property)', () => {
    const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,11}$/);
    const row = fc.record({
      auth: fc.constantFrom<'none' | 'oauth'>('none', 'oauth'),
      url: fc.webUrl(),
      oauthScopes: fc.array(fc.stringMatching(/^[a-z:.]{1,8}$/), { maxLength: 3 }).map((s) => s.join(' ')),
      oauthClientId: fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/), { nil: null }),
      headers: fc.uniqueArray(
        fc.record({
          name: headerName,
          secret: fc.boolean(),
          // A value that is only `${VAR}` reads as a reference to a secret, by design.
          value: fc.string({ maxLength: 20 }).filter((v) => !/^\$\{\w+\}$/.test(v)),
        }),
        { selector: (h) => h.name.toLowerCase(), maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(row, (r) => {
        const server: ServerRow = {
          id: 's1',
          name: 'remote',
          transport: 'http',
          command: '',
          args: [],
          cwd: null,
          env: [],
          url: r.url,
          headers: r.headers.map((h) => ({
            name: h.name,
            secret: h.secret,
            value: h.secret ? null : h.value,
          })),
          handshakeTimeoutMs: 15_000,
          callTimeoutMs: 60_000,
          auth: r.auth,
          oauthScopes: r.auth === 'oauth' ? r.oauthScopes : '',
          oauthClientId: r.auth === 'oauth' ? r.oauthClientId : null,
          createdAt: 0,
          updatedAt: 0,
        };
        const [back] = parseClaudeConfig(claudeConfigText([server]));
        expect(back).toMatchObject({
          transport: 'http',
          url: server.url,
          auth: server.auth,
          oauthScopes: server.oauthScopes,
          oauthClientId: server.oauthClientId,
        });
        expect(back?.headers?.map((h) => h.name)).toEqual(server.headers.map((h) => h.name));
        for (const [i, h] of server.headers.entries()) {
          const got = back?.headers?.[i];
          // A secret stays one (without its value); a plain value comes back, kept secret if its name
          // says so (an empty secret is not stored: the server's settings ask for it).
          if (h.secret) expect(got).toMatchObject({ secret: true, value: undefined });
          else
            expect(got).toMatchObject({
              secret: looksSecret(h.name),
              value: looksSecret(h.name) && h.value === '' ? undefined : h.value,
            });
        }
      }),
    );
  });
});
