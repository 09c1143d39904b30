import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleCompletion } from '../../main/chat/assembly/assembler';
import { runExchange } from '../../main/chat/transport/attempt';
import { splitAt, toSse } from './support/bytes';
import {
  completionArb,
  completionBody,
  expected,
  streamCompletes,
  streamPayloads,
} from './support/completions';
import { fakeFetch } from './support/fakeFetch';

const context = { host: 'provider.test', model: 'm', authKind: 'api-key' as const, confidential: false };
const timeouts = { connectMs: 5000, firstByteMs: 5000, idleMs: 5000 };

async function exchange(chunks: Uint8Array[], choices: number, contentType = 'text/event-stream') {
  return runExchange({
    fetch: fakeFetch(chunks, { headers: { 'content-type': contentType } }),
    url: 'https://provider.test/v1/chat/completions',
    headers: {},
    bytes: '{}',
    stream: contentType.includes('event-stream'),
    timeouts,
    signal: new AbortController().signal,
    expectedChoices: choices,
    context,
  });
}

describe('assembling a streamed answer', () => {
  it('gives back exactly the completion the provider meant, however the bytes are split (LF or CRLF)', async () => {
    await fc.assert(
      fc.asyncProperty(
        completionArb,
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (completion, eol, offsets) => {
          const bytes = new TextEncoder().encode(toSse(streamPayloads(completion), eol));
          const asked = completion.choices.length + completion.shape.missing;
          const result = await exchange(splitAt(bytes, offsets), asked);
          // Fewer choices than asked for, no [DONE]: complete when every choice that came finished.
          expect(result.outcome).toBe(streamCompletes(completion) ? 'complete' : 'interrupted');
          expect(result.assembled).toEqual(expected(completion));
          expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        },
      ),
      { numRuns: 300 },
    );
    // Hundreds of exchanges: a loaded machine needs more than the default 20 s.
  }, 60_000);

  it('splits every byte of a stream one at a time without losing a character', async () => {
    await fc.assert(
      fc.asyncProperty(completionArb, async (completion) => {
        const bytes = new TextEncoder().encode(toSse(streamPayloads(completion), '\r\n'));
        const single = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
        const result = await exchange(single, completion.choices.length);
        expect(result.assembled).toEqual(expected(completion));
      }),
      { numRuns: 25 },
    );
  });

  it('assembles a non-streaming answer into the identical result', async () => {
    await fc.assert(
      fc.asyncProperty(completionArb, fc.array(fc.nat(), { maxLength: 10 }), async (completion, offsets) => {
        const body = completionBody(completion);
        expect(assembleCompletion(body)).toEqual(expected(completion, false));
        const bytes = new TextEncoder().encode(JSON.stringify(body));
        const asked = completion.choices.length + completion.shape.missing;
        const result = await exchange(splitAt(bytes, offsets), asked, 'application/json');
        expect(result.outcome).toBe('complete');
        expect(result.assembled).toEqual(expected(completion, false));
      }),
      { numRuns: 200 },
    );
  });
});
