import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppFailure } from '../contract';

export interface AuthorizationResponse {
  code: string;
  /** RFC 9207 `iss`, when the server sent it. */
  iss: string | null;
}

export interface LoopbackOptions {
  /** The `state` the app sent; a redirect carrying any other value is refused. */
  state: string;
  timeoutMs: number;
  signal?: AbortSignal;
  path?: string;
}

export interface LoopbackListener {
  redirectUri: string;
  /** Settles once: the first redirect with the right `state`, a timeout, or an abort. */
  result: Promise<AuthorizationResponse>;
  close(): Promise<void>;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
<h1 style="font-size:1.2rem">${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  res.end(html);
}

function declined(error: string, description: string | null): AppFailure {
  const said = description ? ` The server said: “${description.slice(0, 200)}”` : '';
  if (error === 'access_denied') {
    return new AppFailure(
      'auth_missing',
      `Sign-in was declined in the browser, so nothing was saved. Sign in again to allow access.${said}`,
    );
  }
  return new AppFailure(
    'protocol_error',
    `The sign-in server returned an error (${error.slice(0, 60)}), so nothing was saved.${said}`,
  );
}

/**
 * RFC 8252 loopback redirect: listens on 127.0.0.1 at a random port and accepts exactly one
 * redirect with the expected `state`. A wrong or missing `state` gets an error page and the
 * listener keeps waiting for the real one, so a stray or forged request cannot end the sign-in.
 */
export async function startLoopback(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? '/callback';
  let succeed: (response: AuthorizationResponse) => void = () => {};
  let fail: (failure: AppFailure) => void = () => {};
  const result = new Promise<AuthorizationResponse>((resolve, reject) => {
    succeed = resolve;
    fail = reject;
  });
  // Callers may close without awaiting the result; that must not surface as an unhandled rejection.
  result.catch(() => undefined);
  let done = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (done) return page(res, 410, 'Sign-in already finished', 'You can close this tab.');
    if (req.method !== 'GET' || url.pathname !== path) {
      return page(res, 404, 'Not found', 'This address is only used to finish signing in to LLM Desk.');
    }
    const params = url.searchParams;
    if (params.get('state') !== options.state) {
      return page(
        res,
        400,
        'This sign-in link is not the one LLM Desk started',
        'It was refused. If you are signing in, finish in the browser tab LLM Desk opened.',
      );
    }
    const error = params.get('error');
    const code = params.get('code');
    if (error !== null) {
      page(res, 200, 'Sign-in not completed', 'You can close this tab and return to LLM Desk.');
      return finish(() => fail(declined(error, params.get('error_description'))));
    }
    if (code === null || code === '') {
      page(
        res,
        400,
        'Sign-in response incomplete',
        'The server sent no authorization code. Return to LLM Desk and try again.',
      );
      return finish(() =>
        fail(
          new AppFailure(
            'protocol_error',
            'The sign-in server redirected back without an authorization code.',
          ),
        ),
      );
    }
    page(res, 200, 'Signed in', 'You can close this tab and return to LLM Desk.');
    finish(() => succeed({ code, iss: params.get('iss') }));
  });

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const finish = (outcome: () => void): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    outcome();
    server.close();
    server.closeIdleConnections();
  };
  const timer = setTimeout(() => {
    const minutes = Math.max(1, Math.round(options.timeoutMs / 60_000));
    finish(() =>
      fail(
        new AppFailure(
          'timeout',
          `Sign-in wasn't finished within ${minutes} min, so nothing was saved. Try again.`,
        ),
      ),
    );
  }, options.timeoutMs);
  const onAbort = (): void =>
    finish(() => fail(new AppFailure('aborted', 'Sign-in was cancelled; nothing was saved.')));
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch {
    finish(() => fail(new AppFailure('internal', 'Could not open a local port to finish signing in.')));
    throw new AppFailure(
      'internal',
      'Could not open a local port on 127.0.0.1 to finish signing in. Check that no firewall blocks local connections.',
    );
  }
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    result,
    close: async () => {
      finish(() => fail(new AppFailure('aborted', 'Sign-in was cancelled; nothing was saved.')));
      if (server.listening) await closed;
    },
  };
}
