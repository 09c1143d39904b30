import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatParams, Message } from '../../main/contract';
import type { MockProvider, ScriptStep } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { contextLengthError } from '../mock-provider/errors';
import type { Harness, HarnessOptions } from './support/harness';
import { harness, usageRows } from './support/harness';

/** Provider shapes that differ from OpenAI's, through the real service and the loopback mock. */

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

const MODES = [true, false] as const;

function setup(stream: boolean, params: ChatParams = {}, options: Partial<HarnessOptions> = {}): Harness {
  return harness({ mock, api: 'galadriel', settings: { params: { stream, ...params } }, ...options });
}

async function answers(h: Harness, step: ScriptStep): Promise<Message[]> {
  mock.script(step);
  const sent = await h.service.send({ threadId: h.threadId, content: 'Tell me' }, 1);
  const ended = await h.sink.ended(sent.streamId);
  // What is stored is what the window was told.
  for (const m of ended.messages) expect(h.repo.getMessage(m.id)).toMatchObject({ content: m.content });
  return ended.messages;
}

const reply = { content: 'The answer.', reasoning: 'Thinking it over.', chunks: 3 };

describe.each(MODES)('provider shapes (stream: %s)', (stream) => {
  it('stores text parts as the answer, thinking parts as the reasoning, unknown parts raw', async () => {
    const h = setup(stream);
    const extra = { type: 'citation', url: 'https://example.org' };
    const [m] = await answers(h, { reply, shape: { parts: true, extraParts: [extra] } });
    expect(m?.status).toBe('complete');
    expect(m?.reasoning).toBe('Thinking it over.');
    expect(m?.content.startsWith('The answer.')).toBe(true);
    expect(m?.content).toContain(JSON.stringify(extra));
  });

  it('marks an answer with no text, reasoning or tool call as empty, with its raw events kept', async () => {
    const h = setup(stream);
    const [m] = await answers(h, { reply: { content: '' } });
    expect(m).toMatchObject({ status: 'error', errorCode: 'empty_answer' });
    expect(m?.errorMessage).toMatch(/finished without any text, reasoning or tool call/);
    const events = h.repo.rawEvents(m?.id ?? '', { query: '', offset: 0, limit: 50 });
    expect(events.total).toBeGreaterThan(0);
  });

  it('stores only the choices received when fewer than n came, and says so', async () => {
    const h = setup(stream, { n: 3 });
    const ended = await answers(h, {
      reply: { content: 'only one', chunks: 2 },
      shape: { choices: 1, noDone: true },
    });
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ status: 'complete', content: 'only one', errorCode: null });
    expect(ended[0]?.meta).toMatchObject({ choicesRequested: 3, choicesReceived: 1 });
    const stored = h.db.prepare("SELECT content FROM messages WHERE role = 'assistant'").all();
    expect(stored).toEqual([{ content: 'only one' }]);
  });

  it.each(['final', 'finish', 'x_groq'] as const)(
    'keeps usage placed %s, with cached and reasoning tokens apart and the provider’s cost',
    async (placement) => {
      const h = setup(stream);
      const [m] = await answers(h, { reply, shape: { usage: placement, cachedTokens: 7, cost: 0.0123 } });
      expect(m?.usage).toMatchObject({
        reported: true,
        cachedTokens: 7,
        cost: 0.0123,
        costSource: 'provider',
      });
      expect(m?.usage?.reasoningTokens).toBe(3);
      const [row] = usageRows(h);
      expect(row).toMatchObject({ tokens_reported: 1, cached_tokens: 7, cost: 0.0123, cost_reported: 1 });
      expect(h.ledger.summaries.count({ from: 0, to: Date.now() + 1000 })).toBe(1);
    },
  );

  it('keeps id and model when the first chunk has them empty, and never stores them blank', async () => {
    const h = setup(stream);
    const [m] = await answers(h, { reply, shape: { blankFirstEnvelope: true } });
    // A whole body has one envelope: blank there means unknown.
    expect(m?.meta?.completionId ?? null).toEqual(stream ? expect.stringMatching(/^chatcmpl-/) : null);
    expect(m?.meta?.model ?? null).toBe(stream ? 'llama3.1:70b' : null);
  });

  it('counts one n>1 request once in the thread total and the ledger; each choice shows its own tokens', async () => {
    const h = setup(stream, { n: 2 });
    const ended = await answers(h, {
      reply: { content: 'two words', chunks: 2 },
      shape: { perChoiceUsage: true },
    });
    expect(ended).toHaveLength(2);
    const total = ended[0]?.usage?.totalTokens ?? 0;
    expect(total).toBeGreaterThan(0);
    expect(usageRows(h)).toHaveLength(1);
    const summary = h.repo.list().find((t) => t.id === h.threadId);
    expect(summary?.totals.tokens).toBe(total);
    for (const m of ended) expect(m.usage).toMatchObject({ choices: 2, choiceCompletionTokens: 2 });
  });

  it('marks the completion figure as shared when the provider reported only the total', async () => {
    const h = setup(stream, { n: 2 });
    const ended = await answers(h, { reply: { content: 'two words', chunks: 2 } });
    for (const m of ended) expect(m.usage).toMatchObject({ choices: 2, choiceCompletionTokens: null });
  });

  it('gives a context-length error the same code as a 400 would, and records no estimated tokens', async () => {
    const h = setup(stream);
    const [m] = await answers(h, {
      reply,
      midStreamErrorAfter: 0,
      shape: { errorPayload: contextLengthError(), errorWith200: true },
    });
    expect(m).toMatchObject({ status: 'error', errorCode: 'invalid_request' });
    expect(m?.errorMessage).toContain('maximum context length is 8192 tokens');
    expect(m?.errorMessage).not.toMatch(/arrived is kept/);
    const [row] = usageRows(h);
    expect(row).toMatchObject({ prompt_tokens: 0, completion_tokens: 0, tokens_reported: 0 });
  });
});

describe('errors that read the same', () => {
  it('the retry banner says what happened, leaving the wait to its own countdown', async () => {
    const h = setup(true);
    await answers(h, { status: 429, retryAfterSec: 2 });
    const retrying = h.sink.pushed.map((p) => p.event).find((e) => e.type === 'retrying');
    expect(retrying?.type === 'retrying' ? retrying.reason : null).toMatch(
      /^127\.0\.0\.1:\d+ answered 429: “Rate limit reached for requests\. Please try again later\.”$/,
    );
  });

  it('a context-length 400 is invalid_request too', async () => {
    const h = setup(true);
    const [m] = await answers(h, { status: 400 });
    expect(m).toMatchObject({ status: 'error', errorCode: 'invalid_request' });
    expect(m?.errorMessage).toContain('maximum context length is 8192 tokens');
  });

  it('a context-length frame after part of the answer is invalid_request, and the part is kept', async () => {
    const h = setup(true);
    const [m] = await answers(h, {
      reply,
      midStreamErrorAfter: 4,
      shape: { errorPayload: contextLengthError() },
    });
    expect(m).toMatchObject({ status: 'error', errorCode: 'invalid_request' });
    expect(m?.errorMessage).toMatch(/What arrived is kept/);
  });

  it("keeps the provider's message from {error: name, message}", async () => {
    const h = setup(false);
    const said = { error: 'TypeError', message: "Cannot read properties of undefined (reading 'x')" };
    const [m] = await answers(h, {
      reply,
      midStreamErrorAfter: 0,
      shape: { errorPayload: said, errorWith200: true },
    });
    expect(m?.errorMessage).toContain("TypeError: Cannot read properties of undefined (reading 'x')");
  });
});
