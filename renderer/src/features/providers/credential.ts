import type { AuthKind, CredentialStatus } from '../../../../main/contract';
import { expiryState, formatCountdown } from '../../platform/time';

export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

export interface CredentialView {
  tone: Tone;
  headline: string;
  /** Countdown text when the credential has an expiry. */
  expiry: string | null;
  /** Extra sentence: what to do next. */
  next: string | null;
}

export const AUTH_KIND_LABELS: Record<AuthKind, string> = {
  jwt: 'Access token (JWT)',
  'api-key': 'API key',
  oauth: 'Sign in (OAuth)',
  none: 'No authentication',
};

const SECRET_NOUN: Record<AuthKind, string> = {
  jwt: 'access token',
  'api-key': 'API key',
  oauth: 'sign-in',
  none: 'credential',
};

export function secretNoun(kind: AuthKind): string {
  return SECRET_NOUN[kind];
}

/** What the credential section says about the stored secret, given the clock. */
export function credentialView(status: CredentialStatus, authKind: AuthKind, now: number): CredentialView {
  if (authKind === 'none')
    return { tone: 'ok', headline: 'This provider needs no credential.', expiry: null, next: null };
  if (!status.configured) {
    return {
      tone: 'muted',
      headline: authKind === 'oauth' ? 'Not signed in.' : `No ${SECRET_NOUN[authKind]} saved.`,
      expiry: null,
      next:
        authKind === 'oauth'
          ? 'Sign in to fetch models and chat.'
          : `Paste your ${SECRET_NOUN[authKind]} below.`,
    };
  }
  if (status.problem) {
    return {
      tone: 'danger',
      headline: status.problem,
      expiry: null,
      next:
        authKind === 'oauth'
          ? 'Sign in again to replace it.'
          : `Paste a valid ${SECRET_NOUN[authKind]} to replace it.`,
    };
  }
  const state = expiryState(status.expiresAt, now);
  const expiry = status.expiresAt === null ? null : formatCountdown(status.expiresAt, now);
  const saved = authKind === 'oauth' ? 'Signed in' : `${capitalise(SECRET_NOUN[authKind])} saved`;
  switch (state) {
    case 'expired':
      return {
        tone: 'danger',
        headline: 'expired — paste a new token or sign in again',
        expiry,
        next:
          authKind === 'oauth'
            ? 'Sign in again to continue.'
            : 'Requests are refused until the token is replaced.',
      };
    case 'soon':
      return {
        tone: 'warn',
        headline: `${saved}, but it ${expiry ?? 'expires soon'}.`,
        expiry,
        next:
          authKind === 'oauth'
            ? 'LLM Desk refreshes it before it expires.'
            : 'Replace it soon to avoid failed requests.',
      };
    case 'ok':
    case 'none':
      return { tone: 'ok', headline: `${saved}.`, expiry, next: null };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
