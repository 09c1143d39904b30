import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from './index';
import { mintJwt, startMockProvider } from './index';
import { assemble, at, list, readSse, str } from './test-helpers';

let mock: MockProvider;
const token = mintJwt({ scopes: ['llm-all'] });

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

function chat(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${mock.confidentialBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const ask = (content: string): { role: string; content: string }[] => [{ role: 'user', content }];

const tool = (name: string, properties: Record<string, unknown>): unknown => ({
  type: 'function',
  function: { name, parameters: { type: 'object', properties, required: Object.keys(properties) } },
});
const TOOLS = [
  tool('get_weather', { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } }),
  tool('search_docs', { query: { type: 'string' }, exact: { type: 'boolean' } }),
];

describe('streaming framing', () => {
  it('sends chunks, one usage chunk with empty choices, then [DONE]', async () => {
    const res = await chat({
      model: 'openai/gpt-4o-mini',
      messages: ask('Hi'),
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const { data, comments, raw } = await readSse(res);
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(comments).toContain('keep-alive');
    const chunks = data.slice(0, -1).map((d): unknown => JSON.parse(d));
    const last = chunks[chunks.length - 1];
    expect(list(last, 'choices')).toEqual([]);
    expect(at(last, 'usage', 'total_tokens')).toBeGreaterThan(0);
    for (const chunk of chunks.slice(0, -1)) {
      expect(at(chunk, 'usage')).toBeNull();
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'openai/gpt-4o-mini' });
      expect(str(chunk, 'system_fingerprint')).toMatch(/^fp_/);
    }
    expect(list(chunks[0], 'choices')[0]).toMatchObject({ delta: { role: 'assistant' } });
    expect(chunks.length).toBeGreaterThan(20);
  });

  it('omits usage entirely when it was not asked for', async () => {
    const { data } = await readSse(
      await chat({ model: 'openai/gpt-4o-mini', messages: ask('Hi'), stream: true }),
    );
    expect(data.slice(0, -1).every((d) => !('usage' in JSON.parse(d)))).toBe(true);
  });

  it('gives the same content and reasoning with and without streaming', async () => {
    const body = { model: 'phala/gpt-oss-120b', messages: ask('Show me code for a parser') };
    const whole: unknown = await (await chat(body)).json();
    const streamed = assemble((await readSse(await chat({ ...body, stream: true }))).data).get(0);
    const message = at(whole, 'choices', 0, 'message');
    expect(streamed?.content).toBe(at(message, 'content'));
    expect(streamed?.reasoning).toBe(at(message, 'reasoning_content'));
    expect(streamed?.content).toContain('```ts');
    expect(streamed?.content).toContain('Show me code for a parser');
    expect(at(whole, 'usage', 'completion_tokens_details', 'reasoning_tokens')).toBeGreaterThan(0);
  });

  it('streams n distinct choices interleaved by index', async () => {
    const { data } = await readSse(
      await chat({ model: 'openai/gpt-4o-mini', messages: ask('Hi'), stream: true, n: 3 }),
    );
    const indexes = data.slice(0, 6).map((d) => Number(at(JSON.parse(d), 'choices', 0, 'index')));
    expect(indexes).toEqual([0, 1, 2, 0, 1, 2]);
    const choices = assemble(data);
    const contents = [0, 1, 2].map((i) => choices.get(i)?.content);
    expect(new Set(contents).size).toBe(3);
    expect(choices.get(2)?.finishReason).toBe('stop');
  });

  it('returns logprobs per token with the asked number of alternatives', async () => {
    const body: unknown = await (
      await chat({ model: 'openai/gpt-4o-mini', messages: ask('Hi'), logprobs: true, top_logprobs: 3 })
    ).json();
    const entries = list(body, 'choices', 0, 'logprobs', 'content');
    const content = str(body, 'choices', 0, 'message', 'content');
    expect(entries.map((e) => str(e, 'token')).join('')).toBe(content);
    const first = entries[0];
    expect(list(first, 'top_logprobs')).toHaveLength(3);
    expect(list(first, 'bytes')).toEqual([...Buffer.from(str(first, 'token'))]);
    expect(Number(at(first, 'logprob'))).toBeLessThanOrEqual(0);
  });

  it('records the raw request bytes', async () => {
    const raw = '{"model":"openai/gpt-4o-mini",  "messages":[{"role":"user","content":"é"}]}';
    await fetch(`${mock.confidentialBase}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: raw,
    }).then((r) => r.text());
    const recorded = mock.requests.find((r) => r.path === '/api/v1/chat/completions');
    expect(recorded?.body.equals(Buffer.from(raw))).toBe(true);
    expect(recorded?.bodyText).toBe(raw);
    expect(recorded?.headers.authorization).toBe(`Bearer ${token}`);
  });
});

describe('tool calls', () => {
  it('calls the first tool with arguments built from its schema', async () => {
    const { data } = await readSse(
      await chat({ model: 'openai/gpt-4o-mini', messages: ask('Weather?'), tools: TOOLS, stream: true }),
    );
    const choice = assemble(data).get(0);
    expect(choice?.finishReason).toBe('tool_calls');
    expect(choice?.toolCalls).toHaveLength(1);
    expect(choice?.toolCalls[0]?.name).toBe('get_weather');
    expect(choice?.toolCalls[0]?.id).toMatch(/^call_/);
    expect(JSON.parse(choice?.toolCalls[0]?.arguments ?? '')).toEqual({ city: 'sample city', days: 1 });
  });

  it('calls the tool the user names, and two at once when asked for parallel calls', async () => {
    const named: unknown = await (
      await chat({ model: 'openai/gpt-4o-mini', messages: ask('use search_docs'), tools: TOOLS })
    ).json();
    expect(str(named, 'choices', 0, 'message', 'tool_calls', 0, 'function', 'name')).toBe('search_docs');
    const parallel: unknown = await (
      await chat({ model: 'openai/gpt-4o-mini', messages: ask('parallel please'), tools: TOOLS })
    ).json();
    const calls = list(parallel, 'choices', 0, 'message', 'tool_calls');
    expect(calls.map((c) => str(c, 'function', 'name'))).toEqual(['get_weather', 'search_docs']);
    expect(new Set(calls.map((c) => str(c, 'id'))).size).toBe(2);
    expect(at(parallel, 'choices', 0, 'message', 'content')).toBeNull();
  });

  it('answers in text from a tool result', async () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
    ];
    const body: unknown = await (await chat({ model: 'openai/gpt-4o-mini', messages, tools: TOOLS })).json();
    expect(at(body, 'choices', 0, 'finish_reason')).toBe('stop');
    expect(str(body, 'choices', 0, 'message', 'content')).toContain('`get_weather` returned: {"temp":21}');
  });
});
