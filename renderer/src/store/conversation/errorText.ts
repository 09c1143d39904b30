import type { ErrorCode, Message } from '../../../../main/contract';
import type { FixAction } from '../../platform/describeError';

export type { FixAction };

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
  budget_exceeded: {
    title: 'A budget stopped this send',
    hint: 'Raise the budget under Usage, wait until it resets, or send anyway once.',
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
  empty_answer: {
    title: 'Empty answer',
    hint: 'The provider finished without any text. Retry, or see the raw events in the inspector.',
    fix: 'events',
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
  // The provider was reached: a connection that broke mid-answer is not "could not reach".
  if (message.errorCode === 'network' && message.status === 'interrupted')
    return {
      title: 'The connection dropped',
      hint: 'What arrived is kept. Continue to let the model finish.',
      fix: null,
    };
  if (message.errorCode) return BY_CODE[message.errorCode];
  return message.status === 'interrupted'
    ? {
        title: 'The answer was cut off',
        hint: 'What arrived is kept. Continue to let the model finish.',
        fix: null,
      }
    : { title: 'The request failed', hint: 'Retry, or try another model.', fix: null };
}

export interface NoticeText {
  /** What happened, in a few words. */
  heading: string;
  /** Main's message: the provider's words, and what to do, said once. */
  detail: string | null;
  /** Our own advice, only when main said nothing (its message already says what to do). */
  hint: string | null;
}

/**
 * The words of an answer's failure notice. Main's message already says what to do, so the
 * generic hint is shown only when there is no message: the same advice never appears twice.
 */
export function noticeText(
  message: Pick<Message, 'status' | 'errorCode' | 'errorMessage' | 'content'>,
): NoticeText | null {
  const explanation = explainMessage(message);
  if (!explanation) return null;
  const stopped = message.status === 'error' || message.errorCode === 'aborted';
  const heading = stopped ? explanation.title : `Interrupted: ${explanation.title.toLowerCase()}`;
  const detail =
    message.errorMessage && message.errorMessage !== explanation.title ? message.errorMessage : null;
  return { heading, detail, hint: detail === null ? explanation.hint : null };
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

/** "Asked for 3 answers, received 1": a provider that sent fewer choices than `n`. */
export function choicesNotice(meta: Message['meta']): string | null {
  const requested = meta?.choicesRequested;
  const received = meta?.choicesReceived;
  if (requested === undefined || received === undefined || received >= requested) return null;
  return `Asked for ${requested} answers, received ${received}.`;
}

/** "not sent: logprobs — this model doesn't support them" */
export function droppedNotice(fields: readonly string[]): string | null {
  if (fields.length === 0) return null;
  const reasons = new Set(fields.map((f) => DROPPED_REASON[f] ?? "this model doesn't support them"));
  return `Not sent: ${fields.join(', ')} — ${[...reasons].join('; ')}`;
}
