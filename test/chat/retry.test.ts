import { describe, expect, it } from 'vitest';
import { parseDuration, parseRetryAfter, redactHeaders, retryHint } from '../../main/chat/transport/headers';
import type { AttemptLike } from '../../main/chat/transport/retry';
import { backoffDelay, defaultRetryPolicy, withRetries } from '../../main/chat/transport/retry';

const failed = (
  status: number | null,
  headers: Record<string, string> = {},
  retryable = true,
): AttemptLike => ({
  failure: { code: status === 429 ? 'rate_limited' : 'provider_error', message: `failed ${status}` },
  retryable,
  status,
  responseHeaders: headers,
});
const ok: AttemptLike = { failure: null, retryable: false, status: 200, responseHeaders: {} };

describe('reading how long to wait', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['250ms', 250],
    ['1h2m3.5s', 3_723_500],
    ['0.5', 500],
    ['soon', null],
    ['1s junk', null],
  ])('parses the rate-limit reset %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('whenever', now)).toBeNull();
  });

  it('prefers Retry-After, then the reset of the limit that is used up', () => {
    expect(retryHint({ 'retry-after': '2', 'x-ratelimit-reset-requests': '9s' }, 0)).toBe(2000);
    const headers = {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-remaining-tokens': '9000',
      'x-ratelimit-reset-tokens': '6m0s',
    };
    expect(retryHint(headers, 0)).toBe(1000);
    expect(retryHint({ 'x-ratelimit-reset-tokens': '250ms' }, 0)).toBe(250);
    expect(retryHint({}, 0)).toBeNull();
  });

  it('never keeps a credential in the stored request headers', () => {
    const shown = redactHeaders(
      {
        authorization: 'Bearer eyJhbGciOi.secret',
        'x-api-key': 'sk-123',
        'x-team': 'blue',
        'x-custom-token': 'abc',
      },
      { authorization: 'Bearer eyJhbGciOi.secret' },
    );
    expect(shown).toEqual({
      authorization: 'Bearer $API_KEY',
      'x-api-key': '$X_API_KEY',
      'x-team': 'blue',
      'x-custom-token': '$X_CUSTOM_TOKEN',
    });
  });
});

describe('retrying before the answer starts', () => {
  it('backs off exponentially with jitter, never below what the provider asked', () => {
    const policy = defaultRetryPolicy;
    expect(backoffDelay(1, null, policy, () => 0)).toBe(250);
    expect(backoffDelay(1, null, policy, () => 0.999)).toBe(500);
    expect(backoffDelay(3, null, policy, () => 0)).toBe(1000);
    expect(backoffDelay(1, 4000, policy, () => 0.5)).toBe(4000);
    expect(backoffDelay(1, 120_000, policy, () => 0.5)).toBeNull();
    expect(backoffDelay(20, null, policy, () => 1)).toBe(policy.maxDelayMs);
  });

  it('retries 429 and 5xx with the announced delays, then gives the last answer', async () => {
    const slept: number[] = [];
    const notices: number[] = [];
    const answers = [failed(429, { 'retry-after': '1' }), failed(500), ok];
    const outcome = await withRetries(async (attempt) => answers[attempt - 1] ?? ok, {
      signal: new AbortController().signal,
      random: () => 0,
      sleep: async (ms) => {
        slept.push(ms);
      },
      onRetry: (n) => notices.push(n.delayMs),
    });
    expect(outcome).toEqual({ last: ok, attempts: 3, cancelled: false });
    expect(slept).toEqual([1000, 500]);
    expect(notices).toEqual(slept);
  });

  it('does not retry what is not retryable, and stops after the last attempt', async () => {
    let calls = 0;
    const once = await withRetries(
      async () => {
        calls += 1;
        return failed(400, {}, false);
      },
      { signal: new AbortController().signal, sleep: async () => undefined },
    );
    expect([once.attempts, calls]).toEqual([1, 1]);
    const many = await withRetries(async () => failed(503), {
      signal: new AbortController().signal,
      sleep: async () => undefined,
    });
    expect(many.attempts).toBe(defaultRetryPolicy.maxAttempts);
  });

  it('can be cancelled while waiting', async () => {
    const controller = new AbortController();
    const outcome = await withRetries(async () => failed(429, { 'retry-after': '30' }), {
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.attempts).toBe(1);
  });

  it('after a 401 refreshes the credential once and tries once more', async () => {
    let refreshes = 0;
    const outcome = await withRetries(async () => failed(401, {}, false), {
      signal: new AbortController().signal,
      onUnauthorized: async () => {
        refreshes += 1;
        return true;
      },
    });
    expect(refreshes).toBe(1);
    expect(outcome.attempts).toBe(2);
  });
});
