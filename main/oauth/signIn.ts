import type { OAuthConfig } from '../contract';
import { AppFailure } from '../contract';
import type { OAuthTokens } from '../providers/credentials';
import type { FetchLike } from '../providers/http';
import { hostOf } from '../providers/http';
import type { OAuthEndpoints } from './discovery';
import { resolveEndpoints } from './discovery';
import { startLoopback } from './loopback';
import { createPkce, createState } from './pkce';
import { exchangeCode, registerClient } from './tokenClient';

export interface SignInDeps {
  fetch: FetchLike;
  /** Opens the system browser (Electron's `shell.openExternal`); tests play the browser themselves. */
  openExternal: (url: string) => Promise<void>;
  now: () => number;
  timeoutMs: number;
}

export interface SignInRequest {
  config: OAuthConfig | null;
  baseUrl: string;
  signal?: AbortSignal;
}

export interface SignInOutcome {
  tokens: OAuthTokens;
  endpoints: OAuthEndpoints;
  clientId: string;
}

function authorizationUrl(endpoint: string, params: Record<string, string>): string {
  const url = new URL(endpoint);
  for (const [key, value] of Object.entries(params)) if (value !== '') url.searchParams.set(key, value);
  return url.toString();
}

/** RFC 9207: a redirect naming another issuer means a mix-up (or an attack); refuse it. */
function checkIssuer(endpoints: OAuthEndpoints, iss: string | null): void {
  if (endpoints.issuer === null) return;
  const expected = endpoints.issuer.replace(/\/+$/, '');
  if (iss === null) {
    if (!endpoints.issParameterSupported) return;
    throw new AppFailure(
      'protocol_error',
      `The sign-in redirect did not name its server (${hostOf(expected)}), so it was refused. Try again.`,
    );
  }
  if (iss.replace(/\/+$/, '') !== expected) {
    throw new AppFailure(
      'protocol_error',
      `The sign-in redirect came from ${iss}, not ${expected}, so it was refused. Try again.`,
    );
  }
}

/**
 * OAuth 2.1 authorization code flow with PKCE (S256) and a loopback redirect (RFC 8252):
 * discover or take the endpoints, register the app if it has no client id and the server allows
 * it, open the browser, wait for the one redirect carrying our `state`, exchange the code.
 */
export async function runSignIn(deps: SignInDeps, request: SignInRequest): Promise<SignInOutcome> {
  const endpoints = await resolveEndpoints(deps.fetch, request.config, request.baseUrl);
  const pkce = createPkce();
  const state = createState();
  const listener = await startLoopback({
    state,
    timeoutMs: deps.timeoutMs,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  try {
    let clientId = request.config?.clientId?.trim() ?? '';
    if (clientId === '') {
      if (endpoints.registrationEndpoint === null) {
        throw new AppFailure(
          'invalid_request',
          `${hostOf(endpoints.authorizationEndpoint)} does not offer dynamic registration. Enter the client id the service gave you in the provider's sign-in settings.`,
          { detail: { field: 'oauth.clientId' } },
        );
      }
      clientId = await registerClient(deps.fetch, endpoints.registrationEndpoint, listener.redirectUri);
    }
    const url = authorizationUrl(endpoints.authorizationEndpoint, {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: listener.redirectUri,
      scope: request.config?.scopes.trim() ?? '',
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: pkce.method,
    });
    try {
      await deps.openExternal(url);
    } catch {
      throw new AppFailure(
        'internal',
        'Could not open the system browser to sign in. Check that a default browser is set.',
      );
    }
    const response = await listener.result;
    checkIssuer(endpoints, response.iss);
    const tokens = await exchangeCode(
      deps.fetch,
      endpoints.tokenEndpoint,
      { code: response.code, verifier: pkce.verifier, redirectUri: listener.redirectUri, clientId },
      deps.now(),
    );
    return { tokens, endpoints, clientId };
  } finally {
    await listener.close();
  }
}
