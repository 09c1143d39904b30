import { describe, expect, it } from 'vitest';
import { StreamAssembler } from '../../main/chat/assembly/assembler';
import { RawEventLog } from '../../main/chat/transport/rawLog';
import type { ExchangeOptions } from '../../main/chat/transport/attempt';
import { runExchange } from '../../main/chat/transport/attempt';
import { controlledFetch } from './support/controlledFetch';

const frame = (content: string, finish: string | null = null, index = 0) =>
  `data: ${JSON.stringify({ id: 'c', model: 'm', choices: [{ index, delta: { content }, finish_reason: finish }] })}\n\n`;

function options(fetcher: typeof fetch, extra: Partial<ExchangeOptions> = {}): ExchangeOptions {
  return {
    fetch: fetcher,
    url: 'https://api.test/v1/chat/completions',
    headers: { authorization: 'Bearer k' },
    bytes: '{"model":"m","messages":[],"stream":true}',
    stream: true,
    timeouts: { connectMs: 1000, firstByteMs: 1000, idleMs: 1000 },
    signal: new AbortController().signal,
    expectedChoices: 1,
    context: { host: 'api.test', model: 'm', authKind: 'api-key', confidential: false },
    ...extra,
  };
}

describe('one HTTP exchange', () => {
  it('sends exactly the given bytes', async () => {
    const c = controlledFetch();
    c.write(frame('hi', 'stop'));
    c.end();
    const result = await runExchange(options(c.fetch));
    expect(c.sent).toEqual(['{"model":"m","messages":[],"stream":true}']);
    expect(result.outcome).toBe('complete');
  });

  it('keeps the partial answer when the stream goes quiet', async () => {
    const c = controlledFetch();
    const assembler = new StreamAssembler();
    c.write(frame('Hel'));
    c.write(frame('lo'));
    const result = await runExchange(
      options(c.fetch, { assembler, timeouts: { connectMs: 1000, firstByteMs: 1000, idleMs: 100 } }),
    );
    expect(result.outcome).toBe('interrupted');
    expect(result.failure?.code).toBe('timeout');
    expect(result.assembled.choices[0]?.content).toBe('Hello');
    expect(await c.closed).toBe('aborted');
  });

  it('closes the request at once when the user stops', async () => {
    const c = controlledFetch();
    const stop = new AbortController();
    c.write(frame('partial'));
    const running = runExchange(options(c.fetch, { signal: stop.signal, onProgress: () => stop.abort() }));
    const result = await running;
    expect(await c.closed).toBe('aborted');
    expect(result).toMatchObject({ outcome: 'interrupted', failure: { code: 'aborted' } });
    expect(result.assembled.choices[0]?.content).toBe('partial');
  });

  it('calls an answer complete when every choice finished, even without [DONE]', async () => {
    const c = controlledFetch();
    c.write(frame('a', 'stop', 0) + frame('b', 'length', 1));
    c.end();
    const result = await runExchange(options(c.fetch, { expectedChoices: 2 }));
    expect(result.outcome).toBe('complete');
  });

  it('calls it interrupted when the stream ends with neither', async () => {
    const c = controlledFetch();
    c.write(frame('a'));
    c.end();
    const result = await runExchange(options(c.fetch));
    expect(result).toMatchObject({ outcome: 'interrupted', failure: { code: 'network' } });
    expect(result.assembled.choices[0]?.content).toBe('a');
  });

  it('counts a last event whose blank line never came', async () => {
    const c = controlledFetch();
    c.write(`${frame('a')}data: [DONE]\n`);
    c.end();
    expect((await runExchange(options(c.fetch))).outcome).toBe('complete');
  });

  it('reads an SSE error event', async () => {
    const c = controlledFetch();
    c.write(
      `${frame('so far')}event: error\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n`,
    );
    c.end();
    const result = await runExchange(options(c.fetch));
    expect(result).toMatchObject({ outcome: 'error', failure: { code: 'provider_error' } });
    expect(result.failure?.message).toContain('overloaded');
    expect(result.assembled.choices[0]?.content).toBe('so far');
  });

  it('shows a proxy’s plain-text error page as the provider’s message', async () => {
    const c = controlledFetch(502, { 'content-type': 'text/html' });
    c.write('<html><body>Bad gateway</body></html>');
    c.end();
    const result = await runExchange(options(c.fetch));
    expect(result).toMatchObject({
      outcome: 'error',
      retryable: true,
      status: 502,
      failure: { code: 'provider_error' },
    });
    expect(result.failure?.message).toContain('Bad gateway');
  });

  it('names the field a provider refused', async () => {
    const c = controlledFetch(400, { 'content-type': 'application/json' });
    c.write(
      '{"error":{"message":"model llama3.1:8b does not support tools","type":"invalid_request_error","param":"tools"}}',
    );
    c.end();
    const result = await runExchange(options(c.fetch));
    expect(result.failure).toMatchObject({
      code: 'invalid_request',
      detail: { field: 'tools', status: 400 },
    });
    expect(result.retryable).toBe(false);
  });

  it('records every event with its arrival time, however the bytes were cut', async () => {
    const c = controlledFetch();
    const raw = new RawEventLog();
    const text = `: hello\n\n${frame('é')}${frame('x', 'stop')}data: [DONE]\n\n`;
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += 7) c.write(bytes.subarray(i, i + 7));
    c.end();
    await runExchange(options(c.fetch, { rawEvents: raw }));
    const events = raw.take();
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(events[2]?.data).toBe('[DONE]');
    expect(JSON.parse(events[0]?.data ?? '{}').choices[0].delta.content).toBe('é');
  });
});
