import { createHash } from 'node:crypto';
import { AppFailure } from '../contract';
import type { OAuthTokens } from '../providers/credentials';
import { parseOAuthTokens, serializeOAuthTokens } from '../providers/credentials';
import type { FetchLike } from '../providers/http';
import type { SecretStore } from '../secrets/secretStore';
import { refreshGrant } from './tokenClient';

export interface RefreshTarget {
  providerId: string;
  tokenEndpoint: string | null;
  clientId: string | null;
  /** RFC 8707 resource indicator, sent again with every refresh. */
  resource: string | null;
}

/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const REFRESH_BEFORE_MS = 60_000;
/** …or, for short-lived tokens, when this fraction of the lifetime is left: a 60 s token is not renewed on every request. */
const REFRESH_FRACTION = 0.25;

/** How long before expiry to refresh: a minute, or a quarter of a shorter lifetime. */
export function refreshMargin(tokens: Pick<OAuthTokens, 'issuedAt' | 'expiresAt'>): number {
  if (tokens.issuedAt === null || tokens.expiresAt === null) return REFRESH_BEFORE_MS;
  const lifetime = tokens.expiresAt - tokens.issuedAt;
  return lifetime <= 0 ? 0 : Math.min(REFRESH_BEFORE_MS, lifetime * REFRESH_FRACTION);
}

/** Identifies an access token in memory without keeping it. */
export const fingerprint = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Two requests that both got a 401 within this window share one refresh. */
const RECENT_MS = 5_000;

/**
 * Refreshes OAuth tokens and stores the rotated pair. Servers that rotate refresh tokens accept
 * each one once, so concurrent callers share a single in-flight refresh per provider.
 */
export class TokenRefresher {
  private readonly inflight = new Map<string, Promise<OAuthTokens>>();
  private readonly refreshedAt = new Map<string, number>();

  constructor(private readonly deps: { fetch: FetchLike; secrets: SecretStore; now: () => number }) {}

  /** True when a refresh for this provider finished moments ago, so another 401 need not refresh again. */
  refreshedRecently(providerId: string): boolean {
    const at = this.refreshedAt.get(providerId);
    return at !== undefined && this.deps.now() - at < RECENT_MS;
  }

  refresh(target: RefreshTarget): Promise<OAuthTokens> {
    const running = this.inflight.get(target.providerId);
    if (running) return running;
    const task = this.run(target).finally(() => this.inflight.delete(target.providerId));
    this.inflight.set(target.providerId, task);
    return task;
  }

  private async run(target: RefreshTarget): Promise<OAuthTokens> {
    const stored = await this.deps.secrets.get(target.providerId);
    const current = stored === null ? null : parseOAuthTokens(stored);
    if (!current?.refresh) {
      throw new AppFailure(
        'auth_expired',
        'Your sign-in has expired and cannot be renewed automatically. Sign in again.',
      );
    }
    if (!target.tokenEndpoint) {
      throw new AppFailure(
        'auth_expired',
        'The token endpoint for this provider is unknown, so the sign-in cannot be renewed. Sign in again.',
      );
    }
    const next = await refreshGrant(
      this.deps.fetch,
      target.tokenEndpoint,
      current.refresh,
      target.clientId,
      this.deps.now(),
      target.resource,
    );
    await this.deps.secrets.set(target.providerId, serializeOAuthTokens(next));
    this.refreshedAt.set(target.providerId, this.deps.now());
    return next;
  }
}
