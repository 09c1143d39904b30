import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { searchTool, weatherTool } from './support/messages';
import { harness, usageRows } from './support/harness';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

const chatBodies = () =>
  mock.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => JSON.parse(r.bodyText) as Record<string, unknown>);

describe('tools, regenerate, compare and continue', () => {
  it('answers tool calls by hand, then the model goes on', async () => {
    const h = harness({
      mock,
      tools: [weatherTool, searchTool],
      settings: { toolIds: [weatherTool.id, searchTool.id] },
    });
    const sent = await h.service.send(
      { threadId: h.threadId, content: 'Use get_weather and search_web in parallel for Oslo' },
      1,
    );
    const [call] = (await h.sink.ended(sent.streamId)).messages;
    expect(call?.finishReason).toBe('tool_calls');
    expect(call?.toolCalls?.map((c) => c.function.name)).toEqual(['get_weather', 'search_web']);
    expect(call?.toolCalls?.every((c) => JSON.parse(c.function.arguments) !== null)).toBe(true);
    const results = (call?.toolCalls ?? []).map((c) => ({
      toolCallId: c.id,
      name: c.function.name,
      content: `{"result":"${c.function.name}"}`,
    }));
    const next = await h.service.answerTools(
      { threadId: h.threadId, assistantMessageId: call?.id ?? '', results, continue: true },
      1,
    );
    const [final] = (await h.sink.ended(next.streamId)).messages;
    expect(final?.status).toBe('complete');
    expect(final?.content.length).toBeGreaterThan(0);
    const path = h.repo.activePath(h.threadId);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'tool', 'assistant']);
    expect(path[2]).toMatchObject({ toolCallId: results[0]?.toolCallId, name: 'get_weather' });
    const lastBody = chatBodies().at(-1);
    expect((lastBody?.messages as unknown[]).slice(-3)).toMatchObject([
      { role: 'assistant', content: null, tool_calls: call?.toolCalls },
      { role: 'tool', tool_call_id: results[0]?.toolCallId, content: '{"result":"get_weather"}' },
      { role: 'tool', tool_call_id: results[1]?.toolCallId },
    ]);
  });

  it('refuses results for calls the assistant never made', async () => {
    const h = harness({ mock, tools: [weatherTool], settings: { toolIds: [weatherTool.id] } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'weather?' }, 1);
    const [call] = (await h.sink.ended(sent.streamId)).messages;
    await expect(
      h.service.answerTools(
        {
          threadId: h.threadId,
          assistantMessageId: call?.id ?? '',
          results: [{ toolCallId: 'nope', name: 'x', content: '' }],
          continue: true,
        },
        1,
      ),
    ).rejects.toMatchObject({ error: { code: 'invalid_request', detail: { field: 'results' } } });
  });

  it('answers with canned results on its own in canned mode', async () => {
    const h = harness({
      mock,
      tools: [weatherTool],
      settings: { toolIds: [weatherTool.id], toolMode: 'canned', maxToolRounds: 3 },
    });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Weather in Oslo?' }, 1);
    await h.service.whenSettled(sent.streamId);
    const path = h.repo.activePath(h.threadId);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(path[2]?.content).toBe(weatherTool.cannedResult);
    expect(path[3]?.status).toBe('complete');
    expect(usageRows(h)).toHaveLength(2);
  });

  it('stops answering on its own after maxToolRounds', async () => {
    const h = harness({
      mock,
      tools: [weatherTool],
      settings: { toolIds: [weatherTool.id], toolMode: 'canned', maxToolRounds: 1 },
    });
    const call = { name: 'get_weather', arguments: { city: 'Oslo' } };
    mock.script(
      { reply: { toolCalls: [call] } },
      { reply: { toolCalls: [call] } },
      { reply: { toolCalls: [call] } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'loop' }, 1);
    await h.service.whenSettled(sent.streamId);
    expect(h.repo.activePath(h.threadId).map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(mock.pendingSteps()).toBe(1);
  });

  it('regenerates a sibling of the same parent and makes it active', async () => {
    const h = harness({ mock });
    mock.script({ reply: { content: 'first' } }, { reply: { content: 'second' } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Q' }, 1);
    const [first] = (await h.sink.ended(sent.streamId)).messages;
    const again = await h.service.regenerate({ threadId: h.threadId, messageId: first?.id ?? '' }, 1);
    const [second] = (await h.sink.ended(again.streamId)).messages;
    expect(second?.parentId).toBe(first?.parentId);
    expect(second?.content).toBe('second');
    expect(h.repo.getThread(h.threadId).activeLeafId).toBe(second?.id);
    const [a, b] = chatBodies();
    expect(b).toEqual(a);
  });

  it('compares the same request with another model as a sibling answer', async () => {
    const h = harness({ mock, settings: { params: { stream: true, temperature: 0.2 } } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Compare me' }, 1);
    const [first] = (await h.sink.ended(sent.streamId)).messages;
    const compared = await h.service.compare(
      {
        threadId: h.threadId,
        messageId: first?.id ?? '',
        model: 'openai/gpt-4o-mini',
        params: { temperature: 1.5 },
      },
      1,
    );
    const [other] = (await h.sink.ended(compared.streamId)).messages;
    expect(other).toMatchObject({
      parentId: first?.parentId,
      model: 'openai/gpt-4o-mini',
      status: 'complete',
    });
    expect(chatBodies()[1]).toMatchObject({ model: 'openai/gpt-4o-mini', temperature: 1.5 });
    expect(h.repo.getThread(h.threadId).settings.model).toBe('phala/gpt-oss-120b');
    await expect(
      h.service.compare({ threadId: h.threadId, messageId: first?.id ?? '', params: { temperature: 9 } }, 1),
    ).rejects.toMatchObject({
      error: { code: 'invalid_request', detail: { field: 'temperature' } },
    });
  });

  it('keeps the conversation on its branch while a comparison runs; the follow-up goes on from it', async () => {
    const h = harness({ mock, settings: { params: { stream: true } } });
    mock.script({ reply: { content: 'original' } }, { reply: { content: 'rerun' } }, {});
    const sent = await h.service.send({ threadId: h.threadId, content: 'Q' }, 1);
    const [first] = (await h.sink.ended(sent.streamId)).messages;
    const compared = await h.service.compare(
      { threadId: h.threadId, messageId: first?.id ?? '', params: { temperature: 1.5 } },
      1,
    );
    await h.sink.ended(compared.streamId);
    expect(h.repo.getThread(h.threadId).activeLeafId).toBe(first?.id);
    const next = await h.service.send({ threadId: h.threadId, content: 'and then?' }, 1);
    await h.sink.ended(next.streamId);
    const followUp = chatBodies().at(-1)?.messages as { content: string }[];
    expect(followUp.map((m) => m.content)).toEqual(['Q', 'original', 'and then?']);
  });

  it('stores the exact request with its answers before the first byte, so verdicts never read the thread', async () => {
    const h = harness({ mock, settings: { params: { stream: true, temperature: 0.4 } } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'Q' }, 1);
    const started = sent.messages[0];
    await h.sink.ended(sent.streamId);
    const bytes = mock.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.bodyText;
    expect(started?.status).toBe('streaming');
    expect(started?.meta?.requestBody).toBe(bytes);
    expect(h.repo.getMessage(started?.id ?? '').meta?.requestBody).toBe(bytes);
  });

  it('continues an interrupted answer in the same message', async () => {
    const h = harness({ mock, settings: { params: { stream: true, n: 2 } } });
    mock.script(
      { reply: { content: 'The quick brown', chunks: 3 }, cutAfterChunks: 4 },
      { reply: { content: ' fox jumps.' } },
    );
    const sent = await h.service.send({ threadId: h.threadId, content: 'Say the line' }, 1);
    const [cut] = (await h.sink.ended(sent.streamId)).messages;
    expect(cut?.status).toBe('interrupted');
    const partial = cut?.content ?? '';
    expect(partial.length).toBeGreaterThan(0);
    const resumed = await h.service.continue({ threadId: h.threadId, messageId: cut?.id ?? '' }, 1);
    expect(resumed.messages.map((m) => m.id)).toEqual([cut?.id]);
    const [done] = (await h.sink.ended(resumed.streamId)).messages;
    expect(done).toMatchObject({
      id: cut?.id,
      status: 'complete',
      content: `${partial} fox jumps.`,
      errorCode: null,
    });
    const body = chatBodies()[1];
    expect(body).not.toHaveProperty('n');
    expect((body?.messages as unknown[]).slice(-2)).toMatchObject([
      { role: 'assistant', content: partial },
      { role: 'user' },
    ]);
  });

  it('keeps the user turn out of the thread when the request is refused before sending', async () => {
    const h = harness({ mock, settings: { params: { temperature: 7 } } });
    await expect(h.service.send({ threadId: h.threadId, content: 'nope' }, 1)).rejects.toMatchObject({
      error: { code: 'invalid_request' },
    });
    expect(h.repo.messages(h.threadId)).toEqual([]);
    expect(mock.requests).toEqual([]);
  });
});
