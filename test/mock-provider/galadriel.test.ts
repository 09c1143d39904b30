import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockProvider } from './index';
import { startMockProvider } from './index';
import { at, list, str } from './test-helpers';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

function chat(body: Record<string, unknown>, key = mock.apiKey): Promise<Response> {
  return fetch(`${mock.galadrielBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }], ...body }),
  });
}

describe('Galadriel API', () => {
  it('lists its four models in the plain OpenAI shape', async () => {
    const res = await fetch(`${mock.galadrielBase}/models`, {
      headers: { authorization: `Bearer ${mock.apiKey}` },
    });
    const ids = list(await res.json(), 'data').map((m) => str(m, 'id'));
    expect(ids).toEqual(['llama3.1:8b', 'llama3.1:70b', 'llama3.1:405b', 'mistral-nemo:12b']);
  });

  it('refuses a wrong API key', async () => {
    const res = await chat({ model: 'llama3.1:70b' }, 'gal-wrong');
    expect(res.status).toBe(401);
    expect(at(await res.json(), 'error', 'code')).toBe('invalid_api_key');
  });

  it('sends rate-limit headers that count down', async () => {
    const first = await chat({ model: 'llama3.1:70b' });
    const second = await chat({ model: 'llama3.1:70b' });
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('60');
    expect(first.headers.get('x-ratelimit-reset-requests')).toBe('1s');
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('40000');
    expect(first.headers.get('x-ratelimit-reset-tokens')).toMatch(/^\d+m?s$/);
    const remaining = (r: Response): number => Number(r.headers.get('x-ratelimit-remaining-requests'));
    expect(remaining(second)).toBe(remaining(first) - 1);
    expect(Number(second.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(40_000);
  });

  it('refuses tools on the 8b model', async () => {
    const res = await chat({ model: 'llama3.1:8b', tools: [weatherTool] });
    expect(res.status).toBe(400);
    expect(str(await res.json(), 'error', 'message')).toContain('does not support tools');
  });

  it('calls a tool on the 70b model', async () => {
    const res = await chat({ model: 'llama3.1:70b', tools: [weatherTool] });
    const body: unknown = await res.json();
    expect(at(body, 'choices', 0, 'finish_reason')).toBe('tool_calls');
    expect(str(body, 'choices', 0, 'message', 'tool_calls', 0, 'function', 'name')).toBe('get_weather');
  });

  it('answers with a JSON value satisfying a json_schema response format', async () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        rating: { type: 'integer', minimum: 1, maximum: 5 },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        mood: { anyOf: [{ type: 'null' }, { type: 'string', enum: ['happy', 'sad'] }] },
      },
      required: ['title', 'rating', 'tags', 'mood'],
      additionalProperties: false,
    };
    const res = await chat({
      model: 'llama3.1:405b',
      response_format: { type: 'json_schema', json_schema: { name: 'review', strict: true, schema } },
    });
    const content = str(await res.json(), 'choices', 0, 'message', 'content');
    expect(JSON.parse(content)).toEqual({ title: 'sample title', rating: 1, tags: ['a'], mood: 'happy' });
  });
});
