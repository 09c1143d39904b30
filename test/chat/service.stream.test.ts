import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { harness, usageRows } from './support/harness';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

describe('streaming an answer from the provider', () => {
  it('stores the answer, the exact request bytes, the headers that matter and a usage row', async () => {
    const h = harness({ mock });
    mock.script({ reply: { content: 'Grüße aus 東京 😀 — fin.', chunks: 7 } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Hello there' }, 7);
    expect(sent.userMessage?.content).toBe('Hello there');
    const ended = await h.sink.ended(sent.streamId);
    const [answer] = ended.messages;
    expect(answer?.content).toBe('Grüße aus 東京 😀 — fin.');
    expect(answer?.status).toBe('complete');
    expect(answer?.finishReason).toBe('stop');
    expect(h.repo.getMessage(sent.messages[0]?.id ?? '').content).toBe(answer?.content);

    const request = mock.requests.find((r) => r.path === '/api/v1/chat/completions');
    expect(answer?.meta?.requestBody).toBe(request?.bodyText);
    expect(answer?.meta?.url).toBe(`${mock.confidentialBase}/chat/completions`);
    expect(answer?.meta?.requestHeaders.authorization).toBe('Bearer $API_KEY');
    expect(answer?.meta?.requestHeaders['x-client']).toBe('llm-desk-tests');
    expect(answer?.meta?.responseSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(answer?.meta?.responseHeaders['x-credits-consumed']).toBeDefined();
    expect(answer?.meta?.completionId).toMatch(/^chatcmpl-/);
    expect(answer?.meta?.systemFingerprint).toMatch(/^fp_/);
    const t = answer?.meta?.timings;
    expect(t?.requestSentAt).not.toBeNull();
    expect(t?.firstByteAt).toBeGreaterThanOrEqual(t?.requestSentAt ?? Infinity);
    expect(t?.firstTokenAt).toBeGreaterThanOrEqual(t?.firstByteAt ?? Infinity);
    expect(t?.endedAt).toBeGreaterThanOrEqual(t?.firstTokenAt ?? Infinity);

    const [row] = usageRows(h);
    expect(row).toMatchObject({
      status: 'complete',
      tokens_reported: 1,
      attempt: 1,
      model: 'phala/gpt-oss-120b',
      confidential: 1,
      thread_id: h.threadId,
    });
    expect(row?.credits_consumed).toBe(Number(answer?.meta?.responseHeaders['x-credits-consumed']));
    expect(answer?.usage).toMatchObject({ reported: true, creditsConsumed: row?.credits_consumed });
    expect(answer?.usageId).toBe(row?.id);

    const secret = h.token.value;
    const everything = JSON.stringify([
      h.db.prepare('SELECT * FROM messages').all(),
      h.db.prepare('SELECT * FROM message_events').all(),
      h.sink.pushed,
    ]);
    expect(everything).not.toContain(secret);
    expect(h.repo.getThread(h.threadId).activeLeafId).toBe(answer?.id);
  });

  it('pushes to the window that asked only, at most one delta per frame, and ends with the whole answer', async () => {
    const h = harness({ mock });
    mock.script({ reply: { chunks: 600 } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Long one please' }, 3);
    const ended = await h.sink.ended(sent.streamId);
    const events = h.sink.pushed.filter((p) => p.event.streamId === sent.streamId);
    expect(events.every((p) => p.senderId === 3)).toBe(true);
    expect(events[0]?.event.type).toBe('started');
    const deltas = events.filter((p) => p.event.type === 'delta');
    for (let i = 1; i < deltas.length; i += 1)
      expect((deltas[i]?.at ?? 0) - (deltas[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(16);
    const text = deltas
      .map((p) => (p.event.type === 'delta' ? p.event.choices.map((c) => c.content ?? '').join('') : ''))
      .join('');
    expect(ended.messages[0]?.content.startsWith(text)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    expect(deltas.length).toBeLessThan(600);
  });

  it('streams n choices into sibling answers', async () => {
    const h = harness({ mock, settings: { params: { stream: true, n: 3, include_usage: true } } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Three takes' }, 1);
    expect(sent.messages.map((m) => m.choiceIndex)).toEqual([0, 1, 2]);
    const ended = await h.sink.ended(sent.streamId);
    expect(ended.messages.map((m) => m.status)).toEqual(['complete', 'complete', 'complete']);
    expect(new Set(ended.messages.map((m) => m.content)).size).toBe(3);
    expect(ended.messages.every((m) => m.parentId === sent.userMessage?.id && m.content.length > 0)).toBe(
      true,
    );
  });

  it('stores a non-streaming answer the same way', async () => {
    const h = harness({ mock, settings: { params: { n: 2 } } });
    mock.script({ reply: { content: 'Plain JSON answer' } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'No stream' }, 1);
    const ended = await h.sink.ended(sent.streamId);
    expect(JSON.parse(ended.messages[0]?.meta?.requestBody ?? '{}')).not.toHaveProperty('stream');
    expect(ended.messages.map((m) => [m.content, m.status])).toEqual([
      ['Plain JSON answer', 'complete'],
      ['Plain JSON answer', 'complete'],
    ]);
    expect(usageRows(h)[0]).toMatchObject({ status: 'complete', tokens_reported: 1 });
  });

  it('keeps reasoning apart from the answer, and logprobs per token', async () => {
    const h = harness({
      mock,
      settings: {
        model: 'phala/qwen-2.5-7b-instruct',
        params: { stream: true, logprobs: true, top_logprobs: 2 },
      },
    });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Explain briefly' }, 1);
    const [answer] = (await h.sink.ended(sent.streamId)).messages;
    expect(answer?.logprobs?.length).toBeGreaterThan(0);
    expect(answer?.logprobs?.map((l) => l.token).join('')).toBe(answer?.content);
    expect(answer?.logprobs?.[0]?.top_logprobs).toHaveLength(2);
    const r = harness({ mock, settings: { model: 'phala/gpt-oss-120b' } });
    const thought = await r.service.send({ threadId: r.threadId, content: 'Think first' }, 1);
    const [reasoned] = (await r.sink.ended(thought.streamId)).messages;
    expect(reasoned?.reasoning?.length).toBeGreaterThan(0);
    expect(reasoned?.content).not.toContain(reasoned?.reasoning ?? '');
  });

  it('sends only what the model supports and says what it dropped', async () => {
    const h = harness({
      mock,
      api: 'galadriel',
      settings: { model: 'llama3.1:8b', params: { stream: true, tool_choice: 'auto', logprobs: true } },
      capabilities: { tools: false, logprobs: true, jsonSchema: true, reasoning: false, vision: false },
    });
    const sent = await h.service.send({ threadId: h.threadId, content: 'hi' }, 1);
    const started = h.sink.of(sent.streamId).find((e) => e.type === 'started');
    expect(started?.type === 'started' && started.droppedFields).toEqual(['tool_choice']);
    const [answer] = (await h.sink.ended(sent.streamId)).messages;
    expect(answer?.status).toBe('complete');
    expect(answer?.meta?.droppedFields).toEqual(['tool_choice']);
    expect(JSON.parse(answer?.meta?.requestBody ?? '{}')).toMatchObject({ logprobs: true });
  });

  it('runs several threads at once and lists them while active', async () => {
    const h = harness({ mock });
    const other = h.repo.createThread({ providerId: 'p1', model: 'phala/gpt-oss-120b' });
    mock.script({ reply: { chunks: 50, delayMs: 2 } }, { reply: { chunks: 50, delayMs: 2 } });
    const a = await h.service.send({ threadId: h.threadId, content: 'one' }, 1);
    const b = await h.service.send({ threadId: other.id, content: 'two' }, 2);
    expect(
      h.service
        .active()
        .map((s) => s.threadId)
        .sort(),
    ).toEqual([h.threadId, other.id].sort());
    const [ea, eb] = await Promise.all([h.sink.ended(a.streamId), h.sink.ended(b.streamId)]);
    expect([ea.messages[0]?.status, eb.messages[0]?.status]).toEqual(['complete', 'complete']);
    await Promise.all([h.service.whenSettled(a.streamId), h.service.whenSettled(b.streamId)]);
    expect(h.service.active()).toEqual([]);
  });
});
