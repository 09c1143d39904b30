import type { AppError, AuthKind, ErrorCode } from '../contract';
import { neededScopes } from '../models/scopeFilter';
import { retryHint } from './headers';
import type { ProviderError } from './shapes';
import { isRec, parseProviderError, str } from './shapes';

/** What an error message may name: never a secret. */
export interface FailureContext {
  host: string;
  model: string;
  authKind: AuthKind;
  confidential: boolean;
}

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

const clip = (text: string, max = 300): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The provider's own words from an error body (OpenAI shape, `{"error": "Name"}`, or plain text). */
export function providerMessage(bodyText: string): {
  message: string;
  param: string | null;
  error: ProviderError | null;
} {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isRec(body)) {
      const inner = body.error ?? body;
      const error = parseProviderError(inner);
      const param = isRec(inner) ? str(inner.param) : null;
      return { message: clip(error.message), param, error };
    }
  } catch {
    // Not JSON: a proxy's page or plain text, shown as it is.
  }
  return { message: clip(bodyText) || 'no details given', param: null, error: null };
}

/** What the model needs, from what the app knows about it: a server's wording may list other scopes. */
function scopeFor(ctx: FailureContext): string | null {
  if (ctx.authKind === 'api-key' || ctx.authKind === 'none') return null;
  return neededScopes(ctx.confidential);
}

export function httpFailure(
  status: number,
  bodyText: string,
  headers: Record<string, string>,
  ctx: FailureContext,
  now: number,
): AppError {
  const { message: said, param } = providerMessage(bodyText);
  const detail = { status, providerMessage: said, host: ctx.host };
  const quoted = `“${said}”`;
  if (status === 401) {
    const token = ctx.authKind === 'jwt' || ctx.authKind === 'oauth';
    return token
      ? {
          code: 'auth_expired',
          message: `${ctx.host} rejected the token ${quoted}. Sign in again or paste a fresh token in the provider settings.`,
          detail,
        }
      : {
          code: 'auth_missing',
          message: `${ctx.host} rejected the API key ${quoted}. Paste a valid key in the provider settings.`,
          detail,
        };
  }
  if (status === 402) {
    return {
      code: 'credits_exhausted',
      message: `Your credit balance at ${ctx.host} is used up ${quoted}. Top up your credits, then send again.`,
      detail,
    };
  }
  if (status === 403) {
    const scope = scopeFor(ctx);
    if (scope === null) {
      return {
        code: 'scope_denied',
        message: `${ctx.host} refused access to ${ctx.model} ${quoted}.`,
        detail,
      };
    }
    return {
      code: 'scope_denied',
      message: `Your token lacks the scope ${scope} needed for ${ctx.model} ${quoted}. ${ctx.authKind === 'oauth' ? 'Sign in again granting that scope' : 'Paste a token that grants it'}, or pick a model your token allows.`,
      detail: { ...detail, scope },
    };
  }
  if (status === 429) {
    const wait = retryHint(headers, now);
    const when = wait === null ? 'Wait a moment' : `Try again in ${seconds(wait)}`;
    return {
      code: 'rate_limited',
      message: `${ctx.host} is rate limiting requests ${quoted}. ${when}.`,
      ...(wait === null ? {} : { retryAfterMs: wait }),
      detail,
    };
  }
  if (status >= 500) {
    return {
      code: 'provider_error',
      message: `${ctx.host} had a problem (${status}) ${quoted}. Try again in a moment.`,
      detail,
    };
  }
  if (status === 400 || status === 404 || status === 409 || status === 413 || status === 422) {
    return {
      code: 'invalid_request',
      message: `${ctx.host} refused the request (${status}) ${quoted}.`,
      detail: param ? { ...detail, field: param } : detail,
    };
  }
  return { code: 'provider_error', message: `${ctx.host} answered ${status} ${quoted}.`, detail };
}

/** undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }). */
function reasonOf(error: unknown): string | null {
  let current: unknown = error;
  let innermost: string | null = null;
  for (let depth = 0; depth < 4; depth += 1) {
    if (!(current instanceof Error) && !isRec(current)) break;
    const { code, cause, message } = current as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof code === 'string') return code;
    if (typeof message === 'string' && message !== '' && message !== 'fetch failed') innermost = message;
    current = cause;
  }
  return innermost === null ? null : clip(innermost, 80);
}

/** fetch failed before an answer, or the connection broke while reading one. */
export function networkFailure(error: unknown, ctx: FailureContext, midStream: boolean): AppError {
  const reason = reasonOf(error);
  const why = reason ? ` (${reason})` : '';
  const message = midStream
    ? `The connection to ${ctx.host} broke before the answer finished${why}. What arrived is kept.`
    : `Could not reach ${ctx.host}${why}. Check the base URL and your connection.`;
  return { code: 'network', message, detail: { host: ctx.host } };
}

export function endedEarly(ctx: FailureContext): AppError {
  return {
    code: 'network',
    message: `${ctx.host} closed the connection before the answer finished. What arrived is kept.`,
    detail: { host: ctx.host },
  };
}

export type TimeoutKind = 'connect' | 'firstByte' | 'idle';

export function timeoutFailure(kind: TimeoutKind, ms: number, ctx: FailureContext): AppError {
  const what =
    kind === 'connect'
      ? `${ctx.host} did not answer within ${seconds(ms)}`
      : kind === 'firstByte'
        ? `${ctx.host} sent nothing for ${seconds(ms)} after accepting the request`
        : `${ctx.host} went quiet for ${seconds(ms)} in the middle of the answer`;
  return {
    code: 'timeout',
    message: `${what}. What arrived is kept; the timeouts are in the provider settings.`,
    detail: { host: ctx.host },
  };
}

const FRAME_CODES: Record<string, ErrorCode> = {
  rate_limit_exceeded: 'rate_limited',
  insufficient_quota: 'credits_exhausted',
  CreditsExhaustedError: 'credits_exhausted',
  invalid_api_key: 'auth_missing',
  invalid_token: 'auth_expired',
  insufficient_scope: 'scope_denied',
};

/** A `data: {"error": …}` frame in the middle of a stream. */
export function frameFailure(error: ProviderError, ctx: FailureContext): AppError {
  const code =
    FRAME_CODES[error.code ?? ''] ??
    FRAME_CODES[error.type ?? ''] ??
    FRAME_CODES[error.message] ??
    'provider_error';
  return {
    code,
    message: `${ctx.host} stopped the answer with an error “${clip(error.message)}”. What arrived is kept.`,
    detail: { providerMessage: clip(error.message), host: ctx.host },
  };
}

export function protocolFailure(sample: string, ctx: FailureContext): AppError {
  return {
    code: 'protocol_error',
    message: `${ctx.host} sent something that is not a chat completion: “${clip(sample, 80)}”. What arrived before it is kept.`,
    detail: { host: ctx.host, providerMessage: clip(sample, 300) },
  };
}

export const abortedFailure: AppError = { code: 'aborted', message: 'Stopped. What arrived is kept.' };
