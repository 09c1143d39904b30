import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockProvider } from './index';
import { startMockProvider } from './index';
import { at, list, readSse, str } from './test-helpers';

/** The HTTP control routes, as a test in another process would use them. */
let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});

const post = (path: string, body: unknown): Promise<Response> =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function mint(scopes: string[], sub?: string): Promise<string> {
  return str(await (await post('/__mock/jwt', { scopes, sub })).json(), 'token');
}

function chat(access: string, stream = false): Promise<Response> {
  return fetch(`${mock.confidentialBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stream,
    }),
  });
}

describe('control routes', () => {
  it('scripts steps, records requests and resets', async () => {
    const queued = await post('/__mock/script', [
      { status: 503, retryAfterSec: 2 },
      { reply: { content: 'scripted' } },
    ]);
    expect(await queued.json()).toEqual({ queued: 2, pending: 2 });
    const access = await mint(['llm-all']);
    const unavailable = await chat(access);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('2');
    await unavailable.text();
    expect(str(await (await chat(access)).json(), 'choices', 0, 'message', 'content')).toBe('scripted');

    const recorded: unknown = await (await fetch(`${mock.url}/__mock/requests`)).json();
    const requests = list(recorded);
    expect(requests).toHaveLength(2);
    expect(Buffer.from(str(requests[1], 'body'), 'base64').toString()).toBe(str(requests[1], 'bodyText'));
    expect(at(requests[1], 'path')).toBe('/api/v1/chat/completions');

    await post('/__mock/reset', {});
    expect(list(await (await fetch(`${mock.url}/__mock/requests`)).json())).toHaveLength(0);
  });

  it('rejects a misspelt step instead of scripting nothing', async () => {
    const res = await post('/__mock/script', [{ stauts: 500 }]);
    expect(res.status).toBe(400);
    expect(str(await res.json(), 'error')).toContain('stauts');
  });

  it('sets credits', async () => {
    await post('/__mock/credits', { subject: 'carol', credits: 0 });
    expect((await chat(await mint(['llm-all'], 'carol'))).status).toBe(402);
  });

  it('long-polls for a client disconnect', async () => {
    await post('/__mock/script', [{ hang: true }]);
    const waiting = fetch(`${mock.url}/__mock/client-closed?timeoutMs=5000`).then(
      async (r): Promise<unknown> => r.json(),
    );
    const controller = new AbortController();
    await fetch(`${mock.confidentialBase}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await mint(['llm-all'])}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      }),
      signal: controller.signal,
    });
    controller.abort();
    expect(at(await waiting, 'path')).toBe('/api/v1/chat/completions');
  });

  it('still streams normally after the faults above', async () => {
    const { data } = await readSse(await chat(await mint(['llm-all']), true));
    expect(data.at(-1)).toBe('[DONE]');
  });
});
