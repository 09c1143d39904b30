import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockProvider } from './index';
import { mintJwt, startMockProvider } from './index';

/** "Existing OpenAI clients work by changing the base URL": hold the mock to that. */
let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});

const client = (): OpenAI =>
  new OpenAI({ baseURL: mock.confidentialBase, apiKey: mintJwt({ scopes: ['llm-all'] }), maxRetries: 0 });

describe('official OpenAI SDK against the mock', () => {
  it('reads a non-streaming completion and a stream with usage', async () => {
    const params = {
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'Hello SDK' }],
    };
    const whole = await client().chat.completions.create(params);
    let streamed = '';
    let totalTokens = 0;
    const stream = await client().chat.completions.create({
      ...params,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? '';
      totalTokens = chunk.usage?.total_tokens ?? totalTokens;
    }
    expect(streamed).toBe(whole.choices[0]?.message.content);
    expect(totalTokens).toBe(whole.usage?.total_tokens);
  });

  it('maps scripted statuses to the SDK error classes', async () => {
    mock.script({ status: 429, retryAfterSec: 3 }, { status: 403 });
    const params = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hi' }] };
    await expect(client().chat.completions.create(params)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(client().chat.completions.create(params)).rejects.toBeInstanceOf(
      OpenAI.PermissionDeniedError,
    );
  });

  it('surfaces a mid-stream error object as an error', async () => {
    mock.script({ midStreamErrorAfter: 2, message: 'boom' });
    const stream = await client().chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    const drain = async (): Promise<void> => {
      for await (const chunk of stream) void chunk;
    };
    await expect(drain()).rejects.toThrow('boom');
  });
});
