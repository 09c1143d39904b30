import type { AuthKind } from '../../../main/contract';
import type { AppError, ErrorCode } from '../../../main/contract/errors';

/**
 * The whole UI's one way to put an error from main into words. `describeError` words it by its
 * stable code (never by message text); `failureLine` keeps main's own sentence, which is already
 * specific for refused calls, with the fields it named. Answer notices (store/conversation/
 * errorText.ts) word a *message's* stored failure and take `FixAction` from here.
 */

/** Where the user can fix it; `events`: the inspector's Request tab on this answer, with its raw events. */
export type FixAction = 'providers' | 'inspector' | 'events' | null;

export interface ErrorText {
  /** One line: what went wrong, in the user's terms. */
  title: string;
  /** What to do next, when there is something to do. */
  next: string | null;
  /** The screen that can fix it, offered as a toast's action. */
  fix: FixAction;
}

const FIX: Partial<Record<ErrorCode, FixAction>> = {
  auth_missing: 'providers',
  auth_expired: 'providers',
  scope_denied: 'inspector',
  empty_answer: 'events',
  invalid_request: 'inspector',
  not_found: 'inspector',
};

const hostOf = (error: AppError): string | null => error.detail?.host ?? null;

/** What renews a credential of this kind; "sign in" only where signing in is possible. */
function renewal(authKind: AuthKind | undefined): string {
  if (authKind === 'oauth') return 'Sign in again';
  if (authKind === 'jwt') return 'Paste a new token';
  if (authKind === 'api-key') return 'Paste a valid key';
  return 'Paste a new token or sign in again';
}

/**
 * Turns an error from main into words by its stable code; never inspects message text. Sign-in
 * and scope refusals carry main's own sentence, which says what actually happened.
 */
export function describeError(error: AppError, authKind?: AuthKind): ErrorText {
  return { ...words(error, authKind), fix: FIX[error.code] ?? null };
}

function words(error: AppError, authKind: AuthKind | undefined): Omit<ErrorText, 'fix'> {
  const host = hostOf(error);
  switch (error.code) {
    case 'auth_missing':
      return authKind === 'oauth'
        ? { title: error.message, next: null }
        : {
            title: 'No key or token is saved for this provider.',
            next: 'Paste one in the credential field, or sign in.',
          };
    case 'auth_expired':
      return authKind === 'oauth'
        ? { title: error.message, next: null }
        : {
            title: 'The provider rejected the token: it has expired or was revoked.',
            next: `${renewal(authKind)}.`,
          };
    case 'scope_denied': {
      const scope = error.detail?.scope;
      if (!scope) return { title: error.message, next: null };
      return {
        title: `Your token lacks the ${scope} scope this needs.`,
        next: authKind === 'oauth' ? `Sign in again granting ${scope}.` : `Use a token that grants ${scope}.`,
      };
    }
    case 'credits_exhausted':
      return { title: 'Your credit balance is used up.', next: 'Top up with the provider, then try again.' };
    case 'budget_exceeded':
      // Main's message names the budget, what it allows and when it resets.
      return { title: error.message, next: 'Raise the limit under Usage › Budgets, or send anyway once.' };
    case 'rate_limited': {
      const seconds = error.retryAfterMs !== undefined ? Math.ceil(error.retryAfterMs / 1000) : null;
      return {
        title: 'The provider is rate limiting requests.',
        next: seconds !== null ? `Try again in ${seconds} s.` : 'Wait a moment, then try again.',
      };
    }
    case 'network':
      return {
        title: host ? `Couldn’t reach ${host}.` : 'Couldn’t reach the provider.',
        next: 'Check the base URL, your connection, proxy and certificates.',
      };
    case 'timeout':
      return {
        title: host ? `${host} didn’t answer in time.` : 'The provider didn’t answer in time.',
        next: 'Try again, or raise the timeouts under Advanced.',
      };
    case 'provider_error': {
      const status = error.detail?.status;
      const said = error.detail?.providerMessage;
      return {
        title: `The provider answered with an error${status ? ` (HTTP ${status})` : ''}${said ? `: ${said}` : '.'}`,
        next: null,
      };
    }
    case 'keychain_unavailable':
      return {
        title: 'The OS keychain is unavailable, so the secret was not stored.',
        next: 'Unlock or install a keychain (Secret Service on Linux), then try again.',
      };
    case 'not_found':
      return { title: error.message || 'It no longer exists.', next: 'Reload the list.' };
    case 'invalid_request':
      return { title: error.message, next: null };
    case 'aborted':
      return { title: 'Cancelled.', next: null };
    case 'protocol_error':
      return { title: `The provider sent something unexpected: ${error.message}`, next: null };
    case 'empty_answer':
      return { title: 'The provider finished without any text.', next: 'Try again, or try another model.' };
    case 'database_damaged':
      return {
        title: 'Not saved: the database is damaged.',
        next: 'The banner at the top says how to start a new one.',
      };
    case 'internal':
      return { title: `Something went wrong inside LLM Desk: ${error.message}`, next: null };
  }
}

/** `describeError` in one line, its next step included. */
export function errorLine(error: AppError, authKind?: AuthKind): string {
  const text = describeError(error, authKind);
  return text.next ? `${text.title} ${text.next}` : text.title;
}

/**
 * Main's own message for a refused call, with the invalid fields it named: the first one for a
 * toast, every one (`all`) where a form shows them. An empty message falls back to the words by code.
 */
export function failureLine(error: AppError, issues: 'first' | 'all' = 'first'): string {
  const message = error.message || describeError(error).title;
  // Main's payload check already puts the first issue into its message: never say it twice.
  const listed = (error.detail?.issues ?? []).filter((i) => !message.includes(i.message));
  if (issues === 'all') return [message, ...listed.map((i) => `${i.path || '$'}: ${i.message}`)].join(' · ');
  const first = listed[0];
  return first ? `${message} (${first.path}: ${first.message})` : message;
}
