import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../main/contract/chat';
import { MESSAGE_DEFAULTS } from '../../../main/contract/chat';
import type { DiffPart } from '../../../renderer/src/features/inspector/compareDiff';
import { requestChanges, runFigures, wordDiff } from '../../../renderer/src/features/inspector/compareDiff';

const side = (parts: DiffPart[], drop: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

const text = fc
  .array(fc.constantFrom('the', 'cat', 'sat', 'on', 'a', 'mat', ' ', '  ', '\n', 'é', '.'), {
    maxLength: 40,
  })
  .map((w) => w.join(''));

describe('word diff of two answers', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(wordDiff('The cat sat on the mat.', 'The dog sat on the mat.')).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'removed', text: 'cat ' },
      { kind: 'added', text: 'dog ' },
      { kind: 'same', text: 'sat on the mat.' },
    ]);
  });

  it('gives back each answer exactly from its parts, whatever the texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b);
        expect(side(parts, 'added')).toBe(a);
        expect(side(parts, 'removed')).toBe(b);
        expect(parts.every((p) => p.text !== '')).toBe(true);
      }),
    );
  });

  it('marks nothing when the answers are the same', () => {
    fc.assert(fc.property(text, (a) => wordDiff(a, a).every((p) => p.kind === 'same')));
  });

  it('stays bounded on long answers that share nothing', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    const parts = wordDiff(a, b);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(side(parts, 'added')).toBe(a);
    expect(side(parts, 'removed')).toBe(b);
  });
});

describe('what a re-run sent differently', () => {
  it('lists the fields that differ between the two stored requests, the messages aside', () => {
    const original = JSON.stringify({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.2,
    });
    const rerun = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], seed: 7 });
    expect(requestChanges(original, rerun)).toEqual([
      { key: 'temperature', before: '0.2', after: 'not sent' },
      { key: 'seed', before: 'not sent', after: '7' },
    ]);
  });

  it('says nothing when either request was not stored', () => {
    expect(requestChanges(null, '{}')).toBeNull();
    expect(requestChanges('{}', 'not json')).toBeNull();
  });
});

describe('figures of a run', () => {
  it('reads tokens, first-token time, latency, cost and credits from the answer', () => {
    const message: Message = {
      ...MESSAGE_DEFAULTS,
      id: 'a',
      threadId: 't',
      parentId: null,
      role: 'assistant',
      createdAt: 0,
      updatedAt: 0,
      usage: {
        promptTokens: 5,
        completionTokens: 12,
        reasoningTokens: null,
        totalTokens: 17,
        reported: true,
        creditsConsumed: 39,
        creditsRemaining: null,
        cost: 0.002,
      },
      meta: {
        requestId: null,
        url: '',
        requestBody: '{}',
        requestHeaders: {},
        status: 200,
        responseHeaders: {},
        responseSha256: null,
        completionId: null,
        model: null,
        systemFingerprint: null,
        serviceTier: null,
        timings: { requestSentAt: 1000, firstByteAt: 1100, firstTokenAt: 1250, endedAt: 1900 },
        droppedFields: [],
        attempts: 1,
      },
    };
    expect(runFigures(message)).toEqual({
      tokens: 12,
      firstTokenMs: 250,
      totalMs: 900,
      cost: 0.002,
      credits: 39,
    });
  });
});
