import type { AuthKind } from '../contract';
import { AppFailure } from '../contract';

/** The platform `fetch` in Node tests, Electron's `net.fetch` (system proxy and certificates) in the app. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Removes every known secret from text that came from elsewhere (a server's error body, an exception). */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('…');
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The human part of an error body: OpenAI `{error:{message}}`, `{error:"..."}`, OAuth `error_description`. */
export function providerMessageOf(bodyText: string): string | undefined {
  let message: string | undefined;
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isRecord(body)) {
      const error = body.error;
      if (isRecord(error) && typeof error.message === 'string') message = error.message;
      else if (typeof body.error_description === 'string') message = body.error_description;
      else if (typeof error === 'string') message = error;
      else if (typeof body.message === 'string') message = body.message;
    }
  } catch {
    const text = bodyText.trim();
    if (text !== '' && !text.startsWith('<')) message = text;
  }
  return message === undefined ? undefined : message.slice(0, 300);
}

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|ERR_CERT|ERR_BAD_SSL)/;

/** Node puts a code on the error or its cause; Electron's net.fetch only says `net::ERR_…` in the message. */
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && isRecord(current); depth += 1) {
    if (typeof current.code === 'string') return current.code;
    const chromium =
      typeof current.message === 'string' ? /net::(ERR_[A-Z_]+)/.exec(current.message)?.[1] : undefined;
    if (chromium) return CHROMIUM_CODES[chromium] ?? chromium;
    current = current.cause;
  }
  return undefined;
}

const CHROMIUM_CODES: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
};

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Turns a thrown `fetch` error into a message that names the host and what to check. */
export function networkFailure(error: unknown, url: string, timeoutMs?: number): AppFailure {
  if (error instanceof AppFailure) return error;
  const host = hostOf(url);
  if (isAbort(error)) {
    const within = timeoutMs === undefined ? '' : ` within ${Math.round(timeoutMs / 1000)} s`;
    return new AppFailure(
      'timeout',
      `${host} didn't answer${within}. Check your connection or raise the provider's timeout.`,
      {
        detail: { host },
      },
    );
  }
  const code = causeCode(error);
  if (code && TLS_CODE.test(code)) {
    return new AppFailure(
      'network',
      `Couldn't make a secure connection to ${host}: its certificate was not accepted (${code}). Check the base URL, or your system's certificates and proxy.`,
      { detail: { host } },
    );
  }
  const reason =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? `the name ${host} could not be resolved`
      : code === 'ECONNREFUSED'
        ? `${host} refused the connection`
        : code === 'ECONNRESET'
          ? `${host} closed the connection`
          : code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT'
            ? `connecting to ${host} timed out`
            : `the request to ${host} failed${code ? ` (${code})` : ''}`;
  const kind = code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' ? 'timeout' : 'network';
  return new AppFailure(kind, `Couldn't reach ${host}: ${reason}. Check the base URL and your connection.`, {
    detail: { host },
  });
}

export interface HttpFailureContext {
  url: string;
  authKind: AuthKind;
  /** "listing models", "signing in": finishes "… while {doing}". */
  doing: string;
  /** A scope the caller knows would be needed, when the server does not name it. */
  scope?: string;
  secrets?: readonly (string | null | undefined)[];
}

function scopeNamed(message: string | undefined): string | undefined {
  return message === undefined ? undefined : /\b(llm-[a-z]+)\b/.exec(message)?.[1];
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Maps an HTTP error status to a stable code and a message with the next step. Settings are never touched. */
export function httpFailure(response: Response, bodyText: string, ctx: HttpFailureContext): AppFailure {
  const host = hostOf(ctx.url);
  const status = response.status;
  const said = providerMessageOf(bodyText);
  const providerMessage = said === undefined ? undefined : redact(said, ctx.secrets ?? []);
  const detail = { status, host, ...(providerMessage ? { providerMessage } : {}) };
  const saying = providerMessage ? ` The service said: “${providerMessage}”` : '';
  if (status === 401) {
    if (ctx.authKind === 'api-key') {
      return new AppFailure(
        'auth_missing',
        `${host} rejected the API key (401) while ${ctx.doing}. Paste a valid key in Settings → Providers.${saying}`,
        { detail },
      );
    }
    if (ctx.authKind === 'none') {
      return new AppFailure(
        'auth_missing',
        `${host} needs credentials (401) while ${ctx.doing}. Choose an auth kind and add a key or token.${saying}`,
        { detail },
      );
    }
    return new AppFailure(
      'auth_expired',
      `${host} rejected the token (401) while ${ctx.doing}. Paste a new token or sign in again.${saying}`,
      { detail },
    );
  }
  if (status === 403) {
    const scope = scopeNamed(providerMessage) ?? ctx.scope;
    const what = scope ? `your token lacks the ${scope} scope` : 'your token lacks a scope this needs';
    return new AppFailure(
      'scope_denied',
      `${host} refused (403) while ${ctx.doing}: ${what}. Use a token or sign-in that grants it.${saying}`,
      {
        detail: { ...detail, ...(scope ? { scope } : {}) },
      },
    );
  }
  if (status === 402) {
    return new AppFailure(
      'credits_exhausted',
      `Your credits at ${host} are used up (402). Top up your balance, then try again.`,
      { detail },
    );
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    const when = wait === undefined ? 'in a moment' : `in ${Math.ceil(wait / 1000)} s`;
    return new AppFailure('rate_limited', `${host} is rate limiting requests (429). Try again ${when}.`, {
      detail,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  if (status === 404) {
    return new AppFailure(
      'provider_error',
      `${host} answered 404 while ${ctx.doing}. Check that the base URL ends at the API root (for example …/v1).${saying}`,
      { detail },
    );
  }
  return new AppFailure(
    'provider_error',
    `${host} answered ${status} while ${ctx.doing}. Try again later.${saying}`,
    { detail },
  );
}

export { fetchWithinOrigin, MAX_REDIRECTS } from './redirects';

/**
 * A body read up to `maxBytes` (after decompression): a model list or a token answer the size of a
 * disk would otherwise be buffered whole. Past the limit it throws a protocol_error naming it.
 */
/**
 * Reads a body as text up to `maxBytes` (it stops at the first chunk past it and says so), calling
 * `onChunk` with every chunk as it arrives. A body that breaks keeps the text read before, with the
 * error beside it. The reader is cancelled on every way out.
 */
export async function readTextUpTo(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => void = () => {},
): Promise<{ text: string; overLimit: boolean; broken?: unknown }> {
  if (body === null) return { text: '', overLimit: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode(), overLimit: false };
      onChunk(value);
      size += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (size > maxBytes) return { text: text + decoder.decode(), overLimit: true };
    }
  } catch (broken) {
    return { text: text + decoder.decode(), overLimit: false, broken };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** A short JSON answer's text; more than `maxBytes` is refused, naming the host that sent it. */
export async function readBoundedText(response: Response, maxBytes: number, url: string): Promise<string> {
  const { text, overLimit, broken } = await readTextUpTo(response.body, maxBytes);
  if (broken !== undefined) throw broken;
  if (!overLimit) return text;
  const host = hostOf(url);
  throw new AppFailure(
    'protocol_error',
    `${host} sent more than ${formatBytes(maxBytes)} where a short JSON answer was expected, so it was not read further.`,
    { detail: { host } },
  );
}

/** "64 MB", "1 MB", "512 KB": limits as people read them (binary units, rounded). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20) return `${Math.round((bytes / (1 << 20)) * 10) / 10} MB`;
  if (bytes >= 1 << 10) return `${Math.round((bytes / (1 << 10)) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
