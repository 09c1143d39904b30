import { describe, expect, it } from 'vitest';
import { describeError, failureLine } from '../../../renderer/src/platform/describeError';
import {
  canContinue,
  droppedNotice,
  explainMessage,
} from '../../../renderer/src/store/conversation/errorText';

describe('why an answer stopped, in the user’s words', () => {
  it('explains failures by error code and says what to do', () => {
    const e = explainMessage({ status: 'error', errorCode: 'auth_missing', errorMessage: null, content: '' });
    expect(e?.title).toBe('No key or sign-in for this provider');
    expect(e?.fix).toBe('providers');
    expect(
      explainMessage({
        status: 'error',
        errorCode: 'credits_exhausted',
        errorMessage: 'CreditsExhaustedError',
        content: '',
      })?.title,
    ).toBe('Out of credits');
  });

  it('says nothing about answers that completed or are still streaming', () => {
    expect(
      explainMessage({ status: 'complete', errorCode: null, errorMessage: null, content: 'x' }),
    ).toBeNull();
    expect(
      explainMessage({ status: 'streaming', errorCode: null, errorMessage: null, content: 'x' }),
    ).toBeNull();
  });

  it('explains an interruption without a code as a cut-off answer', () => {
    expect(
      explainMessage({ status: 'interrupted', errorCode: null, errorMessage: null, content: 'part' })?.title,
    ).toBe('The answer was cut off');
  });

  it('offers Continue for interrupted answers only', () => {
    expect(canContinue({ role: 'assistant', status: 'interrupted' })).toBe(true);
    expect(canContinue({ role: 'assistant', status: 'error' })).toBe(false);
    expect(canContinue({ role: 'user', status: 'interrupted' })).toBe(false);
  });

  it('names the fields a model could not take', () => {
    expect(droppedNotice(['logprobs', 'top_logprobs'])).toBe(
      "Not sent: logprobs, top_logprobs — this model doesn't support them",
    );
    expect(droppedNotice(['tools'])).toBe("Not sent: tools — this model doesn't support tools");
    expect(droppedNotice([])).toBeNull();
  });

  it('puts the first invalid field into a failed call’s message', () => {
    const error = {
      code: 'invalid_request' as const,
      message: 'Invalid parameters',
      detail: { issues: [{ path: 'temperature', message: 'must be ≤ 2' }] },
    };
    expect(failureLine(error)).toBe('Invalid parameters (temperature: must be ≤ 2)');
    expect(describeError(error).fix).toBe('inspector');
  });
});
