import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../main/contract/errors';
import { describeError, errorLine, failureLine } from '../../../renderer/src/platform/describeError';

describe('errors from main, in words', () => {
  it('names the missing scope', () => {
    const text = describeError({ code: 'scope_denied', message: 'x', detail: { scope: 'llm-confidential' } });
    expect(text.title).toContain('llm-confidential');
  });

  it('names the host that could not be reached or timed out', () => {
    expect(
      describeError({ code: 'network', message: 'x', detail: { host: 'api.galadriel.com' } }).title,
    ).toBe('Couldn’t reach api.galadriel.com.');
    expect(describeError({ code: 'timeout', message: 'x', detail: { host: 'llm.example' } }).title).toContain(
      'llm.example',
    );
  });

  it('gives the next step for a rejected token and exhausted credits', () => {
    expect(describeError({ code: 'auth_expired', message: 'x' }).next).toBe(
      'Paste a new token or sign in again.',
    );
    expect(describeError({ code: 'credits_exhausted', message: 'x' }).title).toContain('credit');
  });

  it('says when to retry after rate limiting', () => {
    expect(errorLine({ code: 'rate_limited', message: 'x', retryAfterMs: 11_200 })).toContain('12 s');
  });

  it('has words for every error code', () => {
    for (const code of ERROR_CODES) {
      const text = describeError({ code, message: 'message from main' });
      expect(text.title.length).toBeGreaterThan(0);
    }
  });

  it('keeps main’s own sentence for a refused call, with the fields it named', () => {
    const refused = {
      code: 'invalid_request' as const,
      message: 'The tool was not saved',
      detail: {
        issues: [
          { path: '/name', message: 'use 1–64 letters' },
          { path: '', message: 'parameters must be an object' },
        ],
      },
    };
    expect(failureLine(refused, 'all')).toBe(
      'The tool was not saved · /name: use 1–64 letters · $: parameters must be an object',
    );
    expect(failureLine(refused)).toBe('The tool was not saved (/name: use 1–64 letters)');
    expect(failureLine({ code: 'credits_exhausted', message: '' })).toBe('Your credit balance is used up.');
    // Main's payload check names the first issue in its message already.
    const payload = {
      code: 'invalid_request' as const,
      message: 'settings.systemPrompt: Too big',
      detail: { issues: [{ path: 'settings.systemPrompt', message: 'Too big' }] },
    };
    expect(failureLine(payload)).toBe('settings.systemPrompt: Too big');
  });

  it('offers the screen that can fix it', () => {
    expect(describeError({ code: 'auth_missing', message: 'x' }).fix).toBe('providers');
    expect(describeError({ code: 'empty_answer', message: 'x' }).fix).toBe('events');
    expect(describeError({ code: 'network', message: 'x' }).fix).toBeNull();
  });
});
