import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { createMcp } from '../../main/mcp';
import { oauthAccount } from '../../main/mcp/oauth';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { startOAuthGate } from './oauthGate';
import type { McpKit } from './support';
import { MemorySecrets, WaitingSink, startHttpServer } from './support';

/**
 * MCP's OAuth for a remote server, end to end: the mock provider's OAuth server (discovery,
 * dynamic registration, PKCE, refresh, revocation) fronting the test MCP server over streamable
 * HTTP. The "browser" follows the authorization redirect to the app's loopback listener.
 */
let mock: MockProvider;
let mcpHttp: { url: string; close: () => void };
let gate: Awaited<ReturnType<typeof startOAuthGate>>;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
  mcpHttp = await startHttpServer();
  gate = await startOAuthGate({ mcpUrl: mcpHttp.url, issuer: mock.url });
  mock.configureOAuth({ resource: gate.url });
});
afterAll(async () => {
  await gate.close();
  mcpHttp.close();
  await mock.close();
});
let kits: McpKit[] = [];
afterEach(async () => {
  await Promise.all(kits.map((k) => k.shutdown()));
  kits = [];
});

const browser = async (url: string) => {
  const page = await fetch(url);
  await page.text();
};

function kit(openExternal: (url: string) => Promise<void> = browser) {
  const { db } = openDatabase(':memory:', migrations);
  const secrets = new MemorySecrets();
  const events = new WaitingSink();
  const k = createMcp({ db, secrets, events, libraryNames: () => [], now: Date.now, openExternal });
  kits.push(k);
  return { k, db, secrets, events };
}

async function addOAuthServer(k: McpKit) {
  const saved = await k.service.save(undefined, {
    name: 'remote',
    transport: 'http',
    url: gate.url,
    auth: 'oauth',
    handshakeTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
  });
  if (!saved.consent) throw new Error('expected a consent');
  return { id: saved.server.id, started: await k.service.confirmConsent(saved.consent.consentId) };
}

const echo = async (k: McpKit, id: string, text: string) => {
  const connection = await k.service.connection(id);
  const result = await connection.callTool(
    'echo',
    { text },
    { timeoutMs: 10_000, signal: new AbortController().signal },
  );
  return (result.content?.[0] as { text?: string } | undefined)?.text;
};

const tokensOf = async (secrets: MemorySecrets, id: string) =>
  JSON.parse((await secrets.get(oauthAccount(id, 'tokens'))) ?? '{}') as {
    access_token?: string;
    refresh_token?: string;
  };

function dumpDb(db: DatabaseSync): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
}

const revoke = (token: string) =>
  fetch(`${mock.url}/api/v1/auth/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });

describe('OAuth for remote MCP servers', () => {
  it('asks for a sign-in before starting, signs in through the browser, lists tools and runs one', async () => {
    const { k, db, secrets } = kit();
    const { id, started } = await addOAuthServer(k);
    expect(started.status).toMatchObject({ state: 'error' });
    expect(started.status.message).toMatch(/^Not signed in to 127\.0\.0\.1:\d+\. Sign in/);
    expect(started.signIn).toBe('needed');
    const signedIn = await k.service.signIn(id);
    expect(signedIn).toMatchObject({ signIn: 'signed-in', status: { state: 'running' } });
    expect(k.service.tools(id).map((t) => t.name)).toContain('echo');
    expect(await echo(k, id, 'through the gate')).toBe('through the gate');
    // Tokens and the registered client live in the keychain only.
    const tokens = await tokensOf(secrets, id);
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    const dump = dumpDb(db);
    expect(dump).not.toContain(tokens.access_token ?? '?');
    expect(dump).not.toContain(tokens.refresh_token ?? '?');
  });

  it('refreshes a revoked access token by itself after the 401, and the call goes through', async () => {
    const { k, secrets } = kit();
    const { id } = await addOAuthServer(k);
    await k.service.signIn(id);
    const before = await tokensOf(secrets, id);
    await revoke(before.access_token ?? '');
    const refused = gate.refused;
    expect(await echo(k, id, 'after refresh')).toBe('after refresh');
    expect(gate.refused).toBeGreaterThan(refused);
    const after = await tokensOf(secrets, id);
    expect(after.access_token).not.toBe(before.access_token);
  });

  it('a revoked grant fails the call with a clear message and asks to sign in again; signing in again works', async () => {
    const { k, secrets } = kit();
    const { id } = await addOAuthServer(k);
    await k.service.signIn(id);
    await revoke((await tokensOf(secrets, id)).refresh_token ?? '');
    await expect(echo(k, id, 'x')).rejects.toThrow(/expired or was revoked\. Sign in again/);
    const needed = await k.service.get(id);
    expect(needed.signIn).toBe('needed');
    expect(needed.status).toMatchObject({ state: 'error', message: expect.stringMatching(/Sign in again/) });
    const again = await k.service.signIn(id);
    expect(again).toMatchObject({ signIn: 'signed-in', status: { state: 'running' } });
    expect(await echo(k, id, 'back')).toBe('back');
  });

  it('shows the sign-in address when no browser opens, and a cancelled sign-in saves nothing', async () => {
    const { k, secrets, events } = kit(async () => {
      throw new Error('no browser here');
    });
    const { id } = await addOAuthServer(k);
    const signing = k.service.signIn(id);
    const shown = await events.next('mcp:signInUrl');
    expect(shown.serverId).toBe(id);
    expect(new URL(shown.url).searchParams.get('code_challenge_method')).toBe('S256');
    expect(k.service.cancelSignIn(id)).toEqual({ cancelled: true });
    await expect(signing).rejects.toThrow(/cancelled/);
    expect(await secrets.get(oauthAccount(id, 'tokens'))).toBeNull();
  });
});
