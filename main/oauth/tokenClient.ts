import { z } from 'zod';
import { AppFailure } from '../contract';
import type { OAuthTokens } from '../providers/credentials';
import type { FetchLike } from '../providers/http';
import {
  fetchWithinOrigin,
  hostOf,
  networkFailure,
  providerMessageOf,
  readBoundedText,
  redact,
} from '../providers/http';

const TIMEOUT_MS = 30_000;

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

const Registration = z.object({ client_id: z.string().min(1) });

interface PostResult {
  response: Response;
  text: string;
}

/** A token or registration answer is a few KB; a server sending more is not read further. */
const OAUTH_MAX_BYTES = 1 << 20;

async function post(
  fetch: FetchLike,
  url: string,
  body: URLSearchParams | string,
  contentType: string,
): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetchWithinOrigin(fetch, url, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { response, text: await readBoundedText(response, OAUTH_MAX_BYTES, url) };
  } catch (error) {
    throw networkFailure(error, url, TIMEOUT_MS);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function oauthErrorCode(text: string): string | null {
  const body = parseJson(text);
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
    ? body.error
    : null;
}

/** Converts a token response into what the keychain keeps; keeps the old refresh token if none was rotated in. */
function toTokens(raw: unknown, url: string, now: number, previousRefresh: string | null): OAuthTokens {
  const parsed = TokenResponse.safeParse(raw);
  if (!parsed.success) {
    throw new AppFailure(
      'protocol_error',
      `The token endpoint at ${hostOf(url)} sent a response without an access token.`,
      {
        detail: { host: hostOf(url) },
      },
    );
  }
  const token = parsed.data;
  if (token.token_type && token.token_type.toLowerCase() !== 'bearer') {
    throw new AppFailure(
      'protocol_error',
      `The token endpoint at ${hostOf(url)} issued a ${token.token_type} token; only Bearer tokens are supported.`,
      {
        detail: { host: hostOf(url) },
      },
    );
  }
  return {
    access: token.access_token,
    refresh: token.refresh_token ?? previousRefresh,
    expiresAt:
      token.expires_in !== undefined && Number.isFinite(token.expires_in)
        ? now + token.expires_in * 1000
        : null,
    scope: token.scope ?? null,
    issuedAt: now,
  };
}

function tokenFailure(
  result: PostResult,
  url: string,
  secrets: readonly string[],
  refreshing: boolean,
): AppFailure {
  const host = hostOf(url);
  const code = oauthErrorCode(result.text);
  const said = providerMessageOf(result.text);
  const providerMessage = said === undefined ? undefined : redact(said, secrets);
  const detail = { status: result.response.status, host, ...(providerMessage ? { providerMessage } : {}) };
  if (code === 'invalid_client') {
    return new AppFailure(
      'auth_expired',
      `${host} no longer knows this app's client id, so the sign-in cannot be renewed. Sign in again.`,
      { detail },
    );
  }
  if (refreshing && (code === 'invalid_grant' || result.response.status === 401)) {
    return new AppFailure(
      'auth_expired',
      `Your sign-in at ${host} has expired or was revoked. Sign in again.`,
      { detail },
    );
  }
  const why = providerMessage ?? code ?? `status ${result.response.status}`;
  return new AppFailure('provider_error', `The token endpoint at ${host} refused the request: ${why}.`, {
    detail,
  });
}

export interface CodeExchange {
  code: string;
  verifier: string;
  redirectUri: string;
  clientId: string;
  /** RFC 8707 resource indicator, when the provider names one. */
  resource?: string | undefined;
}

export async function exchangeCode(
  fetch: FetchLike,
  tokenEndpoint: string,
  input: CodeExchange,
  now: number,
): Promise<OAuthTokens> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: input.code,
    redirect_uri: input.redirectUri,
    client_id: input.clientId,
    code_verifier: input.verifier,
  });
  if (input.resource) body.set('resource', input.resource);
  const result = await post(fetch, tokenEndpoint, body, 'application/x-www-form-urlencoded');
  if (!result.response.ok) throw tokenFailure(result, tokenEndpoint, [input.code, input.verifier], false);
  return toTokens(parseJson(result.text), tokenEndpoint, now, null);
}

export async function refreshGrant(
  fetch: FetchLike,
  tokenEndpoint: string,
  refreshToken: string,
  clientId: string | null,
  now: number,
  resource: string | null = null,
): Promise<OAuthTokens> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  if (clientId) body.set('client_id', clientId);
  if (resource) body.set('resource', resource);
  const result = await post(fetch, tokenEndpoint, body, 'application/x-www-form-urlencoded');
  if (!result.response.ok) throw tokenFailure(result, tokenEndpoint, [refreshToken], true);
  return toTokens(parseJson(result.text), tokenEndpoint, now, refreshToken);
}

/** RFC 7009. Best effort: the tokens are deleted locally whatever the server says. */
export async function revokeToken(
  fetch: FetchLike,
  revocationEndpoint: string,
  token: string,
  hint: 'access_token' | 'refresh_token',
  clientId: string | null,
): Promise<boolean> {
  const body = new URLSearchParams({ token, token_type_hint: hint });
  if (clientId) body.set('client_id', clientId);
  try {
    const result = await post(fetch, revocationEndpoint, body, 'application/x-www-form-urlencoded');
    return result.response.ok;
  } catch {
    return false;
  }
}

/** RFC 7591 dynamic registration of this app as a public native client. */
export async function registerClient(
  fetch: FetchLike,
  registrationEndpoint: string,
  redirectUri: string,
): Promise<string> {
  const metadata = {
    client_name: 'LLM Desk',
    application_type: 'native',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
  const result = await post(fetch, registrationEndpoint, JSON.stringify(metadata), 'application/json');
  const parsed = Registration.safeParse(parseJson(result.text));
  if (!result.response.ok || !parsed.success) {
    const why = providerMessageOf(result.text) ?? `status ${result.response.status}`;
    throw new AppFailure(
      'provider_error',
      `Registering LLM Desk with ${hostOf(registrationEndpoint)} failed: ${why}. Enter a client id by hand in the provider's sign-in settings.`,
      { detail: { status: result.response.status, host: hostOf(registrationEndpoint) } },
    );
  }
  return parsed.data.client_id;
}

/**
 * Whether the server still knows a client id, asked without side effects: a code exchange with a
 * code that cannot exist is refused with `invalid_grant` for a known client and `invalid_client`
 * (RFC 6749 §5.2) for one the server has forgotten. Anything else counts as known.
 */
export async function clientForgotten(
  fetch: FetchLike,
  tokenEndpoint: string,
  clientId: string,
  redirectUri: string,
): Promise<boolean> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: `probe-${clientId.length}-${Date.now()}`,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: 'x'.repeat(43),
  });
  try {
    const result = await post(fetch, tokenEndpoint, body, 'application/x-www-form-urlencoded');
    return !result.response.ok && oauthErrorCode(result.text) === 'invalid_client';
  } catch {
    return false;
  }
}
