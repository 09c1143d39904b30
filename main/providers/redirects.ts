import { AppFailure } from '../contract';
import type { FetchLike } from './http';

/** Same-origin hops followed before giving up: real APIs need one at most (a trailing slash). */
export const MAX_REDIRECTS = 5;

const REDIRECT = new Set([301, 302, 303, 307, 308]);

const originOf = (url: URL): string => `${url.protocol}//${url.host}`;

/** Where the user can see a redirect tried to take them: the origin only, never a path or query. */
function shownTarget(location: string, base: URL): string {
  try {
    return originOf(new URL(location, base));
  } catch {
    return location.slice(0, 80);
  }
}

function refused(from: URL, target: string, why: string, status?: number): AppFailure {
  return new AppFailure(
    'provider_error',
    `${from.host} tried to redirect this request to ${target}${status === undefined ? '' : ` (${status})`}. ${why} If the service has moved, change its base URL in the provider settings.`,
    { detail: { host: from.host, ...(status === undefined ? {} : { status }) } },
  );
}

/**
 * The rules a redirect target is checked by: the same ones the base URL passed (http(s), no user
 * name or password in it), and the same origin as where the request was sent. Same origin rules
 * out another host, another port and https → http in one comparison, so credentials and custom
 * headers never leave the origin the user configured.
 */
function checkTarget(location: string, current: URL, start: URL, status: number): URL {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw refused(current, shownTarget(location, current), 'That is not a valid address.', status);
  }
  if (next.protocol !== 'https:' && next.protocol !== 'http:')
    throw refused(current, next.protocol, 'Only http(s) addresses are followed.', status);
  if (next.username !== '' || next.password !== '')
    throw refused(
      current,
      originOf(next),
      'Addresses with a user name or password are not followed.',
      status,
    );
  if (next.protocol === 'http:' && start.protocol === 'https:')
    throw refused(
      current,
      originOf(next),
      'That would drop encryption (https → http), so it was not followed and nothing was sent there.',
      status,
    );
  if (originOf(next) !== originOf(start))
    throw refused(
      current,
      originOf(next),
      'Requests only go to the address you configured, so it was not followed: your prompt, key and headers were not sent there.',
      status,
    );
  return next;
}

/** A body that can be sent again unchanged on a 307/308. */
function replayable(body: RequestInit['body']): boolean {
  return body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams;
}

/** Electron's net.fetch rejects a redirect in 'manual' mode instead of returning it (electron#43715). */
function isCancelledRedirect(error: unknown): boolean {
  return error instanceof Error && /Redirect was cancelled/i.test(error.message);
}

/**
 * `fetch` with `redirect: 'manual'`, following only same-origin redirects itself, re-checked at
 * every hop, at most MAX_REDIRECTS of them. Any other redirect throws an AppFailure naming the
 * origin it pointed at. Every request to a provider, its model list and OAuth goes through here.
 */
export async function fetchWithinOrigin(
  fetch: FetchLike,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const start = new URL(url);
  let current = start;
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  let headers = new Headers(init.headers);
  for (let hop = 0; ; hop += 1) {
    let response: Response;
    try {
      response = await fetch(current.toString(), { ...init, method, headers, body, redirect: 'manual' });
    } catch (error) {
      if (isCancelledRedirect(error))
        throw refused(current, 'another address', 'Redirects are not followed, so nothing was sent there.');
      throw error;
    }
    const location = response.headers.get('location');
    if (!REDIRECT.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = checkTarget(location, current, start, response.status);
    if (hop + 1 > MAX_REDIRECTS)
      throw refused(current, originOf(next), `It redirected more than ${MAX_REDIRECTS} times in a row.`);
    // 301/302 turn a POST into a GET and 303 turns anything into one, as browsers do; 307/308 resend.
    const toGet = response.status === 303 ? method !== 'HEAD' : response.status <= 302 && method === 'POST';
    if (toGet) {
      method = 'GET';
      body = undefined;
      headers = new Headers(headers);
      headers.delete('content-type');
      headers.delete('content-length');
    } else if (!replayable(body)) {
      throw refused(current, originOf(next), 'The request body cannot be sent twice.', response.status);
    }
    current = next;
  }
}
