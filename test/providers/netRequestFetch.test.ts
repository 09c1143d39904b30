// The app's fetch on top of Electron's net.request, driven here by a stand-in ClientRequest: an
// EventEmitter that answers with 'response' (a Readable as the IncomingMessage), 'redirect' or
// 'error', as Electron's does. What matters is what fetchWithinOrigin and its callers then see.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type Electron from 'electron';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fetchWithinOrigin, networkFailure } from '../../main/providers/http';
import type {
  ClientRequestLike,
  IncomingMessageLike,
  NetRequestOptions,
} from '../../main/providers/netRequestFetch';
import { netRequestFetch } from '../../main/providers/netRequestFetch';

type Answer = (req: FakeRequest) => void;

class FakeRequest extends EventEmitter implements ClientRequestLike {
  aborted = false;
  body: string | Buffer | undefined;
  constructor(
    readonly options: NetRequestOptions,
    private readonly answer: Answer,
  ) {
    super();
  }
  end(chunk?: string | Buffer): this {
    this.body = chunk;
    // Electron answers later, never inside end().
    setImmediate(() => this.answer(this));
    return this;
  }
  abort(): void {
    this.aborted = true;
    this.emit('abort');
  }
  /** As Electron does: a redirect not followed synchronously and not aborted is an error. */
  redirect(status: number, location: string): void {
    this.emit('redirect', status, this.options.method, location, { location: [location] });
    if (!this.aborted) this.emit('error', new Error('Redirect was cancelled'));
  }
  respond(status: number, headers: Record<string, string | string[]> = {}, statusMessage = ''): PassThrough {
    const res = Object.assign(new PassThrough(), { statusCode: status, statusMessage, headers });
    this.on('abort', () => res.emit('aborted'));
    this.emit('response', res);
    return res;
  }
}

function fakeNet(answer: Answer) {
  const requests: FakeRequest[] = [];
  const fetch = netRequestFetch((options) => {
    const req = new FakeRequest(options, answer);
    requests.push(req);
    return req;
  });
  return { fetch, requests };
}

const text = (res: PassThrough, body: string) => res.end(body);
const API = 'https://api.example';

describe('Electron types fit the adapter (fails to compile if Electron drifts)', () => {
  it('ClientRequest, IncomingMessage and the options are what the adapter expects', () => {
    expectTypeOf<Electron.ClientRequest>().toMatchTypeOf<ClientRequestLike>();
    expectTypeOf<Electron.IncomingMessage>().toMatchTypeOf<IncomingMessageLike>();
    expectTypeOf<NetRequestOptions>().toMatchTypeOf<Electron.ClientRequestConstructorOptions>();
  });
});

describe('redirects reach fetchWithinOrigin as responses', () => {
  it('a same-origin 307 is followed with the same method, body and headers', async () => {
    const { fetch, requests } = fakeNet((req) => {
      if (req.options.url === `${API}/v1/chat`) return req.redirect(307, `${API}/v2/chat`);
      text(req.respond(200, { 'content-type': 'application/json' }), '{"ok":true}');
    });
    const response = await fetchWithinOrigin(fetch, `${API}/v1/chat`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-1', 'content-type': 'application/json' },
      body: '{"prompt":"hi"}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(requests.map((r) => r.options.url)).toEqual([`${API}/v1/chat`, `${API}/v2/chat`]);
    expect(requests[0]?.aborted).toBe(true);
    expect(requests[1]?.options).toMatchObject({
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: 'Bearer sk-1', 'content-type': 'application/json' },
    });
    expect(requests[1]?.body).toBe('{"prompt":"hi"}');
  });

  it('the redirect itself is a Response with its status and location', async () => {
    const { fetch } = fakeNet((req) => req.redirect(308, `${API}/v1/models/`));
    const response = await fetch(`${API}/v1/models`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(`${API}/v1/models/`);
    expect(response.body).toBeNull();
  });

  it('a cross-origin 307 is refused, naming the origin it pointed at, and nothing is sent there', async () => {
    const { fetch, requests } = fakeNet((req) => {
      if (req.options.url.startsWith(API)) return req.redirect(307, 'https://elsewhere.example/steal');
      text(req.respond(200), 'stolen');
    });
    const error = await fetchWithinOrigin(fetch, `${API}/v1/chat`, { method: 'POST', body: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(String((error as Error).message)).toContain('https://elsewhere.example');
    expect(String((error as Error).message)).toContain('307');
    expect(requests).toHaveLength(1);
  });

  it('https → http on the same host is refused as dropping encryption', async () => {
    const { fetch } = fakeNet((req) => req.redirect(301, 'http://api.example/v1/models'));
    await expect(fetchWithinOrigin(fetch, `${API}/v1/models`)).rejects.toThrow(/drop encryption/);
  });
});

describe('responses', () => {
  it('streams the body chunk by chunk, before the response has ended', async () => {
    let res: PassThrough | undefined;
    const { fetch } = fakeNet((req) => (res = req.respond(200, { 'content-type': 'text/event-stream' })));
    const response = await fetch(`${API}/v1/chat`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    res?.write('data: one\n\n');
    expect(decoder.decode((await reader.read()).value)).toBe('data: one\n\n');
    res?.write('data: two\n\n');
    expect(decoder.decode((await reader.read()).value)).toBe('data: two\n\n');
    res?.end();
    expect((await reader.read()).done).toBe(true);
  });

  it('delivers every byte however the body is split into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), { maxLength: 20 }),
        async (chunks) => {
          const { fetch } = fakeNet((req) => {
            const res = req.respond(200);
            for (const chunk of chunks) res.write(chunk);
            res.end();
          });
          const got = new Uint8Array(await (await fetch(`${API}/x`)).arrayBuffer());
          expect(Buffer.from(got)).toEqual(Buffer.concat(chunks));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps non-2xx statuses, their text and body, and headers including repeated ones', async () => {
    const { fetch } = fakeNet((req) =>
      text(
        req.respond(
          429,
          { 'retry-after': '7', 'set-cookie': ['a=1', 'b=2'], 'x-request-id': 'r-9' },
          'Too Many Requests',
        ),
        '{"error":{"message":"slow down"}}',
      ),
    );
    const response = await fetch(`${API}/v1/chat`);
    expect([response.status, response.statusText, response.ok]).toEqual([429, 'Too Many Requests', false]);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-request-id')).toBe('r-9');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('{"error":{"message":"slow down"}}');
    expect(response.url).toBe(`${API}/v1/chat`);
  });

  it('gives 204 and HEAD answers no body', async () => {
    const { fetch } = fakeNet((req) => req.respond(req.options.method === 'HEAD' ? 200 : 204).end());
    expect((await fetch(`${API}/a`, { method: 'DELETE' })).body).toBeNull();
    expect((await fetch(`${API}/a`, { method: 'HEAD' })).body).toBeNull();
  });
});

describe('requests', () => {
  it('sends headers lowercased, leaves Chromium its own, and never the session cookies or auth cache', async () => {
    const { fetch, requests } = fakeNet((req) => req.respond(200).end());
    await fetch(`${API}/v1/models`, {
      headers: new Headers({
        Authorization: 'Bearer k',
        'X-Org-Key': 'o',
        'Content-Length': '3',
        Host: 'evil',
      }),
    });
    expect(requests[0]?.options).toEqual({
      url: `${API}/v1/models`,
      method: 'GET',
      headers: { authorization: 'Bearer k', 'x-org-key': 'o' },
      redirect: 'follow',
      credentials: 'omit',
      useSessionCookies: false,
    });
  });

  it('sends bytes and form bodies as they are, and refuses a body it cannot send with a clear message', async () => {
    const { fetch, requests } = fakeNet((req) => req.respond(200).end());
    const bytes = new TextEncoder().encode('{"a":"é"}');
    await fetch(`${API}/chat`, { method: 'POST', body: bytes.subarray(1) });
    expect(Buffer.from(requests[0]?.body ?? '').toString()).toBe('"a":"é"}');
    await fetch(`${API}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token' }),
    });
    expect(requests[1]?.body).toBe('grant_type=refresh_token');
    expect(requests[1]?.options.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    await expect(fetch(`${API}/x`, { method: 'POST', body: new Blob(['x']) })).rejects.toThrow(
      /string, URLSearchParams or bytes.*Blob/,
    );
  });
  it('takes a URL object as well as a string, and says plainly that a Request is not read', async () => {
    const { fetch, requests } = fakeNet((req) => req.respond(200).end());
    expect((await fetch(new URL(`${API}/v1/models`))).status).toBe(200);
    expect(requests[0]?.options.url).toBe(`${API}/v1/models`);
    await expect(fetch(new Request(`${API}/v1/models`))).rejects.toThrow(/takes a URL and an init/);
  });
});

describe('failures and stopping', () => {
  it('an error before any response rejects with it, so the user is told what happened', async () => {
    const { fetch } = fakeNet((req) => req.emit('error', new Error('net::ERR_CONNECTION_REFUSED')));
    const error = await fetch(`${API}/v1/models`).catch((e: unknown) => e);
    expect(networkFailure(error, `${API}/v1/models`).message).toContain('api.example refused the connection');
  });

  it('an error mid-body errors the body stream', async () => {
    const { fetch } = fakeNet((req) => {
      const res = req.respond(200);
      res.write('partial');
      setImmediate(() => res.emit('error', new Error('net::ERR_CONNECTION_RESET')));
    });
    const response = await fetch(`${API}/v1/chat`);
    await expect(response.text()).rejects.toThrow('ERR_CONNECTION_RESET');
  });

  it('stopping mid-body aborts the request and errors the body with the abort reason', async () => {
    const stop = new AbortController();
    const { fetch, requests } = fakeNet((req) => req.respond(200).write('first'));
    const response = await fetch(`${API}/v1/chat`, { signal: stop.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first');
    stop.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests[0]?.aborted).toBe(true);
  });

  it('stopping before the response rejects with the abort reason; an already stopped signal sends nothing', async () => {
    const stop = new AbortController();
    const { fetch, requests } = fakeNet(() => stop.abort());
    await expect(fetch(`${API}/v1/chat`, { signal: stop.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests[0]?.aborted).toBe(true);
    await expect(fetch(`${API}/v1/chat`, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(requests).toHaveLength(1);
  });

  it('cancelling the body aborts the request', async () => {
    const { fetch, requests } = fakeNet((req) => req.respond(200).write('x'));
    const response = await fetch(`${API}/v1/chat`);
    await response.body?.cancel();
    expect(requests[0]?.aborted).toBe(true);
  });
});
