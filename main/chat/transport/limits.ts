import type { AppError, ProviderLimits } from '../../contract';
import { DEFAULT_PROVIDER_LIMITS } from '../../contract';
import { formatBytes } from '../../providers/http';
import type { FailureContext } from '../assembly/failures';

/**
 * What one answer may cost this process, whatever the provider sends. Generous enough for any real
 * answer (a 64 MB body is hours of streaming), small enough that a hostile provider cannot grow
 * main to gigabytes.
 */
export interface StreamLimits {
  /** Response body bytes after decompression (a gzip bomb counts what it expands to). */
  bodyBytes: number;
  /** One line of the event stream (an endless event of short lines meets the body limit). */
  lineBytes: number;
  /** The text of one answer (content, reasoning and tool-call arguments of one choice). */
  messageBytes: number;
  /** The raw events kept for the inspector, per answer; past it a marker says what was left out. */
  rawLogBytes: number;
}

export const DEFAULT_LIMITS: StreamLimits = {
  bodyBytes: DEFAULT_PROVIDER_LIMITS.bodyMb << 20,
  lineBytes: DEFAULT_PROVIDER_LIMITS.lineKb << 10,
  messageBytes: DEFAULT_PROVIDER_LIMITS.messageMb << 20,
  rawLogBytes: 16 << 20,
};

/** A provider's own limits (in the units its form shows) over the defaults. */
export function streamLimits(own: ProviderLimits | undefined): StreamLimits {
  return {
    bodyBytes: own?.bodyMb === undefined ? DEFAULT_LIMITS.bodyBytes : own.bodyMb << 20,
    lineBytes: own?.lineKb === undefined ? DEFAULT_LIMITS.lineBytes : own.lineKb << 10,
    messageBytes: own?.messageMb === undefined ? DEFAULT_LIMITS.messageBytes : own.messageMb << 20,
    rawLogBytes: DEFAULT_LIMITS.rawLogBytes,
  };
}

export type LimitKind = 'body' | 'line' | 'message';

const WHAT: Record<LimitKind, string> = {
  body: 'more than {limit} in one answer',
  line: 'a line of the event stream longer than {limit}',
  message: 'an answer longer than {limit}',
};

/** Past a limit the answer ends as a protocol error; what arrived before is kept. */
export function limitFailure(kind: LimitKind, limit: number, ctx: FailureContext): AppError {
  const what = WHAT[kind].replace('{limit}', formatBytes(limit));
  return {
    code: 'protocol_error',
    message: `${ctx.host} sent ${what}, so the answer was cut there. What arrived before is kept; the limits are under Advanced in the provider settings.`,
    detail: { host: ctx.host },
  };
}

/** The first few non-empty lines of a page, tags stripped, for a person to recognise it. */
export function firstLines(text: string, lines = 3, width = 120): string {
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .slice(0, lines)
    .map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line))
    .join(' / ');
}

/** A login portal, a proxy's error page or a CDN challenge answered instead of the API. */
export function webPageFailure(status: number, head: string, ctx: FailureContext, stream: boolean): AppError {
  const shown = firstLines(head);
  const expected = stream ? 'an event stream' : 'a chat completion';
  return {
    code: 'protocol_error',
    message: `${ctx.host} answered with a web page, not ${expected} (${status})${shown === '' ? '' : `: “${shown}”`}. A proxy, captive portal or wrong base URL usually causes this.`,
    detail: { host: ctx.host, status, providerMessage: shown },
  };
}

/** Only `: keep-alive` comments arrived: the connection is alive, the answer is not coming. */
export function keepAliveFailure(ms: number, ctx: FailureContext): AppError {
  const seconds = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
  return {
    code: 'timeout',
    message: `${ctx.host} sent only keep-alive comments and no answer for ${seconds}. What arrived is kept; the timeouts are in the provider settings.`,
    detail: { host: ctx.host },
  };
}
