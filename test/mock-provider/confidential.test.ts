import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from './index';
import { mintJwt, startMockProvider } from './index';
import { at, list, str } from './test-helpers';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

function models(token: string): Promise<Response> {
  return fetch(`${mock.confidentialBase}/models`, { headers: { authorization: `Bearer ${token}` } });
}

function chat(token: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${mock.confidentialBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }], ...body }),
  });
}

async function modelIds(token: string): Promise<string[]> {
  const res = await models(token);
  expect(res.status).toBe(200);
  return list(await res.json(), 'data').map((m) => str(m, 'id'));
}

describe('confidential service: models by scope', () => {
  it('lists only confidential models for llm-confidential, by flag not prefix', async () => {
    const ids = await modelIds(mintJwt({ scopes: ['llm-confidential'] }));
    expect(ids).toEqual([
      'phala/gpt-oss-120b',
      'phala/deepseek-r1-70b',
      'phala/qwen-2.5-7b-instruct',
      'bluenexus/glm-4.7-flash-tee',
    ]);
  });

  it('lists only non-confidential models for llm-other, read from the scp claim', async () => {
    const ids = await modelIds(mintJwt({ scopes: ['llm-other'], claim: 'scp' }));
    expect(ids).toEqual([
      'openai/gpt-4o-mini',
      'meta-llama/llama-3.3-70b-instruct',
      'mistralai/mistral-nemo',
    ]);
  });

  it('lists everything for llm-all, with the extra model fields', async () => {
    const body: unknown = await (await models(mintJwt({ scopes: ['llm-all'], claim: 'permissions' }))).json();
    const data = list(body, 'data');
    expect(data).toHaveLength(7);
    expect(at(body, 'object')).toBe('list');
    expect(data[0]).toMatchObject({
      id: 'phala/gpt-oss-120b',
      object: 'model',
      owned_by: 'phala',
      confidential: true,
      context_length: 131_072,
      capabilities: { tools: true, logprobs: false, json_schema: true, reasoning: true },
    });
    expect(typeof at(data[0], 'created')).toBe('number');
  });

  it('lists nothing for a token without LLM scopes', async () => {
    expect(await modelIds(mintJwt({ scopes: ['profile'], claim: 'scopes' }))).toEqual([]);
  });
});

describe('confidential service: authentication', () => {
  it('refuses a missing token with an OpenAI-style 401', async () => {
    const res = await fetch(`${mock.confidentialBase}/models`);
    expect(res.status).toBe(401);
    expect(at(await res.json(), 'error', 'code')).toBe('missing_token');
  });

  it('refuses an expired token', async () => {
    const res = await chat(mintJwt({ scopes: ['llm-all'], expiresInSec: -10 }), {
      model: 'openai/gpt-4o-mini',
    });
    expect(res.status).toBe(401);
    const body: unknown = await res.json();
    expect(at(body, 'error', 'code')).toBe('token_expired');
    expect(typeof at(body, 'error', 'message')).toBe('string');
    expect(typeof at(body, 'error', 'type')).toBe('string');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [head, , signature] = mintJwt({ scopes: ['llm-other'] }).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'x', scope: 'llm-all', exp: 9_999_999_999 })).toString(
      'base64url',
    );
    const res = await models(`${head}.${forged}.${signature}`);
    expect(res.status).toBe(401);
    expect(at(await res.json(), 'error', 'code')).toBe('invalid_token');
  });
});

describe('confidential service: chat access and credits', () => {
  it('answers 403 naming the scope a model needs', async () => {
    const res = await chat(mintJwt({ scopes: ['llm-other'] }), { model: 'phala/gpt-oss-120b' });
    expect(res.status).toBe(403);
    expect(str(await res.json(), 'error', 'message')).toContain(
      'model phala/gpt-oss-120b requires scope llm-confidential or llm-all',
    );
  });

  it('treats the bluenexus TEE model as confidential', async () => {
    const res = await chat(mintJwt({ scopes: ['llm-other'] }), { model: 'bluenexus/glm-4.7-flash-tee' });
    expect(res.status).toBe(403);
    expect(str(await res.json(), 'error', 'message')).toContain('llm-confidential');
  });

  it('answers 404 for an unknown model', async () => {
    const res = await chat(mintJwt({ scopes: ['llm-all'] }), { model: 'phala/nope' });
    expect(res.status).toBe(404);
    expect(at(await res.json(), 'error', 'code')).toBe('model_not_found');
  });

  it('answers 400 for a body without messages', async () => {
    const res = await chat(mintJwt({ scopes: ['llm-all'] }), { model: 'openai/gpt-4o-mini', messages: [] });
    expect(res.status).toBe(400);
    expect(at(await res.json(), 'error', 'param')).toBe('messages');
  });

  it('charges credits from token usage and reports them in headers', async () => {
    const token = mintJwt({ scopes: ['llm-all'], sub: 'alice' });
    mock.setCredits('alice', 5000);
    const res = await chat(token, { model: 'openai/gpt-4o-mini' });
    expect(res.status).toBe(200);
    const total = Number(at(await res.json(), 'usage', 'total_tokens'));
    expect(res.headers.get('x-credits-consumed')).toBe(String(total));
    expect(res.headers.get('x-credits-remaining')).toBe(String(5000 - total));
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(mock.getCredits('alice')).toBe(5000 - total);
  });

  it('answers 402 CreditsExhaustedError at a zero balance', async () => {
    mock.setCredits('bob', 0);
    const res = await chat(mintJwt({ scopes: ['llm-all'], sub: 'bob' }), { model: 'openai/gpt-4o-mini' });
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual({ error: 'CreditsExhaustedError' });
  });

  it('refuses tools for a model without tool support', async () => {
    const tools = [
      { type: 'function', function: { name: 'f', parameters: { type: 'object', properties: {} } } },
    ];
    const res = await chat(mintJwt({ scopes: ['llm-all'] }), { model: 'phala/deepseek-r1-70b', tools });
    expect(res.status).toBe(400);
  });
});
