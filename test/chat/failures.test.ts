import { describe, expect, it } from 'vitest';
import { frameFailure, httpFailure } from '../../main/chat/assembly/failures';
import { parseProviderError } from '../../main/chat/assembly/shapes';

const ctx = { host: 'api.example', model: 'm', authKind: 'api-key' as const, confidential: false };
const contextLength = {
  error: {
    message: "This model's maximum context length is 8192 tokens. Please reduce the length of the messages.",
    type: 'invalid_request_error',
    param: 'messages',
    code: 'context_length_exceeded',
  },
};

/** The same error as an HTTP status, a 200 whose body is the error, and a frame mid-stream. */
function everywhere(body: unknown, status: number) {
  return {
    http: httpFailure(status, JSON.stringify(body), {}, ctx, 0),
    body: frameFailure(parseProviderError(body), ctx, false),
    frame: frameFailure(parseProviderError(body), ctx, true),
  };
}

describe('a provider error reads the same wherever it arrives', () => {
  it('gives a context-length error invalid_request over HTTP, in a 200 body and mid-stream', () => {
    const { http, body, frame } = everywhere(contextLength, 400);
    expect([http.code, body.code, frame.code]).toEqual([
      'invalid_request',
      'invalid_request',
      'invalid_request',
    ]);
    for (const failure of [http, body, frame]) {
      expect(failure.message).toContain('maximum context length is 8192 tokens');
      expect(failure.message).toContain('Shorten the conversation');
    }
  });

  it('classifies rate limits, credits and server failures the same way in every place', () => {
    const cases = [
      [
        { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } },
        429,
        'rate_limited',
      ],
      [{ error: 'CreditsExhaustedError' }, 402, 'credits_exhausted'],
      [{ error: { message: 'boom', type: 'server_error', code: null } }, 500, 'provider_error'],
    ] as const;
    for (const [errorBody, status, code] of cases) {
      const { http, body, frame } = everywhere(errorBody, status);
      expect([http.code, body.code, frame.code]).toEqual([code, code, code]);
    }
  });

  it("keeps the provider's message when it sits beside an error name", () => {
    const said = { error: 'TypeError', message: "Cannot read properties of undefined (reading 'choices')" };
    const { http, body } = everywhere(said, 500);
    for (const failure of [http, body]) {
      expect(failure.message).toContain("Cannot read properties of undefined (reading 'choices')");
      expect(failure.detail?.providerMessage).toContain('TypeError');
    }
  });

  it('says "what arrived is kept" only when something had arrived', () => {
    const { http, body, frame } = everywhere(contextLength, 400);
    expect(http.message).not.toMatch(/arrived is kept/);
    expect(body.message).not.toMatch(/arrived is kept/);
    expect(frame.message).toMatch(/What arrived is kept/);
  });

  it('says what to do once: a 429 names its wait once, a 402 says top up once', () => {
    const rate = httpFailure(
      429,
      JSON.stringify({ error: { message: 'Rate limit reached.', code: 'rate_limit_exceeded' } }),
      { 'retry-after': '3' },
      ctx,
      0,
    );
    expect(rate.message).toBe('api.example answered 429: “Rate limit reached.” Retry in 3 s.');
    const credits = httpFailure(402, JSON.stringify({ error: 'CreditsExhaustedError' }), {}, ctx, 0);
    expect(credits.message.match(/top up/gi)).toHaveLength(1);
  });
});
