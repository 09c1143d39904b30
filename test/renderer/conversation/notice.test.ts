import { describe, expect, it } from 'vitest';
import type { AppError, Message } from '../../../main/contract';
import {
  abortedFailure,
  endedEarly,
  httpFailure,
  networkFailure,
} from '../../../main/chat/assembly/failures';
import { choicesNotice, noticeText } from '../../../renderer/src/store/conversation/errorText';
import { usageLineFigures } from '../../../renderer/src/parts/usage/usageLine';

const ctx = { host: 'api.example', model: 'm', authKind: 'jwt' as const, confidential: true };

/** Everything the failure notice under an answer shows, as one string. */
function shown(failure: AppError, status: Message['status']): string {
  const text = noticeText({ status, errorCode: failure.code, errorMessage: failure.message, content: '' });
  if (!text) throw new Error('no notice');
  return [text.heading, text.detail, text.hint].filter(Boolean).join(' ');
}

const times = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('the failure notice says once what happened and once what to do', () => {
  it('429: the wait appears once, with no second generic "wait a moment"', () => {
    const body = { error: { message: 'Rate limit reached for requests.', code: 'rate_limit_exceeded' } };
    const text = shown(httpFailure(429, JSON.stringify(body), { 'retry-after': '3' }, ctx, 0), 'error');
    expect(text).toBe(
      'Rate limited by the provider api.example answered 429: “Rate limit reached for requests.” Retry in 3 s.',
    );
    expect(times(text, /3 s|wait a moment/gi)).toBe(1);
  });

  it('402: "top up" appears once', () => {
    const text = shown(httpFailure(402, '{"error":"CreditsExhaustedError"}', {}, ctx, 0), 'error');
    expect(times(text, /top up/gi)).toBe(1);
    expect(text).toContain('CreditsExhaustedError');
  });

  it('a cut stream says the connection dropped, not that the provider could not be reached', () => {
    for (const failure of [endedEarly(ctx), networkFailure(new Error('socket hang up'), ctx, true)]) {
      const text = shown(failure, 'interrupted');
      expect(text).not.toMatch(/could not reach/i);
      expect(text).toMatch(/^Interrupted: the connection dropped/);
      expect(times(text, /connection/gi)).toBe(1);
      expect(times(text, /arrived is kept/gi)).toBe(1);
      expect(times(text, /continue/gi)).toBe(1);
    }
  });

  it('a stopped answer says "stopped" once and offers to continue', () => {
    const text = shown(abortedFailure, 'interrupted');
    expect(times(text, /stopped/gi)).toBe(1);
    expect(times(text, /continue/gi)).toBe(1);
  });

  it('an empty answer is shown as such, with the raw events one click away', () => {
    const text = noticeText({ status: 'error', errorCode: 'empty_answer', errorMessage: null, content: '' });
    expect(text?.heading).toBe('Empty answer');
  });

  it('says when fewer answers came than were asked for', () => {
    const meta = { choicesRequested: 3, choicesReceived: 1 } as Message['meta'];
    expect(choicesNotice(meta)).toBe('Asked for 3 answers, received 1.');
    expect(choicesNotice(null)).toBeNull();
  });
});

const usage = {
  promptTokens: 0,
  completionTokens: 0,
  reasoningTokens: null,
  totalTokens: 0,
  reported: false,
  creditsConsumed: null,
  creditsRemaining: null,
  cost: null,
};

describe('the usage line under an answer', () => {
  it('shows no token figures for a failed request that counted none (not "0 → 0 estimated")', () => {
    const f = usageLineFigures({ usage, meta: null });
    expect([f.promptTokens, f.completionTokens, f.estimated]).toEqual([null, null, false]);
  });

  it('shows cached and reasoning tokens apart, and a provider cost as the provider’s', () => {
    const f = usageLineFigures({
      usage: {
        ...usage,
        promptTokens: 100,
        completionTokens: 40,
        reasoningTokens: 12,
        cachedTokens: 64,
        reported: true,
        cost: 0.01,
        costSource: 'provider',
      },
      meta: null,
    });
    expect([f.cachedTokens, f.reasoningTokens, f.cost, f.costReported]).toEqual([64, 12, 0.01, true]);
  });

  it('with n > 1 shows the choice’s own completion tokens, else the shared figure marked shared', () => {
    const base = { ...usage, promptTokens: 10, completionTokens: 30, reported: true, choices: 3 };
    const own = usageLineFigures({ usage: { ...base, choiceCompletionTokens: 8 }, meta: null });
    expect([own.completionTokens, own.sharedBy]).toEqual([8, null]);
    const shared = usageLineFigures({ usage: { ...base, choiceCompletionTokens: null }, meta: null });
    expect([shared.completionTokens, shared.sharedBy]).toEqual([30, 3]);
  });
});
