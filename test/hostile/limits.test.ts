import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StreamLimits } from '../../main/chat/transport/limits';
import { RawEventLog } from '../../main/chat/transport/rawLog';
import type { ExchangeOptions } from '../../main/chat/transport/attempt';
import { runExchange } from '../../main/chat/transport/attempt';
import type { HostileServer } from './server';
import { frame, paddingBlock, sseHeaders, startHostileServer, writeRepeated } from './server';

let api: HostileServer;
beforeAll(async () => {
  api = await startHostileServer();
});
afterAll(() => api.close());
beforeEach(() => {
  api.seen.length = 0;
  api.routes.clear();
  api.written = 0;
});

const SMALL: StreamLimits = {
  bodyBytes: 256 << 10,
  lineBytes: 16 << 10,
  messageBytes: 64 << 10,
  rawLogBytes: 32 << 10,
};
const CHUNK = 64 << 10;

function exchange(extra: Partial<ExchangeOptions> = {}): ExchangeOptions {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    url: `${api.origin}/v1/chat/completions`,
    headers: { 'content-type': 'application/json' },
    bytes: '{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}',
    stream: true,
    timeouts: { connectMs: 5000, firstByteMs: 5000, idleMs: 5000 },
    signal: new AbortController().signal,
    expectedChoices: 1,
    context: { host: new URL(api.origin).host, model: 'm', authKind: 'api-key', confidential: false },
    limits: SMALL,
    ...extra,
  };
}

/** Starts an answer with real text, then sends `rest` until `total` bytes or the client leaves. */
const answer =
  (rest: Uint8Array, total: number) =>
  async (_req: unknown, res: ServerResponse): Promise<void> => {
    res.writeHead(200, sseHeaders);
    res.write(frame('Kept part. '));
    await writeRepeated(api, res, rest, total);
  };

describe('a hostile provider is cut at each limit, keeping what arrived', () => {
  it('a body past the limit ends as a protocol error naming it; reading stopped at the limit', async () => {
    api.routes.set('/v1/chat/completions', answer(paddingBlock(CHUNK), 64 << 20));
    const result = await runExchange(exchange());
    expect(result.outcome).toBe('error');
    expect(result.failure?.code).toBe('protocol_error');
    expect(result.failure?.message).toContain('more than 256 KB');
    expect(result.assembled.choices[0]?.content).toBe('Kept part. ');
    expect(result.bytesRead).toBeLessThanOrEqual(SMALL.bodyBytes + CHUNK);
    expect(api.written).toBeLessThan(16 << 20);
  });

  it('an endless line is cut at the line limit', async () => {
    api.routes.set('/v1/chat/completions', answer(Buffer.from(`data: ${'a'.repeat(CHUNK - 6)}`), 64 << 20));
    const result = await runExchange(exchange());
    expect(result.failure?.code).toBe('protocol_error');
    expect(result.failure?.message).toContain('a line of the event stream longer than 16 KB');
    expect(result.assembled.choices[0]?.content).toBe('Kept part. ');
    expect(result.bytesRead).toBeLessThanOrEqual(SMALL.lineBytes + 2 * CHUNK);
  });

  it('an endless event of many short data lines is cut at the body limit', async () => {
    api.routes.set(
      '/v1/chat/completions',
      answer(Buffer.from(`data: ${'b'.repeat(100)}\n`.repeat(600)), 64 << 20),
    );
    const result = await runExchange(exchange());
    expect(result.failure?.message).toContain('more than 256 KB');
    expect(result.bytesRead).toBeLessThanOrEqual(SMALL.bodyBytes + CHUNK);
  });

  it('an answer past the message limit keeps its text up to there', async () => {
    api.routes.set('/v1/chat/completions', answer(Buffer.from(frame('x'.repeat(1000)).repeat(16)), 64 << 20));
    const result = await runExchange(exchange({ limits: { ...SMALL, bodyBytes: 64 << 20 } }));
    expect(result.failure?.code).toBe('protocol_error');
    expect(result.failure?.message).toContain('an answer longer than 64 KB');
    const kept = result.assembled.choices[0]?.content ?? '';
    expect(kept.startsWith('Kept part. xxx')).toBe(true);
    expect(kept.length).toBeGreaterThan(SMALL.messageBytes);
    expect(kept.length).toBeLessThanOrEqual(SMALL.messageBytes + CHUNK);
  });

  it('the raw event log stops at its limit with a marker, and the answer still completes', async () => {
    const raw = new RawEventLog(SMALL.rawLogBytes);
    const frames = Array.from({ length: 200 }, (_, i) => frame(`${i} ${'y'.repeat(300)} `)).join('');
    api.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(200, sseHeaders);
      res.end(`${frames}${frame('', 'stop')}data: [DONE]\n\n`);
    });
    const result = await runExchange(exchange({ rawEvents: raw }));
    expect(result.outcome).toBe('complete');
    expect(result.assembled.choices[0]?.content).toContain('199 yyy');
    const events = raw.take();
    const kept = events.reduce((n, e) => n + e.data.length, 0);
    expect(kept).toBeLessThanOrEqual(SMALL.rawLogBytes + 200);
    expect(events.at(-1)?.data).toContain('the raw event log of this answer stops here');
    expect(events.at(-1)?.data).toContain('32 KB');
  });

  it('a stream of keep-alive comments only times out, and says so', async () => {
    api.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(200, sseHeaders);
      let sent = 0;
      // The server's pace, bounded: at most 10 s of pings, ending when the client goes.
      const timer = setInterval(() => {
        if (res.destroyed || sent >= 500) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(': ping\n\n');
        sent += 1;
      }, 20);
    });
    const result = await runExchange(
      exchange({ timeouts: { connectMs: 5000, firstByteMs: 300, idleMs: 300 } }),
    );
    expect(result.outcome).toBe('interrupted');
    expect(result.failure?.code).toBe('timeout');
    expect(result.failure?.message).toContain('only keep-alive comments');
  });

  it('comments between real events do not stop an answer that keeps moving', async () => {
    api.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(200, sseHeaders);
      res.end(`: ping\n\n${frame('a')}: ping\n\n${frame('b', 'stop')}data: [DONE]\n\n`);
    });
    const result = await runExchange(exchange());
    expect(result.outcome).toBe('complete');
    expect(result.assembled.choices[0]?.content).toBe('ab');
  });

  const page =
    '<!doctype html>\n<html><head><title>Sign in to Corp Proxy</title></head>\n<body>\n<h1>Access denied</h1>\n<p>Your session expired.</p></body></html>';

  it('an HTML page answering a streaming request is named as a web page with its first lines', async () => {
    api.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    const result = await runExchange(exchange());
    expect(result.outcome).toBe('error');
    expect(result.failure?.code).toBe('protocol_error');
    expect(result.failure?.message).toContain('answered with a web page, not an event stream');
    expect(result.failure?.message).toContain('Sign in to Corp Proxy / Access denied');
  });

  it('a proxy’s error page (502) is quoted by its visible lines, not its markup', async () => {
    api.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(
        '<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center></body></html>',
      );
    });
    const result = await runExchange(exchange());
    expect(result.failure?.message).toContain('502 Bad Gateway / 502 Bad Gateway / nginx');
    expect(result.failure?.message).not.toContain('<');
  });

  it('a page without a content type is recognised too, not reported as a closed connection', async () => {
    api.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(200);
      res.end(page);
    });
    const result = await runExchange(exchange());
    expect(result.failure?.message).toContain('answered with a web page, not an event stream');
    expect(result.failure?.message).not.toContain('closed the connection');
  });
});
