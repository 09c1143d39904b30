import type { CredentialStatus, OAuthConfig } from '../contract';
import { AppFailure } from '../contract';
import { decodeJwt, describeDuration } from '../models/jwt';
import { governingScopes, noModelAllowed } from '../models/scopeFilter';
import type { RefreshTarget } from '../oauth/refresher';
import { fingerprint, refreshMargin, TokenRefresher } from '../oauth/refresher';
import { configAfterSignIn, runSignIn } from '../oauth/signIn';
import { revokeToken } from '../oauth/tokenClient';
import type { SecretStore } from '../secrets/secretStore';
import type { OAuthTokens, SecretFacts } from './credentials';
import {
  credentialStatus,
  NO_SECRET,
  parseOAuthTokens,
  secretFacts,
  serializeOAuthTokens,
} from './credentials';
import { HeaderSecrets } from './headerSecrets';
import type { FetchLike } from './http';
import type { StoredProvider } from './repo';

export interface CredentialDeps {
  secrets: SecretStore;
  fetch: FetchLike;
  openExternal: (url: string) => Promise<void>;
  /** No browser could be opened for a sign-in: the user must open this address themselves. */
  showSignInUrl: (providerId: string, url: string) => void;
  now: () => number;
  signInTimeoutMs: number;
  /** Called when a provider's credential changed outside a direct request (e.g. a background refresh). */
  changed: (providerId: string) => void;
}

/**
 * Everything that touches a provider's secret: the keychain entry, the derived status, the
 * Authorization header, OAuth sign-in, refresh and sign-out. The secret itself is only held for
 * the duration of a call; what is cached is `SecretFacts` (hint, scopes, expiry), never the value.
 */
export class CredentialManager {
  private readonly facts = new Map<string, SecretFacts>();
  private keychainAvailable = true;
  private readonly refresher: TokenRefresher;
  private readonly headers: HeaderSecrets;
  private readonly signIns = new Map<string, AbortController>();
  /** Providers whose refresh token the server no longer accepts, until the next sign-in or new secret. */
  private readonly refreshRefused = new Set<string>();
  /** Per provider, the access token a 401 made the app fetch: if that one is refused too, refreshing cannot help. */
  private readonly renewedAfter401 = new Map<string, string>();

  constructor(private readonly deps: CredentialDeps) {
    this.refresher = new TokenRefresher({ fetch: deps.fetch, secrets: deps.secrets, now: deps.now });
    this.headers = new HeaderSecrets(deps.secrets);
  }

  /** Status from what is cached; exact after `status()` or any write for this provider. */
  cachedStatus(p: StoredProvider): CredentialStatus {
    const status = credentialStatus(
      p.authKind,
      this.facts.get(p.id) ?? NO_SECRET,
      this.keychainAvailable,
      this.deps.now(),
    );
    if (!status.configured) return status;
    if (this.refreshRefused.has(p.id))
      return { ...status, problem: 'your sign-in expired or was revoked: sign in again' };
    // Scopes that allow no model at all are not "ready", whatever else is fine about the token.
    const unusable = noModelAllowed(governingScopes(status.scopes, p.preset === 'confidential'));
    return status.problem === null && unusable !== null ? { ...status, problem: unusable } : status;
  }

  async refreshAvailability(): Promise<boolean> {
    this.keychainAvailable = await this.deps.secrets.available();
    return this.keychainAvailable;
  }

  /** Reads the keychain (once per provider unless `fresh`) and returns the status. */
  async status(p: StoredProvider, fresh = false): Promise<CredentialStatus> {
    if (fresh || !this.facts.has(p.id)) await this.read(p);
    return this.cachedStatus(p);
  }

  private async read(p: StoredProvider): Promise<string | null> {
    try {
      const stored = await this.deps.secrets.get(p.id);
      this.keychainAvailable = true;
      this.facts.set(p.id, secretFacts(p.authKind, stored));
      return stored;
    } catch (error) {
      this.keychainAvailable = false;
      this.facts.delete(p.id);
      throw error;
    }
  }

  private async readQuietly(p: StoredProvider): Promise<string | null> {
    try {
      return await this.read(p);
    } catch {
      return null;
    }
  }

  private async store(p: StoredProvider, value: string): Promise<CredentialStatus> {
    try {
      await this.deps.secrets.set(p.id, value);
    } catch (error) {
      this.keychainAvailable = !(error instanceof AppFailure && error.error.code === 'keychain_unavailable');
      throw error;
    }
    this.keychainAvailable = true;
    this.refreshRefused.delete(p.id);
    this.facts.set(p.id, secretFacts(p.authKind, value));
    return this.cachedStatus(p);
  }

  async setSecret(p: StoredProvider, secret: string): Promise<CredentialStatus> {
    const value = secret.trim();
    if (p.authKind === 'none') {
      throw new AppFailure(
        'invalid_request',
        'This provider is set to use no authentication. Choose API key, access token or OAuth first.',
      );
    }
    if (p.authKind === 'jwt') {
      // A token that cannot be read would replace one that works: refuse it and keep what is saved.
      const decoded = decodeJwt(value);
      if (!decoded.ok) {
        throw new AppFailure(
          'invalid_request',
          `That access token can't be used: ${decoded.problem}. The saved token was kept.`,
          { detail: { field: 'secret' } },
        );
      }
    }
    if (p.authKind !== 'oauth') return this.store(p, value);
    // A pasted access token for an OAuth provider works until it expires; it cannot be refreshed.
    const decoded = decodeJwt(value);
    const tokens: OAuthTokens = {
      access: value,
      refresh: null,
      expiresAt: decoded.ok ? decoded.claims.expiresAt : null,
      scope: null,
      issuedAt: null,
    };
    return this.store(p, serializeOAuthTokens(tokens));
  }

  /** Deletes the keychain entry. When no keychain is reachable nothing can have been stored there. */
  async clear(p: StoredProvider): Promise<CredentialStatus> {
    this.signIns.get(p.id)?.abort();
    if (await this.deps.secrets.available()) {
      await this.deps.secrets.delete(p.id);
      this.keychainAvailable = true;
    } else {
      this.keychainAvailable = false;
    }
    this.facts.set(p.id, NO_SECRET);
    return this.cachedStatus(p);
  }

  /** Before deleting a provider or signing out: revoke what the server can revoke, then delete. */
  async signOut(p: StoredProvider): Promise<CredentialStatus> {
    const stored = p.authKind === 'oauth' ? await this.readQuietly(p) : null;
    const tokens = stored === null ? null : parseOAuthTokens(stored);
    const endpoint = p.oauth?.revocationEndpoint;
    if (tokens && endpoint) {
      const clientId = p.oauth?.clientId ?? null;
      if (tokens.refresh)
        await revokeToken(this.deps.fetch, endpoint, tokens.refresh, 'refresh_token', clientId);
      await revokeToken(this.deps.fetch, endpoint, tokens.access, 'access_token', clientId);
    }
    return this.clear(p);
  }

  forget(providerId: string): void {
    this.facts.delete(providerId);
    this.refreshRefused.delete(providerId);
    this.renewedAfter401.delete(providerId);
  }

  async signIn(
    p: StoredProvider,
    saveOAuth: (config: OAuthConfig) => StoredProvider,
  ): Promise<CredentialStatus> {
    if (p.authKind !== 'oauth') {
      throw new AppFailure(
        'invalid_request',
        'Sign-in is for providers whose auth kind is OAuth. Change the auth kind first.',
      );
    }
    if (!(await this.refreshAvailability())) {
      throw new AppFailure(
        'keychain_unavailable',
        'The OS keychain is unavailable, so a sign-in could not be stored and was not started. Unlock or start your keychain and try again.',
      );
    }
    this.signIns.get(p.id)?.abort();
    const abort = new AbortController();
    this.signIns.set(p.id, abort);
    try {
      const outcome = await runSignIn(
        {
          fetch: this.deps.fetch,
          openExternal: this.deps.openExternal,
          showUrl: (url) => this.deps.showSignInUrl(p.id, url),
          now: this.deps.now,
          timeoutMs: this.deps.signInTimeoutMs,
        },
        { config: p.oauth, baseUrl: p.baseUrl, signal: abort.signal },
      );
      const saved = saveOAuth(configAfterSignIn(p.oauth, outcome));
      return await this.store(saved, serializeOAuthTokens(outcome.tokens));
    } finally {
      if (this.signIns.get(p.id) === abort) this.signIns.delete(p.id);
    }
  }

  /** Stops a sign-in still waiting for the browser; false when none is running. */
  cancelSignIn(providerId: string): boolean {
    const running = this.signIns.get(providerId);
    if (!running) return false;
    running.abort();
    return true;
  }

  private missing(p: StoredProvider): AppFailure {
    const next =
      p.authKind === 'oauth'
        ? `You are not signed in to ${p.name}. Sign in under Settings → Providers.`
        : p.authKind === 'jwt'
          ? `No access token is saved for ${p.name}. Paste one under Settings → Providers.`
          : `No API key is saved for ${p.name}. Paste one under Settings → Providers.`;
    return new AppFailure('auth_missing', next);
  }

  private async oauthAccess(p: StoredProvider, stored: string): Promise<string> {
    const tokens = parseOAuthTokens(stored);
    if (!tokens)
      throw new AppFailure('auth_missing', `The saved sign-in for ${p.name} is unreadable. Sign in again.`);
    const now = this.deps.now();
    if (tokens.expiresAt === null || tokens.expiresAt - now > refreshMargin(tokens)) return tokens.access;
    // A refused refresh token is not tried again on every request: the status says "sign in again".
    if (tokens.refresh && !this.refreshRefused.has(p.id)) {
      try {
        return (await this.refreshNow(p)).access;
      } catch (error) {
        // A token with a minute left is still better than no request at all.
        if (tokens.expiresAt > now) return tokens.access;
        throw error;
      }
    }
    if (tokens.expiresAt > now) return tokens.access;
    throw new AppFailure(
      'auth_expired',
      this.refreshRefused.has(p.id)
        ? `Your sign-in to ${p.name} expired or was revoked, and ${p.name} refused to renew it. Sign in again.`
        : `The access token for ${p.name} expired ${describeDuration(now - tokens.expiresAt)} ago. Paste a new token or sign in again.`,
    );
  }

  /** Refreshes and stores; a refused refresh shows up in the status as "sign in again". */
  private async refreshNow(p: StoredProvider): Promise<OAuthTokens> {
    try {
      const next = await this.refresher.refresh(this.refreshTarget(p));
      this.facts.set(p.id, secretFacts('oauth', serializeOAuthTokens(next)));
      return next;
    } catch (error) {
      if (error instanceof AppFailure && error.error.code === 'auth_expired') this.refreshRefused.add(p.id);
      throw error;
    } finally {
      this.deps.changed(p.id);
    }
  }

  private refreshTarget(p: StoredProvider): RefreshTarget {
    return {
      providerId: p.id,
      tokenEndpoint: p.oauth?.tokenEndpoint ?? null,
      clientId: p.oauth?.clientId ?? null,
      resource: p.oauth?.resource ?? null,
    };
  }

  /** The values of a provider's custom headers (see headerSecrets.ts). */
  headerValues(p: StoredProvider): Promise<Record<string, string>> {
    return this.headers.values(p);
  }

  saveHeaderValues(providerId: string, values: Record<string, string>): Promise<void> {
    return this.headers.save(providerId, values);
  }

  deleteHeaderValues(providerId: string): Promise<void> {
    return this.headers.delete(providerId);
  }

  /** The request headers: custom ones first, then Authorization, which custom headers can never override. */
  async requestAuth(p: StoredProvider): Promise<Record<string, string>> {
    const headers: Record<string, string> = await this.headerValues(p);
    if (p.authKind === 'none') return headers;
    const stored = await this.read(p);
    if (stored === null || stored === '') throw this.missing(p);
    let token = stored;
    if (p.authKind === 'oauth') token = await this.oauthAccess(p, stored);
    if (p.authKind === 'jwt') {
      const decoded = decodeJwt(stored);
      const now = this.deps.now();
      if (decoded.ok && decoded.claims.expiresAt !== null && decoded.claims.expiresAt <= now) {
        throw new AppFailure(
          'auth_expired',
          `The access token for ${p.name} expired ${describeDuration(now - decoded.claims.expiresAt)} ago. Paste a new token or sign in again.`,
        );
      }
    }
    headers.Authorization = `Bearer ${token}`;
    return headers;
  }

  /** After a 401: an OAuth provider refreshes once and the caller retries once; anything else cannot recover. */
  async handleUnauthorized(p: StoredProvider): Promise<boolean> {
    if (p.authKind !== 'oauth' || this.refreshRefused.has(p.id)) return false;
    if (this.refresher.refreshedRecently(p.id)) return true;
    // At most one refresh per token: a token that a 401 just renewed and is refused too means
    // refreshing is not the cure (wrong audience, a policy), and every request would refresh again.
    const stored = await this.readQuietly(p);
    const current = stored === null ? null : parseOAuthTokens(stored);
    if (current && this.renewedAfter401.get(p.id) === fingerprint(current.access)) return false;
    try {
      const next = await this.refreshNow(p);
      this.renewedAfter401.set(p.id, fingerprint(next.access));
      return true;
    } catch {
      return false;
    }
  }

  /** The token's scopes; `null` for API keys and tokens without scope claims (nothing to filter by). */
  async scopes(p: StoredProvider): Promise<string[] | null> {
    if (p.authKind === 'api-key' || p.authKind === 'none') return null;
    const status = await this.status(p);
    return status.configured ? status.scopes : null;
  }
}
