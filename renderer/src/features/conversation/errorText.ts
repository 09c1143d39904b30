import type { AppError, ErrorCode, Message } from '../../../../main/contract';

export type FixAction = 'providers' | 'inspector' | null;

export interface ErrorExplanation {
  title: string;
  /** What the user can do about it. */
  hint: string;
  fix: FixAction;
}

const BY_CODE: Record<ErrorCode, ErrorExplanation> = {
  auth_missing: {
    title: 'No key or sign-in for this provider',
    hint: 'Add a key or sign in under Providers, then retry.',
    fix: 'providers',
  },
  auth_expired: {
    title: 'The sign-in expired',
    hint: 'Sign in again under Providers, then retry.',
    fix: 'providers',
  },
  scope_denied: {
    title: "Your token's scope does not allow this model",
    hint: 'Pick a model your token allows, or use a token with a wider scope.',
    fix: 'inspector',
  },
  credits_exhausted: {
    title: 'Out of credits',
    hint: 'Top up the balance with the provider, then retry.',
    fix: null,
  },
  rate_limited: { title: 'Rate limited by the provider', hint: 'Wait a moment and retry.', fix: null },
  network: {
    title: 'Could not reach the provider',
    hint: 'Check the connection and the base URL, then retry.',
    fix: null,
  },
  timeout: {
    title: 'The provider stopped answering',
    hint: 'What arrived is kept. Continue or retry.',
    fix: null,
  },
  provider_error: {
    title: 'The provider returned an error',
    hint: 'Retry, or try another model.',
    fix: null,
  },
  protocol_error: {
    title: 'The provider sent something unreadable',
    hint: 'What arrived is kept. Retry, or try another model.',
    fix: null,
  },
  invalid_request: {
    title: 'The request was refused as invalid',
    hint: 'Check the parameters in the inspector.',
    fix: 'inspector',
  },
  aborted: {
    title: 'Stopped before the end',
    hint: 'What arrived is kept. Continue to let the model finish.',
    fix: null,
  },
  not_found: { title: 'Not found', hint: 'The model or thread no longer exists.', fix: 'inspector' },
  keychain_unavailable: {
    title: 'The system keychain is unavailable',
    hint: 'Unlock the keychain, then retry.',
    fix: null,
  },
  database_damaged: {
    title: 'Not saved: the database is damaged',
    hint: 'The banner at the top says where its copy is kept and how to start a new database.',
    fix: null,
  },
  internal: {
    title: 'Something went wrong in the app',
    hint: 'Retry; if it keeps happening, restart the app.',
    fix: null,
  },
};

/**
 * Why an answer is interrupted or failed, in the user's terms: the title by error code, the
 * provider's own words (errorMessage) kept beside it.
 */
export function explainMessage(
  message: Pick<Message, 'status' | 'errorCode' | 'errorMessage' | 'content'>,
): ErrorExplanation | null {
  if (message.status !== 'interrupted' && message.status !== 'error') return null;
  if (message.errorCode) return BY_CODE[message.errorCode];
  return message.status === 'interrupted'
    ? {
        title: 'The answer was cut off',
        hint: 'What arrived is kept. Continue to let the model finish.',
        fix: null,
      }
    : { title: 'The request failed', hint: 'Retry, or try another model.', fix: null };
}

/** An interrupted answer can be continued (with nothing arrived yet, main simply asks again). */
export function canContinue(message: Pick<Message, 'status' | 'role'>): boolean {
  return message.role === 'assistant' && message.status === 'interrupted';
}

const DROPPED_REASON: Record<string, string> = {
  logprobs: "this model doesn't support them",
  top_logprobs: "this model doesn't support them",
  tools: "this model doesn't support tools",
  tool_choice: "this model doesn't support tools",
  parallel_tool_calls: "this model doesn't support tools",
  response_format: "this model doesn't support structured output",
};

/** "not sent: logprobs — this model doesn't support them" */
export function droppedNotice(fields: readonly string[]): string | null {
  if (fields.length === 0) return null;
  const reasons = new Set(fields.map((f) => DROPPED_REASON[f] ?? "this model doesn't support them"));
  return `Not sent: ${fields.join(', ')} — ${[...reasons].join('; ')}`;
}

/** A failed call in one line for a toast: main's message, the first invalid field named. */
export function describeError(error: AppError): { message: string; fix: FixAction } {
  const issue = error.detail?.issues?.[0];
  const detail = issue ? ` (${issue.path}: ${issue.message})` : '';
  const message = error.message || BY_CODE[error.code].title;
  return { message: `${message}${detail}`, fix: BY_CODE[error.code].fix };
}
