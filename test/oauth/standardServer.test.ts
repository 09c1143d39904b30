import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOAuthTokens } from '../../main/providers/credentials';
import type { MockProvider } from '../mock-provider/index';
import { startMockProvider } from '../mock-provider/index';
import type { Harness } from '../providers/fixture';
import { failureOf, makeHarness } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { FakeBrowser } from './browser';
import { fakeBrowser } from './browser';

const keychain = await openTestKeychain('oauth-standard');
const RESOURCE = 'https://llm.example/api';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0, accessTokenTtlSec: 300 });
});
afterAll(async () => {
  await mock.close();
  await keychain?.cleanup();
});

/** Each test configures the mock's OAuth server the way one kind of standard server behaves. */
describe.skipIf(!keychain)('OAuth against standard servers', () => {
  let h: Harness;
  let browser: FakeBrowser;

  const setup = () => {
    if (!keychain) throw new Error('unreachable');
    browser = fakeBrowser();
    h = makeHarness({ secrets: keychain.store, openExternal: browser.openExternal });
  };
  const create = (oauth: Record<string, string> = {}) =>
    h.providers.create({
      name: 'SSO',
      preset: 'confidential',
      baseUrl: mock.confidentialBase,
      authKind: 'oauth',
      headers: {},
      oauth: { scopes: 'llm-all', ...oauth },
    });
  const tokenForms = () =>
    mock.requests.filter((r) => r.path === '/api/v1/auth/token').map((r) => new URLSearchParams(r.bodyText));
  const grants = () => tokenForms().map((f) => f.get('grant_type'));
  const stored = async (id: string) => {
    const text = await keychain?.store.get(id);
    return text ? parseOAuthTokens(text) : null;
  };
  const revokeRefresh = async (refresh: string) => {
    const response = await fetch(`${mock.confidentialBase}/auth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refresh }),
    });
    await response.text();
  };

  beforeEach(() => {
    mock.reset();
    setup();
  });
  afterEach(() => h.close());

  it('asks for offline_access with prompt=consent, so an OpenID provider issues a refresh token', async () => {
    mock.configureOAuth({ offlineAccessNeedsConsent: true });
    const p = await create();
    await h.providers.signIn(p.id);
    const asked = browser.visits[0]?.authorizeUrl.searchParams;
    expect(asked?.get('scope')).toBe('llm-all offline_access');
    expect(asked?.get('prompt')).toBe('consent');
    expect((await stored(p.id))?.refresh).toMatch(/^rt_/);
    // An hour later the app renews by itself instead of asking the user to sign in.
    h.advance(3_600_000);
    await h.providers.requestAuth(p.id);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
  });

  it('sends the resource the user set (RFC 8707) on the authorize, token and refresh requests', async () => {
    mock.configureOAuth({ resource: RESOURCE });
    const p = await create({ resource: RESOURCE });
    expect(h.providers.get(p.id).oauth?.resource).toBe(RESOURCE);
    await h.providers.signIn(p.id);
    expect(browser.visits[0]?.authorizeUrl.searchParams.get('resource')).toBe(RESOURCE);
    expect((await h.models.list(p.id, true)).error).toBeNull();
    h.advance(300_000);
    expect((await h.models.list(p.id, true)).error).toBeNull();
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
    expect(tokenForms().map((f) => f.get('resource'))).toEqual([RESOURCE, RESOURCE]);
    // The sign-in keeps it in the profile.
    expect(h.providers.get(p.id).oauth?.resource).toBe(RESOURCE);
  });

  it('refuses a resource that is not an absolute URL without a fragment', async () => {
    const error = await failureOf(create({ resource: 'https://llm.example/api#v1' }));
    expect(error).toMatchObject({ code: 'invalid_request', detail: { field: 'oauth.resource' } });
  });

  it('with 60 s tokens, refreshes when a quarter of the lifetime is left, not on every request', async () => {
    mock.configureOAuth({ accessTokenTtlSec: 60 });
    const p = await create();
    await h.providers.signIn(p.id);
    for (let i = 0; i < 4; i += 1) {
      await h.providers.requestAuth(p.id);
      h.advance(10_000);
    }
    expect(grants()).toEqual(['authorization_code']);
    h.advance(10_000); // 50 s in: 10 s left
    await h.providers.requestAuth(p.id);
    await h.providers.requestAuth(p.id);
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
  });

  it('refreshes at most once per token when the API keeps answering 401', async () => {
    // A server with resource indicators, and a provider that names none: the API refuses every token.
    mock.configureOAuth({ resource: RESOURCE });
    const p = await create();
    await h.providers.signIn(p.id);
    for (let i = 0; i < 3; i += 1) {
      const error = await failureOf(h.models.list(p.id, true));
      expect(error.code).toBe('auth_expired');
      h.advance(10_000);
    }
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
  });

  it('registers again when the server has forgotten the registered client', async () => {
    const p = await create();
    await h.providers.signIn(p.id);
    const first = h.providers.get(p.id).oauth?.clientId;
    mock.configureOAuth({ clientGeneration: 1 });
    const status = await h.providers.signIn(p.id);
    expect(status).toMatchObject({ configured: true, problem: null });
    const second = h.providers.get(p.id).oauth?.clientId;
    expect(second).toMatch(/^client_/);
    expect(second).not.toBe(first);
    expect(mock.requests.filter((r) => r.path === '/api/v1/auth/register')).toHaveLength(2);
  });

  it('after a refused refresh token, asks to sign in again instead of retrying on every request', async () => {
    const p = await create();
    await h.providers.signIn(p.id);
    await revokeRefresh((await stored(p.id))?.refresh ?? '');
    h.advance(300_000);
    for (let i = 0; i < 3; i += 1) {
      const error = await failureOf(h.providers.requestAuth(p.id));
      expect(error).toMatchObject({ code: 'auth_expired', message: expect.stringMatching(/Sign in again/) });
    }
    expect(grants()).toEqual(['authorization_code', 'refresh_token']);
    expect((await h.providers.credentialStatus(p.id)).problem).toBe(
      'your sign-in expired or was revoked: sign in again',
    );
  });

  it('says the server granted no scopes (not "declined") when the granted scope is empty', async () => {
    mock.configureOAuth({ grantScopes: [] });
    const p = await create();
    const error = await failureOf(h.providers.signIn(p.id));
    expect(error.code).toBe('scope_denied');
    expect(error.message).toMatch(/granted none of the scopes asked for \(llm-all offline_access\)/);
    expect(error.message).not.toMatch(/declined/);
    expect(await keychain?.store.get(p.id)).toBeNull();
  });
});
