import type { McpServer } from '../contract';
import { AppFailure } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { SecretStore } from '../secrets/secretStore';
import type { ServerRow } from './repo';
import { McpOAuthProvider, hostOf, oauthAccount, signInToServer } from './oauth';
import { hasSecret } from './serverConfig';

export interface SignInGateDeps {
  secrets: SecretStore;
  events: EventSink;
  fetch?: typeof fetch;
  /** Opens the system browser for an OAuth sign-in; without it (or when it fails) the address is shown. */
  openExternal?: (url: string) => Promise<void>;
  signInTimeoutMs?: number;
}

/**
 * The OAuth gate of remote servers: whether a server is signed in, the grant a start hands its
 * connection, and the browser sign-in that only the user starts. Tokens stay in the keychain.
 */
export class SignInGate {
  /** OAuth servers whose grant the server refused (revoked, expired): they need a new sign-in. */
  private readonly needed = new Set<string>();
  private readonly signingIn = new Map<string, AbortController>();

  constructor(private readonly deps: SignInGateDeps) {}

  async state(s: ServerRow): Promise<McpServer['signIn']> {
    if (s.auth !== 'oauth') return 'none';
    return !this.needed.has(s.id) && (await hasSecret(this.deps.secrets, oauthAccount(s.id, 'tokens')))
      ? 'signed-in'
      : 'needed';
  }

  /**
   * For a start: the provider carrying the stored grant, or why the server cannot start. A grant
   * revoked later, during a call, marks the server as needing a sign-in and tells `onRevoked`.
   */
  async providerFor(
    s: ServerRow,
    onRevoked: (message: string) => void,
  ): Promise<{ provider?: McpOAuthProvider; missing: string | null }> {
    if (s.auth !== 'oauth') return { missing: null };
    if (!(await hasSecret(this.deps.secrets, oauthAccount(s.id, 'tokens')))) {
      this.needed.add(s.id);
      return { missing: `Not signed in to ${hostOf(s.url ?? '')}. Sign in to start this server.` };
    }
    const provider = new McpOAuthProvider({
      serverId: s.id,
      url: s.url ?? '',
      scopes: s.oauthScopes,
      clientId: s.oauthClientId,
      secrets: this.deps.secrets,
      // Only the user starts a new sign-in; the screen says so at once, with Sign in again.
      onSignInNeeded: () => {
        this.needed.add(s.id);
        onRevoked(
          `The sign-in to ${hostOf(s.url ?? '')} expired or was revoked. Sign in again to use this server.`,
        );
      },
    });
    return { provider, missing: null };
  }

  /**
   * The browser sign-in; a second one cancels the first. `stop` runs once this sign-in holds the
   * slot (the server restarts on the new grant afterwards, which is the caller's step).
   */
  async signIn(s: ServerRow, stop: () => Promise<unknown>): Promise<void> {
    this.signingIn.get(s.id)?.abort();
    const controller = new AbortController();
    this.signingIn.set(s.id, controller);
    await stop();
    try {
      await signInToServer({
        serverId: s.id,
        url: s.url ?? '',
        scopes: s.oauthScopes,
        clientId: s.oauthClientId,
        secrets: this.deps.secrets,
        fetch: this.deps.fetch,
        openExternal: this.deps.openExternal,
        showUrl: (url) => this.deps.events.broadcast('mcp:signInUrl', { serverId: s.id, url }),
        timeoutMs: this.deps.signInTimeoutMs ?? 5 * 60_000,
        signal: controller.signal,
      });
    } finally {
      if (this.signingIn.get(s.id) === controller) this.signingIn.delete(s.id);
    }
    this.needed.delete(s.id);
  }

  cancel(id: string): { cancelled: boolean } {
    const controller = this.signingIn.get(id);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  /** Signs out: the grant and the registered client leave the keychain. */
  async forget(id: string): Promise<void> {
    await this.deps.secrets.delete(oauthAccount(id, 'tokens')).catch(() => false);
    await this.deps.secrets.delete(oauthAccount(id, 'client')).catch(() => false);
    this.needed.delete(id);
  }
}

/** A server that signs in with OAuth has an address; anything else is refused in words. */
export function requireOAuth(s: ServerRow): asserts s is ServerRow & { url: string } {
  if (s.transport !== 'http' || s.auth !== 'oauth' || !s.url)
    throw new AppFailure('invalid_request', 'auth: this server does not sign in with OAuth', {
      detail: { field: 'auth' },
    });
}
