import { z } from 'zod';
import type { AuthKind, CredentialStatus } from '../contract';
import { decodeJwt, describeDuration } from '../models/jwt';

/** What an OAuth sign-in leaves in the provider's single keychain entry. */
export const OAuthTokens = z.object({
  access: z.string().min(1),
  refresh: z.string().min(1).nullable().default(null),
  /** Milliseconds since the epoch; `null` when the server said nothing about expiry. */
  expiresAt: z.number().nullable().default(null),
  /** The `scope` the token endpoint granted, used when the access token is opaque. */
  scope: z.string().nullable().default(null),
  /** When the access token was issued (ms), so a refresh can be timed by its lifetime. */
  issuedAt: z.number().nullable().default(null),
});
export type OAuthTokens = z.infer<typeof OAuthTokens>;

export function parseOAuthTokens(text: string): OAuthTokens | null {
  try {
    const parsed = OAuthTokens.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const serializeOAuthTokens = (tokens: z.input<typeof OAuthTokens>): string =>
  JSON.stringify({ issuedAt: null, ...tokens });

/** Everything the app may remember about a secret without remembering the secret. */
export interface SecretFacts {
  configured: boolean;
  hint: string | null;
  scopes: string[] | null;
  expiresAt: number | null;
  subject: string | null;
  /** A problem with the stored value itself (malformed token, unreadable or revoked sign-in). */
  problem: string | null;
  /** OAuth only: a refresh token exists, so expiry is handled without the user. */
  refreshable: boolean;
}

export const NO_SECRET: SecretFacts = {
  configured: false,
  hint: null,
  scopes: null,
  expiresAt: null,
  subject: null,
  problem: null,
  refreshable: false,
};

/** `…a1b2`: enough to tell two keys apart; short secrets show nothing at all. */
export function maskHint(secret: string): string | null {
  const trimmed = secret.trim();
  return trimmed.length >= 12 ? `…${trimmed.slice(-4)}` : null;
}

function tokenFacts(token: string, base: Omit<SecretFacts, 'hint'>): SecretFacts {
  const decoded = decodeJwt(token);
  const facts: SecretFacts = { ...base, hint: maskHint(token) };
  if (!decoded.ok) return { ...facts, problem: base.problem ?? `malformed token: ${decoded.problem}` };
  return {
    ...facts,
    scopes: decoded.claims.scopes ?? base.scopes,
    expiresAt: decoded.claims.expiresAt ?? base.expiresAt,
    subject: decoded.claims.subject,
  };
}

/** Derives the facts for a stored secret of the given auth kind; never throws on bad input. */
export function secretFacts(kind: AuthKind, stored: string | null): SecretFacts {
  if (stored === null || stored === '') return NO_SECRET;
  const base = { ...NO_SECRET, configured: true };
  if (kind === 'api-key' || kind === 'none') return { ...base, hint: maskHint(stored) };
  if (kind === 'jwt') return tokenFacts(stored, base);
  const tokens = parseOAuthTokens(stored);
  if (!tokens) return { ...base, problem: 'the saved sign-in is unreadable; sign in again' };
  const granted = tokens.scope === null ? null : tokens.scope.split(/\s+/).filter((s) => s !== '');
  const facts = tokenFacts(tokens.access, {
    ...base,
    scopes: granted,
    expiresAt: tokens.expiresAt,
    refreshable: tokens.refresh !== null,
  });
  // An opaque access token is normal for OAuth; only JWT-shaped claims are read from it.
  return facts.problem?.startsWith('malformed token') ? { ...facts, problem: null } : facts;
}

const WARN_BEFORE_MS = 5 * 60_000;

function problemOf(kind: AuthKind, facts: SecretFacts, now: number): string | null {
  if (!facts.configured) return null;
  if (facts.problem) return facts.problem;
  if (facts.expiresAt === null || facts.refreshable) return null;
  const left = facts.expiresAt - now;
  const next = kind === 'oauth' ? 'sign in again' : 'paste a new token';
  if (left <= 0) return `expired ${describeDuration(left)} ago: ${next}`;
  if (left <= WARN_BEFORE_MS) return `expires in ${describeDuration(left)}: ${next} soon`;
  return null;
}

export function credentialStatus(
  kind: AuthKind,
  facts: SecretFacts,
  keychainAvailable: boolean,
  now: number,
): CredentialStatus {
  const keychainProblem = keychainAvailable
    ? null
    : 'The OS keychain is unavailable: keys and tokens cannot be saved or read until it is unlocked or started.';
  return {
    configured: facts.configured,
    kind,
    hint: facts.hint,
    scopes: kind === 'api-key' || kind === 'none' ? null : facts.scopes,
    expiresAt: facts.expiresAt,
    subject: facts.subject,
    problem: problemOf(kind, facts, now) ?? keychainProblem,
    keychainAvailable,
  };
}
