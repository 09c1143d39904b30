import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider, ScriptStep } from './index';
import { mintJwt, startMockProvider } from './index';
import { assemble, at, parseSse, readSse, str } from './test-helpers';

let mock: MockProvider;
const token = mintJwt({ scopes: ['llm-all'] });

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

function chat(extra: Record<string, unknown> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${mock.confidentialBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      ...extra,
    }),
    signal,
  });
}

/** Reads until the body ends or breaks; returns what arrived and whether it broke. */
async function readUntilEnd(res: Response): Promise<{ text: string; broken: boolean }> {
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, broken: false };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, broken: true };
  }
}

describe('scripted error statuses', () => {
  it.each([401, 402, 403, 404, 500, 503] as const)('answers %i with an error body', async (status) => {
    mock.script({ status });
    const res = await chat();
    expect(res.status).toBe(status);
    const body: unknown = await res.json();
    if (status === 402) expect(body).toEqual({ error: 'CreditsExhaustedError' });
    else expect(typeof at(body, 'error', 'message')).toBe('string');
  });

  it('answers 429 with Retry-After, then serves the next request normally', async () => {
    mock.script({ status: 429, retryAfterSec: 7 });
    const limited = await chat();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(at(await limited.json(), 'error', 'code')).toBe('rate_limit_exceeded');
    expect((await chat()).status).toBe(200);
  });

  it('sends a scripted body verbatim', async () => {
    mock.script({ status: 500, body: '<html>bad gateway</html>' });
    expect(await (await chat()).text()).toBe('<html>bad gateway</html>');
  });
});

describe('scripted stream faults', () => {
  it('delays the first byte', async () => {
    mock.script({ slowFirstByteMs: 150 });
    const started = performance.now();
    const res = await chat();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect((await readSse(res)).data.at(-1)).toBe('[DONE]');
  });

  it('cuts the connection after k frames without [DONE]', async () => {
    mock.script({ cutAfterChunks: 3 });
    const { text, broken } = await readUntilEnd(await chat());
    expect(broken).toBe(true);
    const { data } = parseSse(text);
    expect(data).toHaveLength(3);
    expect(data).not.toContain('[DONE]');
  });

  it('sends a malformed frame and carries on, or stops', async () => {
    mock.script({ malformedFrameAfter: 2 }, { malformedFrameAfter: 2, malformedThen: 'stop' });
    const carryOn = await readSse(await chat());
    expect(carryOn.data[2]).toBe('{not json');
    expect(carryOn.data.at(-1)).toBe('[DONE]');
    const stopped = await readSse(await chat());
    expect(stopped.data).toHaveLength(3);
    expect(stopped.data.at(-1)).toBe('{not json');
  });

  it('sends an error object mid-stream', async () => {
    mock.script({ midStreamErrorAfter: 4, message: 'GPU fell over' });
    const { data } = await readSse(await chat());
    expect(data).toHaveLength(5);
    expect(str(JSON.parse(data[4] ?? ''), 'error', 'message')).toBe('GPU fell over');
  });

  it('uses CRLF line endings when asked', async () => {
    mock.script({ crlf: true });
    const { raw, data } = await readSse(await chat());
    expect(raw).toContain('\r\n\r\n');
    expect(raw.replaceAll('\r\n', '')).not.toContain('\n');
    expect(data.at(-1)).toBe('[DONE]');
  });

  it('truncates a non-streaming body when cut', async () => {
    mock.script({ cutAfterChunks: 0 });
    const res = await chat({ stream: false });
    await expect(res.json()).rejects.toThrow();
  });
});

describe('scripted replies', () => {
  it('streams exact content in the asked number of chunks', async () => {
    mock.script({ reply: { content: 'abcdefghij', chunks: 5, reasoning: 'think', finishReason: 'length' } });
    const { data } = await readSse(await chat());
    const contentFrames = data.filter((d) => d.includes('"content":"') && !d.includes('"content":""'));
    expect(contentFrames).toHaveLength(5);
    expect(assemble(data).get(0)).toMatchObject({
      content: 'abcdefghij',
      reasoning: 'think',
      finishReason: 'length',
    });
  });

  it('streams 8000 filler tokens and counts them as usage', async () => {
    mock.script({ reply: { chunks: 8000, delayMs: 0 } });
    const { data } = await readSse(await chat({ stream_options: { include_usage: true } }));
    expect(at(JSON.parse(data.at(-2) ?? ''), 'usage', 'completion_tokens')).toBe(8000);
    expect(data).toHaveLength(1 + 8000 + 1 + 1 + 1); // role, tokens, finish, usage, [DONE]
  });

  it('streams scripted tool calls and can omit the finish reason', async () => {
    const step: ScriptStep = {
      reply: {
        toolCalls: [
          { name: 'lookup', arguments: { q: 'x' } },
          { name: 'raw', arguments: '{bad' },
        ],
        finishReason: null,
      },
    };
    mock.script(step);
    const choice = assemble((await readSse(await chat())).data).get(0);
    expect(choice?.toolCalls.map((c) => [c.name, c.arguments])).toEqual([
      ['lookup', '{"q":"x"}'],
      ['raw', '{bad'],
    ]);
    expect(choice?.finishReason).toBeNull();
  });
});

describe('client disconnects', () => {
  it('reports a client that aborts mid-stream', async () => {
    mock.script({ reply: { chunks: 500, delayMs: 5 } });
    const controller = new AbortController();
    const res = await chat({}, controller.signal);
    const reader = res.body?.getReader();
    await reader?.read();
    controller.abort();
    const event = await mock.clientClosed();
    expect(event.path).toBe('/api/v1/chat/completions');
    expect(event.framesSent).toBeLessThan(500);
  });

  it('hangs after the headers until the client gives up', async () => {
    mock.script({ hang: true });
    const controller = new AbortController();
    const res = await chat({}, controller.signal);
    expect(res.status).toBe(200);
    controller.abort();
    expect((await mock.clientClosed()).framesSent).toBe(0);
  });

  it('does not report a completed stream as a disconnect', async () => {
    await (await chat()).text();
    mock.script({ hang: true });
    const controller = new AbortController();
    await chat({}, controller.signal);
    controller.abort();
    const event = await mock.clientClosed();
    expect(event.framesSent).toBe(0); // the hang, not the completed stream before it
  });
});
