import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from './index';
import { startMockProvider } from './index';
import { at, list, str } from './test-helpers';

let mock: MockProvider;
const REDIRECT = 'http://127.0.0.1:53682/callback';

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0, accessTokenTtlSec: 60 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function register(): Promise<string> {
  const res = await fetch(`${mock.confidentialBase}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'LLM Desk',
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
    }),
  });
  expect(res.status).toBe(201);
  return str(await res.json(), 'client_id');
}

/** Plays the browser: follows nothing, returns the redirect target. */
async function authorize(
  clientId: string,
  challenge: string,
  scope: string,
  redirectUri = REDIRECT,
): Promise<Response> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope,
    state: 'st4te',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return fetch(`${mock.confidentialBase}/auth/authorize?${query}`, { redirect: 'manual' });
}

function token(form: Record<string, string>): Promise<Response> {
  return fetch(`${mock.confidentialBase}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

async function signIn(
  scope = 'llm-confidential',
): Promise<{ clientId: string; access: string; refresh: string }> {
  const clientId = await register();
  const { verifier, challenge } = pkce();
  const location = new URL((await authorize(clientId, challenge, scope)).headers.get('location') ?? '');
  const res = await token({
    grant_type: 'authorization_code',
    code: location.searchParams.get('code') ?? '',
    redirect_uri: REDIRECT,
    client_id: clientId,
    code_verifier: verifier,
  });
  const body: unknown = await res.json();
  return { clientId, access: str(body, 'access_token'), refresh: str(body, 'refresh_token') };
}

const models = (access: string): Promise<Response> =>
  fetch(`${mock.confidentialBase}/models`, { headers: { authorization: `Bearer ${access}` } });

describe('OAuth 2.1 with PKCE', () => {
  it('publishes RFC 8414 metadata', async () => {
    const meta: unknown = await (await fetch(`${mock.url}/.well-known/oauth-authorization-server`)).json();
    expect(meta).toMatchObject({
      issuer: mock.url,
      authorization_endpoint: `${mock.url}/api/v1/auth/authorize`,
      token_endpoint: `${mock.url}/api/v1/auth/token`,
      registration_endpoint: `${mock.url}/api/v1/auth/register`,
      revocation_endpoint: `${mock.url}/api/v1/auth/revoke`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(list(meta, 'scopes_supported')).toContain('llm-all');
  });

  it('signs in with code + PKCE and the token carries the granted scope', async () => {
    const clientId = await register();
    const { verifier, challenge } = pkce();
    const redirect = await authorize(clientId, challenge, 'llm-confidential');
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st4te');
    const res = await token({
      grant_type: 'authorization_code',
      code: location.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT,
      client_id: clientId,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 60, scope: 'llm-confidential' });
    const ids = list(await (await models(str(body, 'access_token'))).json(), 'data').map((m) => str(m, 'id'));
    expect(ids).toContain('phala/gpt-oss-120b');
    expect(ids).not.toContain('openai/gpt-4o-mini');
  });

  it('refuses a wrong verifier, and the code cannot be retried', async () => {
    const clientId = await register();
    const { verifier, challenge } = pkce();
    const code =
      new URL(
        (await authorize(clientId, challenge, 'llm-all')).headers.get('location') ?? '',
      ).searchParams.get('code') ?? '';
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId };
    const wrong = await token({ ...form, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(at(await wrong.json(), 'error')).toBe('invalid_grant');
    const retry = await token({ ...form, code_verifier: verifier });
    expect(at(await retry.json(), 'error')).toBe('invalid_grant');
  });

  it('refuses a non-loopback redirect without redirecting', async () => {
    const res = await authorize(await register(), pkce().challenge, 'llm-all', 'https://evil.example/cb');
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('redirects with access_denied when the user refuses', async () => {
    mock.configureOAuth({ deny: true });
    const location = new URL(
      (await authorize(await register(), pkce().challenge, 'llm-all')).headers.get('location') ?? '',
    );
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('rotates refresh tokens and refuses reuse of an old one', async () => {
    const session = await signIn();
    const first = await token({
      grant_type: 'refresh_token',
      refresh_token: session.refresh,
      client_id: session.clientId,
    });
    expect(first.status).toBe(200);
    const rotated = str(await first.json(), 'refresh_token');
    expect(rotated).not.toBe(session.refresh);
    const reuse = await token({
      grant_type: 'refresh_token',
      refresh_token: session.refresh,
      client_id: session.clientId,
    });
    expect(reuse.status).toBe(400);
    expect(at(await reuse.json(), 'error')).toBe('invalid_grant');
    const next = await token({
      grant_type: 'refresh_token',
      refresh_token: rotated,
      client_id: session.clientId,
    });
    expect(next.status).toBe(200);
  });

  it('revokes access and refresh tokens', async () => {
    const session = await signIn();
    expect((await models(session.access)).status).toBe(200);
    const revoke = (t: string): Promise<Response> =>
      fetch(`${mock.confidentialBase}/auth/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: t, client_id: session.clientId }),
      });
    expect((await revoke(session.access)).status).toBe(200);
    const refused = await models(session.access);
    expect(refused.status).toBe(401);
    expect(at(await refused.json(), 'error', 'code')).toBe('token_revoked');
    expect((await revoke(session.refresh)).status).toBe(200);
    const refresh = await token({
      grant_type: 'refresh_token',
      refresh_token: session.refresh,
      client_id: session.clientId,
    });
    expect(at(await refresh.json(), 'error')).toBe('invalid_grant');
  });
});
