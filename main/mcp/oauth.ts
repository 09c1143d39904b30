import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { UnauthorizedError, auth } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { AppFailure } from '../contract';
import { startLoopback } from '../oauth/loopback';
import { createState } from '../oauth/pkce';
import type { SecretStore } from '../secrets/secretStore';

/**
 * MCP's authorization for remote servers (OAuth 2.1: protected-resource and authorization-server
 * discovery, dynamic registration, PKCE, refresh after a 401, resource indicators) through the
 * SDK's `auth()`, with the app's own pieces where they fit: the RFC 8252 loopback redirect and
 * `state` of the providers' sign-in, the system browser (or the address shown when none opens),
 * and the OS keychain for tokens and the registered client. Nothing of it goes to SQLite.
 */

export const oauthAccount = (serverId: string, what: 'tokens' | 'client') => `mcp:${serverId}:oauth:${what}`;

/** Thrown where a sign-in is needed and none may start by itself (a call, a start). */
export class SignInNeeded extends Error {
  constructor(host: string) {
    super(`The sign-in to ${host} expired or was revoked. Sign in again to use this server.`);
    this.name = 'SignInNeeded';
  }
}

export const isSignInProblem = (error: unknown): boolean =>
  error instanceof SignInNeeded || error instanceof UnauthorizedError;

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

async function readJson<T>(secrets: SecretStore, account: string): Promise<T | undefined> {
  const text = await secrets.get(account);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

interface ProviderOptions {
  serverId: string;
  url: string;
  scopes: string;
  clientId: string | null;
  secrets: SecretStore;
  /** The loopback address of a sign-in in progress; absent for a running connection. */
  redirectUrl?: string;
  state?: string;
  /** Opens the sign-in page; absent: a connection, which never starts a sign-in by itself. */
  open?: (url: string) => Promise<void>;
  /** Told when the server wants a new sign-in during a connection (a revoked grant). */
  onSignInNeeded?: () => void;
}

/** The SDK's provider over the keychain. Stores what the SDK hands it unchanged (issuer stamps). */
export class McpOAuthProvider implements OAuthClientProvider {
  private verifier = '';

  constructor(private readonly o: ProviderOptions) {}

  get redirectUrl(): string {
    // A connection has no listener; the SDK still needs an address (without one it would try a
    // client-credentials grant). It is only used to build a URL this provider refuses to open.
    return this.o.redirectUrl ?? 'http://127.0.0.1/callback';
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'LLM Desk',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...(this.o.scopes.trim() ? { scope: this.o.scopes.trim() } : {}),
    };
  }

  state(): string {
    return this.o.state ?? createState();
  }

  async clientInformation(): Promise<OAuthClientInformationMixed | undefined> {
    const saved = await readJson<OAuthClientInformationMixed>(
      this.o.secrets,
      oauthAccount(this.o.serverId, 'client'),
    );
    if (saved) return saved;
    return this.o.clientId ? { client_id: this.o.clientId } : undefined;
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    await this.o.secrets.set(oauthAccount(this.o.serverId, 'client'), JSON.stringify(info));
  }

  tokens(): Promise<OAuthTokens | undefined> {
    return readJson<OAuthTokens>(this.o.secrets, oauthAccount(this.o.serverId, 'tokens'));
  }

  async saveTokens(tokens: OAuthTokens): Promise<void> {
    await this.o.secrets.set(oauthAccount(this.o.serverId, 'tokens'), JSON.stringify(tokens));
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    if (!this.o.open) {
      this.o.onSignInNeeded?.();
      throw new SignInNeeded(hostOf(this.o.url));
    }
    await this.o.open(url.toString());
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    return this.verifier;
  }

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    if (scope === 'all' || scope === 'tokens')
      await this.o.secrets.delete(oauthAccount(this.o.serverId, 'tokens')).catch(() => false);
    if (scope === 'all' || scope === 'client')
      await this.o.secrets.delete(oauthAccount(this.o.serverId, 'client')).catch(() => false);
    if (scope === 'all' || scope === 'verifier') this.verifier = '';
  }
}

export interface SignInOptions {
  serverId: string;
  url: string;
  scopes: string;
  clientId: string | null;
  secrets: SecretStore;
  fetch?: typeof fetch;
  openExternal?: (url: string) => Promise<void>;
  /** Where no browser opens: hands the address to the window, and the sign-in keeps waiting. */
  showUrl: (url: string) => void;
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * The interactive sign-in: a loopback listener expecting our `state`, the browser on the
 * authorization page, then the code exchanged. Ends with tokens in the keychain, or throws words.
 */
export async function signInToServer(o: SignInOptions): Promise<void> {
  const state = createState();
  const listener = await startLoopback({ state, timeoutMs: o.timeoutMs, signal: o.signal });
  try {
    const provider = new McpOAuthProvider({
      serverId: o.serverId,
      url: o.url,
      scopes: o.scopes,
      clientId: o.clientId,
      secrets: o.secrets,
      redirectUrl: listener.redirectUri,
      state,
      open: async (url) => {
        try {
          if (!o.openExternal) throw new Error('no browser');
          await o.openExternal(url);
        } catch {
          o.showUrl(url);
        }
      },
    });
    const scope = o.scopes.trim() || undefined;
    // Old tokens would be refreshed instead of signing in: a sign-in asked for is a new grant.
    await provider.invalidateCredentials('tokens');
    const first = await auth(provider, { serverUrl: o.url, scope, fetchFn: o.fetch });
    if (first === 'AUTHORIZED') return;
    const { code } = await listener.result;
    const done = await auth(provider, { serverUrl: o.url, scope, authorizationCode: code, fetchFn: o.fetch });
    if (done !== 'AUTHORIZED')
      throw new AppFailure('auth_missing', `${hostOf(o.url)} did not complete the sign-in. Try again.`);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AppFailure('auth_missing', `Could not sign in to ${hostOf(o.url)}: ${message.slice(0, 300)}`);
  } finally {
    await listener.close();
  }
}
