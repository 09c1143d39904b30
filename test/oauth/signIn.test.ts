import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOAuthTokens } from '../../main/providers/credentials';
import type { MockProvider } from '../mock-provider/index';
import { OAUTH_SUBJECT, PREREGISTERED_CLIENT_ID, startMockProvider } from '../mock-provider/index';
import type { Harness } from '../providers/fixture';
import { failureOf, makeHarness, UnreachableSecretStore } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { BrowserOptions, FakeBrowser } from './browser';
import { fakeBrowser } from './browser';
import { closedPort } from '../models/faultServer';

const keychain = await openTestKeychain('oauth');
const TTL_SEC = 300;

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0, accessTokenTtlSec: TTL_SEC });
});
afterAll(async () => {
  await mock.close();
  await keychain?.cleanup();
});

describe.skipIf(!keychain)('OAuth sign-in against the mock provider', () => {
  let h: Harness;
  let browser: FakeBrowser;

  const setup = (options: BrowserOptions = {}, signInTimeoutMs?: number) => {
    if (!keychain) throw new Error('unreachable');
    browser = fakeBrowser(options);
    h = makeHarness({
      secrets: keychain.store,
      openExternal: browser.openExternal,
      ...(signInTimeoutMs ? { signInTimeoutMs } : {}),
    });
  };
  const createOAuthProvider = (oauth: Record<string, string> = { scopes: 'llm-all offline_access' }) =>
    h.providers.create({
      name: 'Confidential',
      preset: 'confidential',
      baseUrl: mock.confidentialBase,
      authKind: 'oauth',
      headers: {},
      oauth: { scopes: '', ...oauth },
    });
  const stored = async (id: string) => {
    const text = await keychain?.store.get(id);
    return text ? parseOAuthTokens(text) : null;
  };
  const paths = () => mock.requests.map((r) => `${r.method} ${r.path}`);
  const grants = () =>
    mock.requests
      .filter((r) => r.path === '/api/v1/auth/token')
      .map((r) => new URLSearchParams(r.bodyText).get('grant_type'));
  const oldRefreshWorks = async (refresh: string) => {
    const response = await fetch(`${mock.confidentialBase}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh }),
    });
    await response.text();
    return response.ok;
  };

  beforeEach(() => mock.reset());
  afterEach(() => h.close());

  it('discovers the endpoints, registers the app, signs in with PKCE and keeps the tokens in the keychain', async () => {
    setup();
    const p = await createOAuthProvider();
    const status = await h.providers.signIn(p.id);
    expect(status).toMatchObject({
      configured: true,
      kind: 'oauth',
      scopes: ['llm-all', 'offline_access'],
      subject: OAUTH_SUBJECT,
      problem: null,
    });

    const visit = browser.visits[0];
    expect(visit?.page).toContain('You can close this tab');
    expect(visit?.authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(visit?.authorizeUrl.searchParams.get('scope')).toBe('llm-all offline_access');
    expect(visit?.redirect.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(paths()).toContain('GET /.well-known/oauth-authorization-server/api/v1');
    expect(paths()).toContain('POST /api/v1/auth/register');

    const saved = h.providers.get(p.id);
    expect(saved.oauth).toMatchObject({
      clientId: expect.stringMatching(/^client_/),
      tokenEndpoint: `${mock.confidentialBase}/auth/token`,
      revocationEndpoint: `${mock.confidentialBase}/auth/revoke`,
      scopes: 'llm-all offline_access',
    });
    const tokens = await stored(p.id);
    expect(tokens).toMatchObject({ refresh: expect.stringMatching(/^rt_/), expiresAt: expect.any(Number) });
    expect(await h.providers.requestAuth(p.id)).toEqual({ Authorization: `Bearer ${tokens?.access}` });
    expect(JSON.stringify(saved)).not.toContain(tokens?.access);

    // The listener accepted its one redirect and is gone.
    await expect(fetch(visit?.redirect ?? '')).rejects.toThrow();
  });

  it('uses hand-typed endpoints and a known client id without discovery or registration', async () => {
    setup();
    const p = await createOAuthProvider({
      scopes: 'llm-confidential',
      authorizationEndpoint: `${mock.confidentialBase}/auth/authorize`,
      tokenEndpoint: `${mock.confidentialBase}/auth/token`,
      clientId: PREREGISTERED_CLIENT_ID,
    });
    expect((await h.providers.signIn(p.id)).scopes).toEqual(['llm-confidential']);
    expect(paths().some((x) => x.includes('well-known') || x.includes('register'))).toBe(false);
    expect(browser.visits[0]?.authorizeUrl.searchParams.get('client_id')).toBe(PREREGISTERED_CLIENT_ID);
  });

  it('refuses a redirect with the wrong state and completes with the right one', async () => {
    setup({ tamperedStateFirst: 'forged-state' });
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    expect(browser.visits.map((v) => v.status)).toEqual([400, 200]);
    expect(browser.visits[0]?.page).toContain('not the one LLM Desk started');
    expect(grants()).toEqual(['authorization_code']);
  });

  it('fails the sign-in (on its timeout) when only a wrong-state redirect arrives, storing nothing', async () => {
    setup({ tamperedStateFirst: 'forged-state', onlyTampered: true }, 300);
    const p = await createOAuthProvider();
    const error = await failureOf(h.providers.signIn(p.id));
    expect(error.code).toBe('timeout');
    expect(grants()).toEqual([]);
    expect(await keychain?.store.get(p.id)).toBeNull();
    expect((await h.providers.credentialStatus(p.id)).configured).toBe(false);
  });

  it('stops a sign-in waiting for the browser when cancelled, storing nothing', async () => {
    setup({ tamperedStateFirst: 'forged-state', onlyTampered: true }, 60_000);
    const p = await createOAuthProvider();
    expect(h.providers.cancelSignIn(p.id)).toEqual({ cancelled: false });
    const signingIn = failureOf(h.providers.signIn(p.id));
    // The browser went to the authorize page and came back with a forged link: still waiting.
    await expect.poll(() => browser.visits.length).toBe(1);
    expect(h.providers.cancelSignIn(p.id)).toEqual({ cancelled: true });
    const error = await signingIn;
    expect(error).toMatchObject({
      code: 'aborted',
      message: expect.stringMatching(/cancelled; nothing was saved/),
    });
    expect(grants()).toEqual([]);
    expect(await keychain?.store.get(p.id)).toBeNull();
  });

  it('reports a declined consent and stores nothing', async () => {
    setup();
    mock.configureOAuth({ deny: true });
    const p = await createOAuthProvider();
    const error = await failureOf(h.providers.signIn(p.id));
    expect(error).toMatchObject({ code: 'auth_missing', message: expect.stringMatching(/declined/) });
    expect(await keychain?.store.get(p.id)).toBeNull();
  });

  it('refreshes shortly before expiry and stores the rotated refresh token', async () => {
    setup();
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    const first = await stored(p.id);
    h.advance((TTL_SEC - 30) * 1000);
    const headers = await h.providers.requestAuth(p.id);
    const second = await stored(p.id);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
    expect(second?.access).not.toBe(first?.access);
    expect(second?.refresh).not.toBe(first?.refresh);
    expect(headers.Authorization).toBe(`Bearer ${second?.access}`);
    expect(await oldRefreshWorks(first?.refresh ?? '')).toBe(false);
  });

  it('shares one refresh between concurrent requests (a rotated token works only once)', async () => {
    setup();
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    h.advance(TTL_SEC * 1000);
    const all = await Promise.all([1, 2, 3].map(() => h.providers.requestAuth(p.id)));
    expect(new Set(all.map((x) => x.Authorization)).size).toBe(1);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
  });

  it('after a 401, refreshes once and the models listing is retried and succeeds', async () => {
    setup();
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    const before = await stored(p.id);
    // The server revokes the access token behind the app's back: the next call gets a 401.
    await fetch(`${mock.confidentialBase}/auth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: before?.access ?? '' }),
    });
    const list = await h.models.list(p.id, true);
    expect(list.error).toBeNull();
    expect(list.models).toHaveLength(7);
    expect(paths().filter((x) => x === 'GET /api/v1/models')).toHaveLength(2);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
    expect((await stored(p.id))?.refresh).not.toBe(before?.refresh);
  });

  it('does not refresh for a provider that is not OAuth', async () => {
    setup();
    const p = await h.providers.create({
      name: 'Key',
      preset: 'galadriel',
      baseUrl: mock.galadrielBase,
      authKind: 'api-key',
      headers: {},
    });
    expect(await h.providers.handleUnauthorized(p.id)).toBe(false);
  });

  it('signs out: revokes at the server and deletes the tokens', async () => {
    setup();
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    const tokens = await stored(p.id);
    const status = await h.providers.signOut(p.id);
    expect(status).toMatchObject({ configured: false, scopes: null });
    expect(await keychain?.store.get(p.id)).toBeNull();
    const revoked = mock.requests
      .filter((r) => r.path === '/api/v1/auth/revoke')
      .map((r) => new URLSearchParams(r.bodyText).get('token_type_hint'));
    expect(revoked).toEqual(['refresh_token', 'access_token']);
    expect(await oldRefreshWorks(tokens?.refresh ?? '')).toBe(false);
    expect((await failureOf(h.providers.requestAuth(p.id))).code).toBe('auth_missing');
  });

  it('when the refresh token is no longer accepted, asks to sign in again', async () => {
    setup();
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    const tokens = await stored(p.id);
    await oldRefreshWorks(tokens?.refresh ?? '');
    h.advance(TTL_SEC * 1000);
    const error = await failureOf(h.providers.requestAuth(p.id));
    expect(error).toMatchObject({ code: 'auth_expired', message: expect.stringMatching(/Sign in again/) });
    expect(JSON.stringify(error)).not.toContain(tokens?.refresh);
    expect((await h.providers.credentialStatus(p.id)).problem).toBe(
      'your sign-in expired or was revoked: sign in again',
    );
  });

  it('keeps using a still-valid access token when the token endpoint cannot be reached', async () => {
    setup();
    const p = await createOAuthProvider();
    await h.providers.signIn(p.id);
    const tokens = await stored(p.id);
    const port = await closedPort();
    const oauth = h.providers.get(p.id).oauth;
    await h.providers.update(p.id, {
      oauth: { ...oauth, scopes: oauth?.scopes ?? '', tokenEndpoint: `http://127.0.0.1:${port}/token` },
    });
    h.advance((TTL_SEC - 30) * 1000);
    expect(await h.providers.requestAuth(p.id)).toEqual({ Authorization: `Bearer ${tokens?.access}` });
    h.advance(60_000);
    expect((await failureOf(h.providers.requestAuth(p.id))).code).toBe('network');
  });
});

describe('OAuth without a keychain', () => {
  it('refuses to start a sign-in whose tokens could not be stored, without opening the browser', async () => {
    let opened = false;
    const h = makeHarness({
      secrets: new UnreachableSecretStore(),
      openExternal: async () => void (opened = true),
    });
    try {
      const p = await h.providers.create({
        name: 'C',
        preset: 'confidential',
        baseUrl: mock.confidentialBase,
        authKind: 'oauth',
        headers: {},
      });
      expect((await failureOf(h.providers.signIn(p.id))).code).toBe('keychain_unavailable');
      expect(opened).toBe(false);
    } finally {
      h.close();
    }
  });
});
