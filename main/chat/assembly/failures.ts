import type { AppError, AuthKind, ErrorCode } from '../../contract';
import { neededScopes } from '../../models/scopeFilter';
import { retryHint } from '../transport/headers';
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

/** The provider's own words from an error body (OpenAI shape, `{"error": "Name", "message": …}`, or plain text). */
function providerMessage(bodyText: string): {
  message: string;
  param: string | null;
  error: ProviderError | null;
} {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (isRec(body)) {
      const error = parseProviderError(body);
      const inner = isRec(body.error) ? body.error : body;
      return { message: clip(error.message), param: str(inner.param), error };
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

/** Provider error codes and types, as OpenAI and the gateways in front of other models name them. */
const NAMED: Record<string, ErrorCode> = {
  context_length_exceeded: 'invalid_request',
  string_above_max_length: 'invalid_request',
  model_not_found: 'invalid_request',
  unsupported_parameter: 'invalid_request',
  invalid_request_error: 'invalid_request',
  badrequesterror: 'invalid_request',
  rate_limit_exceeded: 'rate_limited',
  rate_limit_error: 'rate_limited',
  insufficient_quota: 'credits_exhausted',
  creditsexhaustederror: 'credits_exhausted',
  credits_exhausted: 'credits_exhausted',
  insufficient_credits: 'credits_exhausted',
  invalid_api_key: 'auth_missing',
  invalid_token: 'auth_expired',
  token_expired: 'auth_expired',
  insufficient_scope: 'scope_denied',
  permission_error: 'scope_denied',
};

const CONTEXT_LENGTH =
  /context[_ ]length|maximum context|context window|prompt is too long|too many tokens|reduce the length/i;

function byStatus(status: number, ctx: FailureContext): ErrorCode | null {
  if (status === 401)
    return ctx.authKind === 'jwt' || ctx.authKind === 'oauth' ? 'auth_expired' : 'auth_missing';
  if (status === 402) return 'credits_exhausted';
  if (status === 403) return 'scope_denied';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'provider_error';
  if ([400, 404, 409, 413, 422].includes(status)) return 'invalid_request';
  return null;
}

/**
 * One classification for an error wherever it arrives (an HTTP status, a 200 whose body is an
 * error, a frame in the middle of a stream), so the same error always gets the same code. The
 * provider's own code names it best; the HTTP status (or a numeric `code`) decides otherwise.
 */
function classify(status: number | null, error: ProviderError | null, ctx: FailureContext): ErrorCode {
  if (status === 401) return byStatus(401, ctx) ?? 'auth_missing';
  if (error !== null) {
    for (const name of [error.code, error.type, error.message]) {
      const code = name === null ? undefined : NAMED[name.toLowerCase()];
      if (code !== undefined) return code;
    }
    if (CONTEXT_LENGTH.test(error.message)) return 'invalid_request';
  }
  const numeric = error?.code !== null && error?.code !== undefined ? Number(error.code) : NaN;
  const effective = status ?? (Number.isInteger(numeric) && numeric >= 400 ? numeric : null);
  return (effective === null ? null : byStatus(effective, ctx)) ?? 'provider_error';
}

/** What to do about it, said once. */
function todo(code: ErrorCode, ctx: FailureContext, said: string, wait: number | null): string {
  switch (code) {
    case 'auth_missing':
      return 'Paste a valid key in the provider settings, then retry.';
    case 'auth_expired':
      return 'Sign in again or paste a fresh token in the provider settings, then retry.';
    case 'scope_denied': {
      const scope = scopeFor(ctx);
      if (scope === null) return 'Pick a model your key allows.';
      const fix = ctx.authKind === 'oauth' ? 'sign in again granting it' : 'paste a token that grants it';
      return `Your token lacks the scope ${scope} needed for ${ctx.model}: ${fix}, or pick a model your token allows.`;
    }
    case 'credits_exhausted':
      return 'Top up your credits with the provider, then retry.';
    case 'rate_limited':
      return wait === null ? 'Wait a moment, then retry.' : `Retry in ${seconds(wait)}.`;
    case 'invalid_request':
      return CONTEXT_LENGTH.test(said)
        ? 'Shorten the conversation or pick a model with a longer context, then retry.'
        : 'Check the parameters in the inspector, then retry.';
    default:
      return 'Retry in a moment, or try another model.';
  }
}

/** A quote that ends its own sentence needs no second full stop after it. */
const stop = (quoted: string): string => (/[.!?…]$/.test(quoted) ? '' : '.');

interface Arrival {
  /** The HTTP status when the provider refused outright. */
  status: number | null;
  /** Part of the answer had arrived before the error. */
  kept: boolean;
  wait: number | null;
  param: string | null;
}

/** "<host> answered 429: “…”." then what to do; the heading the window puts above says what kind. */
function providerFailure(
  error: ProviderError | null,
  said: string,
  at: Arrival,
  ctx: FailureContext,
): AppError {
  const code = classify(at.status, error, ctx);
  const where =
    at.status !== null
      ? `${ctx.host} answered ${at.status}`
      : at.kept
        ? `${ctx.host} stopped the answer with an error`
        : `${ctx.host} answered with an error`;
  const kept = at.kept ? ' What arrived is kept.' : '';
  const scope = code === 'scope_denied' ? scopeFor(ctx) : null;
  return {
    code,
    message: `${where}: “${said}”${stop(said)}${kept} ${todo(code, ctx, said, at.wait)}`,
    ...(at.wait === null ? {} : { retryAfterMs: at.wait }),
    detail: {
      ...(at.status === null ? {} : { status: at.status }),
      providerMessage: said,
      host: ctx.host,
      ...(scope === null ? {} : { scope }),
      ...(at.param === null ? {} : { field: at.param }),
    },
  };
}

export function httpFailure(
  status: number,
  bodyText: string,
  headers: Record<string, string>,
  ctx: FailureContext,
  now: number,
): AppError {
  const { message: said, param, error } = providerMessage(bodyText);
  const wait = status === 429 ? retryHint(headers, now) : null;
  return providerFailure(error, said, { status, kept: false, wait, param }, ctx);
}

/**
 * An error reported in a 200 body or as a `data: {"error": …}` frame; `kept` when part of the
 * answer had arrived before it (never for a whole, non-streamed body).
 */
export function frameFailure(error: ProviderError, ctx: FailureContext, kept = true): AppError {
  return providerFailure(error, clip(error.message), { status: null, kept, wait: null, param: null }, ctx);
}

/**
 * What happened, without what to do: the retry banner has its own countdown and Cancel, so the
 * failure's advice (often the same wait) is not repeated there.
 */
export function retryReason(failure: AppError): string {
  const { status, providerMessage, host } = failure.detail ?? {};
  if (status !== undefined && host !== undefined)
    return `${host} answered ${status}${providerMessage ? `: “${providerMessage}”` : ''}`;
  const cut = failure.message.indexOf('. ');
  return cut > 0 ? failure.message.slice(0, cut) : failure.message;
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

const CONTINUE = 'What arrived is kept; Continue lets the model finish.';

/** fetch failed before an answer, or the connection broke while reading one (the host was reached). */
export function networkFailure(error: unknown, ctx: FailureContext, midStream: boolean): AppError {
  const reason = reasonOf(error);
  const why = reason ? ` (${reason})` : '';
  const message = midStream
    ? `${ctx.host} stopped sending mid-answer${why}. ${CONTINUE}`
    : `Could not reach ${ctx.host}${why}. Check the base URL and your connection.`;
  return { code: 'network', message, detail: { host: ctx.host } };
}

export function endedEarly(ctx: FailureContext): AppError {
  return {
    code: 'network',
    message: `${ctx.host} ended the response before the answer was done. ${CONTINUE}`,
    detail: { host: ctx.host },
  };
}

export type TimeoutKind = 'connect' | 'firstByte' | 'idle';

export function timeoutFailure(kind: TimeoutKind, ms: number, ctx: FailureContext): AppError {
  const message =
    kind === 'connect'
      ? `${ctx.host} did not answer within ${seconds(ms)}. Retry, or raise the timeouts in the provider settings.`
      : kind === 'firstByte'
        ? `${ctx.host} sent nothing for ${seconds(ms)} after accepting the request. Retry, or raise the timeouts in the provider settings.`
        : `${ctx.host} went quiet for ${seconds(ms)} mid-answer. ${CONTINUE}`;
  return { code: 'timeout', message, detail: { host: ctx.host } };
}

export function protocolFailure(sample: string, ctx: FailureContext, kept = true): AppError {
  return {
    code: 'protocol_error',
    message: `${ctx.host} sent something that is not a chat completion: “${clip(sample, 80)}”.${kept ? ' What arrived before it is kept.' : ''} Retry, or try another model.`,
    detail: { host: ctx.host, providerMessage: clip(sample, 300) },
  };
}

/** The provider finished without text, reasoning or a tool call; the raw events show what came. */
export function emptyAnswer(ctx: FailureContext, finishReason: string | null): AppError {
  const why = finishReason === null ? '' : ` (finish reason “${finishReason}”)`;
  return {
    code: 'empty_answer',
    message: `${ctx.host} finished without any text, reasoning or tool call${why}. Retry, or see the raw events in the inspector.`,
    detail: { host: ctx.host },
  };
}

/** The window's heading already says it was stopped; the message says what is left and what next. */
export const abortedFailure: AppError = { code: 'aborted', message: CONTINUE };
