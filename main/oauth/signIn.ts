import type { OAuthConfig } from '../contract';
import { AppFailure } from '../contract';
import type { OAuthTokens } from '../providers/credentials';
import type { FetchLike } from '../providers/http';
import { hostOf } from '../providers/http';
import type { OAuthEndpoints } from './discovery';
import { resolveEndpoints } from './discovery';
import { startLoopback } from './loopback';
import { createPkce, createState } from './pkce';
import { clientForgotten, exchangeCode, registerClient } from './tokenClient';

export interface SignInDeps {
  fetch: FetchLike;
  /** Opens the system browser (Electron's `shell.openExternal`); tests play the browser themselves. */
  openExternal: (url: string) => Promise<void>;
  /**
   * When no browser can be opened (the browser build, a headless machine): hands over the address
   * so the user can open it; the sign-in keeps waiting. Without it, that case is an error.
   */
  showUrl?: (url: string) => void;
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

const OFFLINE = 'offline_access';

/**
 * The scopes to ask for: what the user typed, plus offline_access when the server offers it, so
 * a refresh token comes and the user does not sign in every hour. Nothing typed stays nothing:
 * the server's default then applies.
 */
function scopesToAsk(typed: string, supported: readonly string[] | null): string {
  const scopes = typed.split(/\s+/).filter((s) => s !== '');
  if (scopes.length > 0 && supported?.includes(OFFLINE) && !scopes.includes(OFFLINE)) scopes.push(OFFLINE);
  return scopes.join(' ');
}

/** The client id to use: the typed or saved one, unless the server has forgotten it and can register again. */
async function clientIdFor(
  deps: SignInDeps,
  endpoints: OAuthEndpoints,
  saved: string,
  redirectUri: string,
): Promise<string> {
  let clientId = saved;
  if (
    clientId !== '' &&
    endpoints.registrationEndpoint !== null &&
    (await clientForgotten(deps.fetch, endpoints.tokenEndpoint, clientId, redirectUri))
  ) {
    clientId = '';
  }
  if (clientId !== '') return clientId;
  if (endpoints.registrationEndpoint === null) {
    throw new AppFailure(
      'invalid_request',
      `${hostOf(endpoints.authorizationEndpoint)} does not offer dynamic registration. Enter the client id the service gave you in the provider's sign-in settings.`,
      { detail: { field: 'oauth.clientId' } },
    );
  }
  return registerClient(deps.fetch, endpoints.registrationEndpoint, redirectUri);
}

/** A token response whose `scope` is present but empty granted nothing of what was asked. */
function checkGranted(tokens: OAuthTokens, asked: string, tokenEndpoint: string): void {
  if (asked === '' || tokens.scope === null || tokens.scope.trim() !== '') return;
  const host = hostOf(tokenEndpoint);
  throw new AppFailure(
    'scope_denied',
    `${host} completed the sign-in but granted none of the scopes asked for (${asked}), so nothing was saved. Check the scopes in the provider's sign-in settings, or ask the server's administrator to allow them.`,
    { detail: { host } },
  );
}

/**
 * OAuth 2.1 authorization code flow with PKCE (S256) and a loopback redirect (RFC 8252):
 * discover or take the endpoints, register the app if it has no client id (or the server forgot
 * it) and the server allows it, open the browser (or show the address), wait for the one redirect
 * carrying our `state`, exchange the code.
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
    const clientId = await clientIdFor(
      deps,
      endpoints,
      request.config?.clientId?.trim() ?? '',
      listener.redirectUri,
    );
    const scope = scopesToAsk(request.config?.scopes ?? '', endpoints.scopesSupported);
    const resource = request.config?.resource?.trim() ?? '';
    const url = authorizationUrl(endpoints.authorizationEndpoint, {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: listener.redirectUri,
      scope,
      // OpenID Connect §11: offline_access is ignored unless consent is asked for explicitly.
      prompt: scope.split(' ').includes(OFFLINE) ? 'consent' : '',
      resource,
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: pkce.method,
    });
    try {
      await deps.openExternal(url);
    } catch {
      if (!deps.showUrl) {
        throw new AppFailure(
          'internal',
          'Could not open the system browser to sign in. Check that a default browser is set.',
        );
      }
      deps.showUrl(url);
    }
    const response = await listener.result;
    checkIssuer(endpoints, response.iss);
    const tokens = await exchangeCode(
      deps.fetch,
      endpoints.tokenEndpoint,
      {
        code: response.code,
        verifier: pkce.verifier,
        redirectUri: listener.redirectUri,
        clientId,
        resource: resource || undefined,
      },
      deps.now(),
    );
    checkGranted(tokens, scope, endpoints.tokenEndpoint);
    return { tokens, endpoints, clientId };
  } finally {
    await listener.close();
  }
}

/**
 * The provider's sign-in settings after a sign-in: what was discovered is kept, the issuer as the
 * user typed it when it names the same server (so nothing reads as an unsaved change).
 */
export function configAfterSignIn(config: OAuthConfig | null, outcome: SignInOutcome): OAuthConfig {
  const { endpoints } = outcome;
  const typed = config?.issuer;
  const same = typed !== undefined && endpoints.issuer?.replace(/\/+$/, '') === typed.replace(/\/+$/, '');
  const issuer = same ? typed : (endpoints.issuer ?? typed);
  return {
    scopes: config?.scopes ?? '',
    ...(issuer ? { issuer } : {}),
    ...(config?.resource ? { resource: config.resource } : {}),
    authorizationEndpoint: endpoints.authorizationEndpoint,
    tokenEndpoint: endpoints.tokenEndpoint,
    ...(endpoints.registrationEndpoint ? { registrationEndpoint: endpoints.registrationEndpoint } : {}),
    ...(endpoints.revocationEndpoint ? { revocationEndpoint: endpoints.revocationEndpoint } : {}),
    clientId: outcome.clientId,
  };
}
