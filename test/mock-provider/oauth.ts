import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, parseJson, sendJson } from './http';
import { mintJwt, verifyJwt } from './jwt';
import type { MockState } from './state';

export const OAUTH_SCOPES = ['llm-confidential', 'llm-other', 'llm-all', 'offline_access'];
/** Pre-registered public client, for apps that skip dynamic registration; any loopback redirect. */
export const PREREGISTERED_CLIENT_ID = 'llm-desk-mock-client';
export const OAUTH_SUBJECT = 'oauth-user';
const CODE_TTL_MS = 60_000;

interface Client {
  redirectUris: string[];
  /** `OAuthBehaviour.clientGeneration` when registered; an older one is forgotten. */
  generation: number;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scopes: string[];
  /** Whether the grant may come with a refresh token. */
  offline: boolean;
  resource: string | null;
  expiresAt: number;
  used: boolean;
  family: string;
}

interface RefreshRecord {
  clientId: string;
  scopes: string[];
  resource: string | null;
  family: string;
  active: boolean;
}

export function isLoopbackHttp(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** RFC 8252 §7.3: a loopback redirect may use any port, so compare everything but the port. */
function sameLoopbackTarget(a: string, b: string): boolean {
  const x = new URL(a);
  const y = new URL(b);
  return x.hostname === y.hostname && x.pathname === y.pathname;
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

function redirect(res: ServerResponse, target: string, params: Record<string, string | null>): void {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  res.writeHead(302, { location: url.toString(), 'cache-control': 'no-store' });
  res.end();
}

function formOf(req: IncomingMessage, body: Buffer): URLSearchParams | null {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(body.toString('utf8'))
    : null;
}

export class OAuthServer {
  private readonly clients = new Map<string, Client>([
    [PREREGISTERED_CLIENT_ID, { redirectUris: [], generation: Number.POSITIVE_INFINITY }],
  ]);
  private codes = new Map<string, AuthCode>();
  private refreshTokens = new Map<string, RefreshRecord>();
  /** Access-token ids per grant, so revoking a refresh token also revokes what it issued. */
  private families = new Map<string, Set<string>>();

  constructor(
    private readonly state: MockState,
    private readonly issuer: string,
  ) {}

  /** Client registrations survive a reset, like configuration would. */
  reset(): void {
    this.codes.clear();
    this.refreshTokens.clear();
    this.families.clear();
  }

  metadata(): unknown {
    const base = `${this.issuer}/api/v1/auth`;
    return {
      issuer: this.issuer,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      registration_endpoint: `${base}/register`,
      revocation_endpoint: `${base}/revoke`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      revocation_endpoint_auth_methods_supported: ['none'],
      scopes_supported: OAUTH_SCOPES,
      authorization_response_iss_parameter_supported: true,
    };
  }

  register(res: ServerResponse, body: Buffer): void {
    const json = parseJson(body);
    if (!json.ok || !isRecord(json.value))
      return oauthError(res, 400, 'invalid_client_metadata', 'body must be a JSON object');
    const meta = json.value;
    const uris = Array.isArray(meta.redirect_uris)
      ? meta.redirect_uris.filter((u): u is string => typeof u === 'string')
      : [];
    if (uris.length === 0 || !uris.every(isLoopbackHttp)) {
      return oauthError(res, 400, 'invalid_redirect_uri', 'redirect_uris must be loopback http URIs');
    }
    const clientId = `client_${randomBytes(12).toString('hex')}`;
    this.clients.set(clientId, { redirectUris: uris, generation: this.state.oauth.clientGeneration });
    sendJson(res, 201, {
      client_id: clientId,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      client_name: typeof meta.client_name === 'string' ? meta.client_name : undefined,
      redirect_uris: uris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    });
  }

  /** A registered client the server still remembers. */
  private client(clientId: string): Client | undefined {
    const client = this.clients.get(clientId);
    return client && client.generation >= this.state.oauth.clientGeneration ? client : undefined;
  }

  authorize(res: ServerResponse, query: URLSearchParams): void {
    const clientId = query.get('client_id') ?? '';
    const redirectUri = query.get('redirect_uri') ?? '';
    const client = this.client(clientId);
    // Errors about the client or redirect must not redirect (RFC 6749 §4.1.2.1).
    if (!client) return oauthError(res, 400, 'invalid_client', 'unknown client_id');
    if (!isLoopbackHttp(redirectUri))
      return oauthError(res, 400, 'invalid_request', 'redirect_uri must be a loopback http URI');
    if (
      client.redirectUris.length > 0 &&
      !client.redirectUris.some((u) => sameLoopbackTarget(u, redirectUri))
    ) {
      return oauthError(res, 400, 'invalid_request', 'redirect_uri was not registered');
    }
    const state = query.get('state');
    const fail = (error: string, description: string): void =>
      redirect(res, redirectUri, { error, error_description: description, state, iss: this.issuer });
    if (query.get('response_type') !== 'code')
      return fail('unsupported_response_type', 'response_type must be code');
    const challenge = query.get('code_challenge') ?? '';
    if (query.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return fail('invalid_request', 'PKCE with code_challenge_method S256 is required');
    }
    const asked = (query.get('scope') ?? 'llm-all').split(' ').filter((s) => s !== '');
    const unknown = asked.filter((s) => !OAUTH_SCOPES.includes(s));
    if (unknown.length > 0) return fail('invalid_scope', `unknown scope ${unknown.join(' ')}`);
    if (this.state.oauth.deny) return fail('access_denied', 'the user denied the request');
    const resource = query.get('resource');
    if (resource !== null && resource !== this.state.oauth.resource)
      return fail('invalid_target', `unknown resource ${resource}`);
    const consent = (query.get('prompt') ?? '').split(' ').includes('consent');
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      clientId,
      redirectUri,
      challenge,
      offline: !this.state.oauth.offlineAccessNeedsConsent || (asked.includes('offline_access') && consent),
      resource,
      scopes: this.state.oauth.grantScopes ?? asked,
      expiresAt: Date.now() + CODE_TTL_MS,
      used: false,
      family: randomUUID(),
    });
    redirect(res, redirectUri, { code, state, iss: this.issuer });
  }

  token(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const form = formOf(req, body);
    if (!form)
      return oauthError(res, 400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
    // Real servers check the client before the grant: an unknown one is `invalid_client` (RFC 6749 §5.2).
    const clientId = form.get('client_id');
    if (clientId !== null && !this.client(clientId))
      return oauthError(res, 401, 'invalid_client', 'unknown client_id');
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') return this.exchangeCode(res, form);
    if (grant === 'refresh_token') return this.refresh(res, form);
    oauthError(res, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(missing)'} is not supported`);
  }

  revoke(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const token = formOf(req, body)?.get('token');
    if (!token) return oauthError(res, 400, 'invalid_request', 'token is required');
    const refresh = this.refreshTokens.get(token);
    if (refresh) {
      refresh.active = false;
      this.revokeFamily(refresh.family);
    } else {
      const verified = verifyJwt(token);
      if (verified.ok && verified.token.jti !== null) this.state.revokedJtis.add(verified.token.jti);
    }
    // RFC 7009: unknown tokens are not an error.
    res.writeHead(200, { 'cache-control': 'no-store' });
    res.end();
  }

  private exchangeCode(res: ServerResponse, form: URLSearchParams): void {
    const code = this.codes.get(form.get('code') ?? '');
    if (!code || code.expiresAt < Date.now())
      return oauthError(res, 400, 'invalid_grant', 'unknown or expired code');
    if (code.used) {
      // A replayed code means it leaked; drop everything it produced (RFC 6749 §4.1.2).
      this.revokeFamily(code.family);
      return oauthError(res, 400, 'invalid_grant', 'code already used');
    }
    code.used = true;
    if (form.get('client_id') !== code.clientId)
      return oauthError(res, 400, 'invalid_grant', 'client_id does not match the code');
    if (form.get('redirect_uri') !== code.redirectUri)
      return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match');
    const verifier = form.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier))
      return oauthError(res, 400, 'invalid_request', 'code_verifier is malformed');
    const computed = createHash('sha256').update(verifier).digest('base64url');
    if (computed !== code.challenge) return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed');
    if (form.get('resource') !== code.resource)
      return oauthError(res, 400, 'invalid_target', 'resource does not match the authorization request');
    this.issue(res, { ...code, refreshable: code.offline });
  }

  private refresh(res: ServerResponse, form: URLSearchParams): void {
    const presented = form.get('refresh_token') ?? '';
    const record = this.refreshTokens.get(presented);
    if (!record?.active)
      return oauthError(res, 400, 'invalid_grant', 'refresh token is invalid, used or revoked');
    const clientId = form.get('client_id');
    if (clientId !== null && clientId !== record.clientId)
      return oauthError(res, 400, 'invalid_grant', 'client_id does not match');
    const asked = form
      .get('scope')
      ?.split(' ')
      .filter((s) => s !== '');
    if (asked && !asked.every((s) => record.scopes.includes(s))) {
      return oauthError(res, 400, 'invalid_scope', 'cannot widen scope on refresh');
    }
    const resource = form.get('resource') ?? record.resource;
    if (resource !== record.resource)
      return oauthError(res, 400, 'invalid_target', 'resource does not match the grant');
    record.active = false; // rotation: every refresh token works once
    this.issue(res, { ...record, scopes: asked ?? record.scopes, refreshable: true });
  }

  private issue(
    res: ServerResponse,
    grant: {
      clientId: string;
      scopes: string[];
      family: string;
      resource: string | null;
      refreshable: boolean;
    },
  ): void {
    const { clientId, scopes, family, resource } = grant;
    const ttl = this.state.oauth.accessTokenTtlSec;
    const jti = randomUUID();
    const accessToken = mintJwt({
      scopes,
      expiresInSec: ttl,
      sub: OAUTH_SUBJECT,
      extra: { jti, client_id: clientId, iss: this.issuer, ...(resource ? { aud: resource } : {}) },
    });
    // A server with resource indicators issues tokens for its API only when asked for it; the API
    // refuses any other (as if it checked `aud`), so such a token is dead on arrival.
    if (this.state.oauth.resource !== null && resource !== this.state.oauth.resource)
      this.state.revokedJtis.add(jti);
    const refreshToken = grant.refreshable ? `rt_${randomBytes(24).toString('base64url')}` : null;
    if (refreshToken !== null)
      this.refreshTokens.set(refreshToken, { clientId, scopes, family, resource, active: true });
    const issued = this.families.get(family) ?? new Set<string>();
    issued.add(jti);
    this.families.set(family, issued);
    sendJson(
      res,
      200,
      {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: ttl,
        ...(refreshToken !== null ? { refresh_token: refreshToken } : {}),
        scope: scopes.join(' '),
      },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  }

  private revokeFamily(family: string): void {
    for (const jti of this.families.get(family) ?? []) this.state.revokedJtis.add(jti);
    for (const record of this.refreshTokens.values()) if (record.family === family) record.active = false;
  }
}
