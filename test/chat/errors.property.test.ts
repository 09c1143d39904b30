import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refusedOutright } from '../../main/chat/assembly/accounting';
import { StreamAssembler } from '../../main/chat/assembly/assembler';
import type { ExchangeResult } from '../../main/chat/transport/attempt';
import { runExchange } from '../../main/chat/transport/attempt';
import type { ErrorCode } from '../../main/contract';
import { splitAt, toSse } from './support/bytes';
import { completionArb, streamPayloads } from './support/completions';
import { fakeFetch } from './support/fakeFetch';

/**
 * The same provider error, in any of the shapes providers use, must get the same code and keep
 * the provider's words whether it comes as an HTTP status, a 200 body or a frame mid-stream.
 */

const context = { host: 'provider.test', model: 'm', authKind: 'api-key' as const, confidential: false };
const timeouts = { connectMs: 5000, firstByteMs: 5000, idleMs: 5000 };

interface Kind {
  code: ErrorCode;
  status: number;
  name: string;
  type: string;
}

const KINDS: Kind[] = [
  { code: 'invalid_request', status: 400, name: 'context_length_exceeded', type: 'invalid_request_error' },
  { code: 'rate_limited', status: 429, name: 'rate_limit_exceeded', type: 'requests' },
  { code: 'credits_exhausted', status: 402, name: 'insufficient_quota', type: 'insufficient_quota' },
  { code: 'provider_error', status: 500, name: 'internal_error', type: 'server_error' },
];

const words = fc
  .array(fc.constantFrom('model', 'GPU', 'überlastet', '東京', 'failed', 'x1', '😀', 'limit'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((w) => `upstream ${w.join(' ')}`);

/** `{"error": {...}}`, `{"error": "Name", "message": …}` or vLLM's `{"object": "error", …}`. */
const errorBody = (kind: Kind, message: string, form: number): unknown =>
  form === 0
    ? { error: { message, type: kind.type, code: kind.name, param: null } }
    : form === 1
      ? { error: kind.name, message }
      : { object: 'error', message, type: kind.type, code: kind.name };

async function exchange(chunks: Uint8Array[], status: number, contentType: string): Promise<ExchangeResult> {
  return runExchange({
    fetch: fakeFetch(chunks, { status, headers: { 'content-type': contentType } }),
    url: 'https://provider.test/v1/chat/completions',
    headers: {},
    bytes: '{}',
    stream: contentType.includes('event-stream'),
    timeouts,
    signal: new AbortController().signal,
    expectedChoices: 1,
    context,
  });
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('a provider error, wherever it arrives', () => {
  it('gets the same code and keeps the provider’s words as a status, a 200 body or a frame', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KINDS),
        words,
        fc.nat(2),
        completionArb,
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (kind, said, form, completion, cut, offsets) => {
          const body = JSON.stringify(errorBody(kind, said, form));
          const http = await exchange(splitAt(encode(body), offsets), kind.status, 'application/json');
          const whole = await exchange(splitAt(encode(body), offsets), 200, 'application/json');

          const payloads = streamPayloads(completion).filter((p) => p !== '[DONE]');
          const prefix = payloads.slice(0, cut % (payloads.length + 1));
          const sse = toSse([...prefix, body], '\n');
          const frame = await exchange(splitAt(encode(sse), offsets), 200, 'text/event-stream');

          for (const result of [http, whole, frame]) {
            expect(result.outcome).toBe('error');
            expect(result.failure?.code).toBe(kind.code);
            expect(result.failure?.message).toContain(said);
          }
          // Only a frame after part of the answer has anything to keep.
          const reference = new StreamAssembler();
          for (const p of prefix) reference.pushData(p);
          expect(http.failure?.message).not.toMatch(/arrived is kept/);
          expect(whole.failure?.message).not.toMatch(/arrived is kept/);
          expect(/arrived is kept/.test(frame.failure?.message ?? '')).toBe(reference.hasOutput);
          expect(frame.assembled.choices).toEqual(reference.result().choices);
          // Refused outright: no tokens to estimate.
          expect(refusedOutright(http)).toBe(true);
          expect(refusedOutright(whole)).toBe(true);
          expect(refusedOutright(frame)).toBe(!reference.hasOutput);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
