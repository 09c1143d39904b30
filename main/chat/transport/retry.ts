import { setTimeout as delay } from 'node:timers/promises';
import type { AppError } from '../../contract';
import { retryHint } from './headers';
import { retryReason } from '../assembly/failures';
import type { Sleep } from '../ports';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A provider asking for a longer wait than this is not retried automatically. */
  maxHintMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxHintMs: 60_000,
};

/** What the retry loop needs to know about one attempt. */
export interface AttemptLike {
  failure: AppError | null;
  /** Failed before any of the answer arrived (429, 5xx, network): safe to send again. */
  retryable: boolean;
  status: number | null;
  responseHeaders: Record<string, string>;
}

export interface RetryNotice {
  /** The attempt about to start (2 for the first retry). */
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface RetryOptions {
  policy?: RetryPolicy;
  signal: AbortSignal;
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  onRetry?: (notice: RetryNotice) => void;
  /** After a 401: refresh the credential; true means try once more. Called at most once. */
  onUnauthorized?: () => Promise<boolean>;
}

export interface RetryOutcome<T> {
  last: T;
  attempts: number;
  /** The user stopped while we were waiting to retry. */
  cancelled: boolean;
}

const abortableSleep: Sleep = async (ms, signal) => {
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller looks at the signal.
  }
};

/**
 * Equal-jitter exponential backoff (half fixed, half random, so retries from many clients spread
 * out but never collapse to zero), and never shorter than what the provider asked for.
 */
export function backoffDelay(
  failedAttempt: number,
  hintMs: number | null,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  if (hintMs !== null && hintMs > policy.maxHintMs) return null;
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = Math.round(exp / 2 + random() * (exp / 2));
  return hintMs === null ? jittered : Math.max(hintMs, jittered);
}

/**
 * Runs attempts until one is not worth repeating. Only failures before the first byte of an
 * answer are retried (the exchange says so through `retryable`); the wait is cancellable.
 */
export async function withRetries<T extends AttemptLike>(
  run: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<RetryOutcome<T>> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let refreshed = false;
  for (let attempt = 1; ; attempt += 1) {
    const last = await run(attempt);
    if (options.signal.aborted) return { last, attempts: attempt, cancelled: false };
    if (last.status === 401 && options.onUnauthorized && !refreshed) {
      refreshed = true;
      if (await options.onUnauthorized()) {
        options.onRetry?.({
          attempt: attempt + 1,
          delayMs: 0,
          reason: 'The token was refreshed; sending again.',
        });
        continue;
      }
    }
    if (!last.retryable || attempt >= policy.maxAttempts)
      return { last, attempts: attempt, cancelled: false };
    const hint = last.failure?.retryAfterMs ?? retryHint(last.responseHeaders, now());
    const wait = backoffDelay(attempt, hint, policy, random);
    if (wait === null) return { last, attempts: attempt, cancelled: false };
    options.onRetry?.({
      attempt: attempt + 1,
      delayMs: wait,
      reason: last.failure ? retryReason(last.failure) : 'The provider did not answer.',
    });
    await sleep(wait, options.signal);
    if (options.signal.aborted) return { last, attempts: attempt, cancelled: true };
  }
}
