// Electron's net.fetch rejects every redirect in 'manual' mode with "Redirect was cancelled"
// (electron#43715), so fetchWithinOrigin could neither follow a harmless same-origin hop nor name
// where a refused one pointed. This adapter speaks fetch on top of net.request (ClientRequest),
// where a manual redirect is an event: it answers with a plain 3xx Response carrying `location`,
// and fetchWithinOrigin applies its own rules to that. Services stay Electron-free (the lint
// rules forbid even `import type` from electron here), so the shapes below are structural;
// test/providers/netRequestFetch.test.ts checks Electron's own types against them.

/** The parts of Electron's IncomingMessage used here. At run time it is a Node Readable. */
export interface IncomingMessageLike {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly headers: Record<string, string | string[]>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'aborted', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Backpressure when present (Electron's is a Readable); without it chunks queue up. */
  pause?(): unknown;
  resume?(): unknown;
}

/** The parts of Electron's ClientRequest used here. */
export interface ClientRequestLike {
  on(event: 'response', listener: (response: IncomingMessageLike) => void): unknown;
  on(
    event: 'redirect',
    listener: (
      statusCode: number,
      method: string,
      redirectUrl: string,
      headers: Record<string, string[]>,
    ) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(chunk?: string | Buffer): unknown;
  abort(): void;
}

/** What is passed to `net.request`: a subset of Electron's ClientRequestConstructorOptions. */
export interface NetRequestOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  redirect: 'manual' | 'follow' | 'error';
  /** The app sends its own Authorization header; the session's cookies and auth cache never ride along. */
  credentials: 'omit';
  useSessionCookies: false;
}

export type NetRequest = (options: NetRequestOptions) => ClientRequestLike;

/** Headers Chromium sets itself and refuses from the app (ClientRequest.setHeader throws on them). */
const CHROMIUM_OWNED = new Set([
  'content-length',
  'host',
  'trailer',
  'te',
  'upgrade',
  'cookie2',
  'keep-alive',
  'transfer-encoding',
]);
const NULL_BODY = new Set([101, 204, 205, 304]);

function requestBody(
  body: RequestInit['body'],
  headers: Record<string, string>,
): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    return body.toString();
  }
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError(
    `netRequestFetch sends a string, URLSearchParams or bytes as a request body, not ${Object.prototype.toString.call(body)}.`,
  );
}

function responseHeaders(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A `fetch` for the app's provider requests, on top of Electron's `net.request`. */
export function netRequestFetch(request: NetRequest): typeof fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      // The app always passes a URL and an init; a Request's own body and headers are not read.
      if (typeof input !== 'string' && !(input instanceof URL))
        return reject(new TypeError('netRequestFetch takes a URL and an init, not a Request.'));
      const url = input.toString();
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortReason(signal));
      const method = (init.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => {
        if (!CHROMIUM_OWNED.has(name)) headers[name] = value;
      });
      let req: ClientRequestLike;
      let body: string | Buffer | undefined;
      try {
        body = requestBody(init.body, headers);
        req = request({
          url,
          method,
          headers,
          redirect: init.redirect ?? 'follow',
          credentials: 'omit',
          useSessionCookies: false,
        });
      } catch (error) {
        return reject(error);
      }

      let settled = false;
      // Where an error or abort goes once the Response is out: its body stream, if still open.
      let failBody: ((reason: unknown) => void) | null = null;
      const done = () => signal?.removeEventListener('abort', onAbort);
      const fail = (reason: unknown) => {
        if (!settled) {
          settled = true;
          done();
          reject(reason);
        } else failBody?.(reason);
      };
      const onAbort = () => {
        // The reason first: abort() makes the response emit 'aborted', which must not win.
        fail(abortReason(signal as AbortSignal));
        req.abort();
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      const answer = (build: () => Response) => {
        try {
          const response = build();
          Object.defineProperty(response, 'url', { value: url });
          settled = true;
          resolve(response);
        } catch (error) {
          fail(error);
          req.abort();
        }
      };

      req.on('redirect', (status, _method, redirectUrl, raw) => {
        // Returned, not followed: aborting here (synchronously) is what keeps Electron from
        // reporting "Redirect was cancelled" instead.
        const out = responseHeaders(raw);
        out.set('location', redirectUrl);
        req.abort();
        done();
        answer(() => new Response(null, { status, headers: out }));
      });

      req.on('response', (res) => {
        const nullBody = NULL_BODY.has(res.statusCode) || method === 'HEAD';
        let open = !nullBody;
        const stream = nullBody
          ? null
          : new ReadableStream<Uint8Array>({
              start(controller) {
                failBody = (reason) => {
                  if (!open) return;
                  open = false;
                  done();
                  controller.error(reason);
                };
                res.on('data', (chunk) => {
                  if (!open) return;
                  controller.enqueue(new Uint8Array(chunk));
                  if ((controller.desiredSize ?? 1) <= 0) res.pause?.();
                });
                res.on('end', () => {
                  if (!open) return;
                  open = false;
                  done();
                  controller.close();
                });
                res.on('error', (error) => failBody?.(error));
                res.on('aborted', () =>
                  failBody?.(new Error(`The response from ${new URL(url).host} was cut off.`)),
                );
              },
              pull() {
                res.resume?.();
              },
              cancel() {
                open = false;
                done();
                req.abort();
              },
            });
        if (nullBody) {
          done();
          res.on('data', () => undefined);
          res.on('error', () => undefined);
          res.resume?.();
        }
        answer(
          () =>
            new Response(stream, {
              status: res.statusCode,
              statusText: res.statusMessage,
              headers: responseHeaders(res.headers),
            }),
        );
      });

      req.on('error', (error) => fail(error));
      try {
        req.end(body);
      } catch (error) {
        fail(error);
        req.abort();
      }
    });
}
