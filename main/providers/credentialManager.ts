import type { CredentialStatus, OAuthConfig } from '../contract';
import { AppFailure } from '../contract';
import { decodeJwt, describeDuration } from '../models/jwt';
import { TokenRefresher } from '../oauth/refresher';
import { runSignIn } from '../oauth/signIn';
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
import type { FetchLike } from './http';
import type { StoredProvider } from './repo';

export interface CredentialDeps {
  secrets: SecretStore;
  fetch: FetchLike;
  openExternal: (url: string) => Promise<void>;
  now: () => number;
  signInTimeoutMs: number;
  /** Called when a provider's credential changed outside a direct request (e.g. a background refresh). */
  changed: (providerId: string) => void;
}

/** The keychain account holding a provider's custom header values (JSON), beside its credential. */
export const headersAccount = (providerId: string): string => `${providerId}#headers`;

/** Header values an older version kept in the database, still there until they are moved. */
export function legacyHeaderValues(p: StoredProvider): Record<string, string> {
  return Object.fromEntries(Object.entries(p.headers).filter(([, value]) => value !== ''));
}

function parseHeaderValues(text: string | null): Record<string, string> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const REFRESH_BEFORE_MS = 60_000;

/**
 * Everything that touches a provider's secret: the keychain entry, the derived status, the
 * Authorization header, OAuth sign-in, refresh and sign-out. The secret itself is only held for
 * the duration of a call; what is cached is `SecretFacts` (hint, scopes, expiry), never the value.
 */
export class CredentialManager {
  private readonly facts = new Map<string, SecretFacts>();
  private keychainAvailable = true;
  private readonly refresher: TokenRefresher;
  private readonly signIns = new Map<string, AbortController>();
  /** Providers whose refresh token the server no longer accepts, until the next sign-in or new secret. */
  private readonly refreshRefused = new Set<string>();

  constructor(private readonly deps: CredentialDeps) {
    this.refresher = new TokenRefresher({ fetch: deps.fetch, secrets: deps.secrets, now: deps.now });
  }

  /** Status from what is cached; exact after `status()` or any write for this provider. */
  cachedStatus(p: StoredProvider): CredentialStatus {
    const status = credentialStatus(
      p.authKind,
      this.facts.get(p.id) ?? NO_SECRET,
      this.keychainAvailable,
      this.deps.now(),
    );
    if (!status.configured || !this.refreshRefused.has(p.id)) return status;
    return { ...status, problem: 'your sign-in expired or was revoked: sign in again' };
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
    if (p.authKind !== 'oauth') return this.store(p, value);
    // A pasted access token for an OAuth provider works until it expires; it cannot be refreshed.
    const decoded = decodeJwt(value);
    const tokens: OAuthTokens = {
      access: value,
      refresh: null,
      expiresAt: decoded.ok ? decoded.claims.expiresAt : null,
      scope: null,
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
          now: this.deps.now,
          timeoutMs: this.deps.signInTimeoutMs,
        },
        { config: p.oauth, baseUrl: p.baseUrl, signal: abort.signal },
      );
      const { endpoints } = outcome;
      const saved = saveOAuth({
        scopes: p.oauth?.scopes ?? '',
        ...(endpoints.issuer
          ? { issuer: endpoints.issuer }
          : p.oauth?.issuer
            ? { issuer: p.oauth.issuer }
            : {}),
        authorizationEndpoint: endpoints.authorizationEndpoint,
        tokenEndpoint: endpoints.tokenEndpoint,
        ...(endpoints.registrationEndpoint ? { registrationEndpoint: endpoints.registrationEndpoint } : {}),
        ...(endpoints.revocationEndpoint ? { revocationEndpoint: endpoints.revocationEndpoint } : {}),
        clientId: outcome.clientId,
      });
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
    if (tokens.expiresAt === null || tokens.expiresAt - now > REFRESH_BEFORE_MS) return tokens.access;
    if (tokens.refresh) {
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
      `The access token for ${p.name} expired ${describeDuration(now - tokens.expiresAt)} ago. Paste a new token or sign in again.`,
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

  private refreshTarget(p: StoredProvider): {
    providerId: string;
    tokenEndpoint: string | null;
    clientId: string | null;
  } {
    return {
      providerId: p.id,
      tokenEndpoint: p.oauth?.tokenEndpoint ?? null,
      clientId: p.oauth?.clientId ?? null,
    };
  }

  /**
   * The values of a provider's custom headers, from the keychain (or from the database where an
   * older version left them and the keychain cannot be reached to move them).
   */
  async headerValues(p: StoredProvider): Promise<Record<string, string>> {
    const names = Object.keys(p.headers);
    if (names.length === 0) return {};
    const legacy = legacyHeaderValues(p);
    let saved: Record<string, string> = {};
    try {
      saved = parseHeaderValues(await this.deps.secrets.get(headersAccount(p.id)));
    } catch (error) {
      if (!names.every((name) => name in legacy)) throw error;
    }
    return Object.fromEntries(names.map((name) => [name, saved[name] ?? legacy[name] ?? '']));
  }

  /** Saves (or, with none, deletes) the custom header values; refuses when no keychain is reachable. */
  async saveHeaderValues(providerId: string, values: Record<string, string>): Promise<void> {
    if (Object.keys(values).length === 0) {
      await this.deleteHeaderValues(providerId);
      return;
    }
    await this.deps.secrets.set(headersAccount(providerId), JSON.stringify(values));
  }

  async deleteHeaderValues(providerId: string): Promise<void> {
    if (await this.deps.secrets.available()) await this.deps.secrets.delete(headersAccount(providerId));
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
    if (p.authKind !== 'oauth') return false;
    if (this.refresher.refreshedRecently(p.id)) return true;
    try {
      await this.refreshNow(p);
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
