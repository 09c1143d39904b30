import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { AppError, Timeouts, Timings } from '../../contract';
import { isAppFailure } from '../../contract';
import { fetchWithinOrigin, readTextUpTo } from '../../providers/http';
import { StreamAssembler } from '../assembly/assembler';
import type { FailureContext, TimeoutKind } from '../assembly/failures';
import { abortedFailure, httpFailure, networkFailure, timeoutFailure } from '../assembly/failures';
import { pickHeaders } from './headers';
import type { LimitKind, StreamLimits } from './limits';
import { DEFAULT_LIMITS, firstLines, keepAliveFailure, webPageFailure } from './limits';
import type { RawEventLog } from './rawLog';
import type { Assembled } from '../assembly/shapes';
import { readEventStream, readJsonBody } from './streamBody';
import { Watchdog } from './watchdog';

export interface ExchangeOptions {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  /** The serialized body: sent exactly as given. */
  bytes: string;
  /** Whether the request asked for a stream; the response's content type decides in the end. */
  stream: boolean;
  timeouts: Timeouts;
  /** The user's Stop: aborts the HTTP request at once. */
  signal: AbortSignal;
  expectedChoices: number;
  context: FailureContext;
  now?: () => number;
  /** Pass one to read the growing answer while it streams (`drain`). */
  assembler?: StreamAssembler;
  rawEvents?: RawEventLog;
  /** Called after each network chunk has been parsed. */
  onProgress?: () => void;
  /** What the answer may cost; the defaults when the provider sets none. */
  limits?: StreamLimits;
}

export type ExchangeOutcome = 'complete' | 'interrupted' | 'error';

export interface ExchangeResult {
  outcome: ExchangeOutcome;
  failure: AppError | null;
  /** Failed before any of the answer arrived, in a way worth another attempt. */
  retryable: boolean;
  status: number | null;
  responseHeaders: Record<string, string>;
  /** SHA-256 (hex) of the response body bytes exactly as received. */
  sha256: string | null;
  timings: Timings;
  assembled: Assembled;
  /** Body bytes read, after decompression: never more than the body limit and one chunk. */
  bytesRead?: number;
}

export type StopReason = { kind: 'aborted' } | { kind: 'timeout'; timeout: TimeoutKind; ms: number };

/** Shared by the body readers: the clock, the hash and why the exchange was stopped. */
export interface ExchangeContext {
  readonly options: ExchangeOptions;
  readonly assembler: StreamAssembler;
  readonly hash: Hash;
  readonly timings: Timings;
  readonly watchdog: Watchdog;
  readonly now: () => number;
  readonly limits: StreamLimits;
  stopped: StopReason | null;
  /** Body bytes read so far, after decompression. */
  bytesRead: number;
  /** The limit the answer was cut at, if any. */
  cut: LimitKind | null;
  /** Only keep-alive comments arrived since the timer was last re-armed. */
  keepAliveOnly: boolean;
}

const MAX_ERROR_BODY = 1 << 20;

async function readErrorBody(
  ctx: ExchangeContext,
  body: ReadableStream<Uint8Array> | null,
  max = MAX_ERROR_BODY,
): Promise<string> {
  // A broken error body keeps what arrived: the status says enough without the rest.
  const { text } = await readTextUpTo(body, max, (chunk) => {
    ctx.timings.firstByteAt ??= ctx.now();
    ctx.watchdog.arm(ctx.options.timeouts.idleMs, 'idle');
    ctx.hash.update(chunk);
  });
  return text;
}

function stoppedFailure(stop: StopReason, ctx: FailureContext, keepAliveOnly = false): AppError {
  if (stop.kind === 'aborted') return abortedFailure;
  return keepAliveOnly && stop.timeout !== 'connect'
    ? keepAliveFailure(stop.ms, ctx)
    : timeoutFailure(stop.timeout, stop.ms, ctx);
}

const WEB_PAGE_HEAD = 16 << 10;

const isWebPage = (response: Response): boolean =>
  /\bx?html\b/i.test(response.headers.get('content-type') ?? '');

/** One HTTP exchange: send the exact bytes, read and hash the answer, assemble it, classify the ending. */
export async function runExchange(options: ExchangeOptions): Promise<ExchangeResult> {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  const timings: Timings = { requestSentAt: null, firstByteAt: null, firstTokenAt: null, endedAt: null };
  const ctx: ExchangeContext = {
    options,
    assembler: options.assembler ?? new StreamAssembler(),
    hash: createHash('sha256'),
    timings,
    now,
    limits: options.limits ?? DEFAULT_LIMITS,
    stopped: null,
    bytesRead: 0,
    cut: null,
    keepAliveOnly: false,
    watchdog: new Watchdog((timeout, ms) => stop({ kind: 'timeout', timeout, ms })),
  };
  function stop(reason: StopReason): void {
    if (ctx.stopped !== null) return;
    ctx.stopped = reason;
    controller.abort();
  }
  const onAbort = (): void => stop({ kind: 'aborted' });
  let status: number | null = null;
  let responseHeaders: Record<string, string> = {};
  const finish = (
    outcome: ExchangeOutcome,
    failure: AppError | null,
    retryable = false,
    hashed = true,
  ): ExchangeResult => {
    ctx.watchdog.dispose();
    options.signal.removeEventListener('abort', onAbort);
    timings.endedAt = now();
    const sha256 = hashed ? ctx.hash.digest('hex') : null;
    return {
      outcome,
      failure,
      retryable,
      status,
      responseHeaders,
      sha256,
      timings,
      assembled: ctx.assembler.result(),
      bytesRead: ctx.bytesRead,
    };
  };

  if (options.signal.aborted) return finish('interrupted', abortedFailure, false, false);
  options.signal.addEventListener('abort', onAbort, { once: true });
  const { connectMs, firstByteMs } = options.timeouts;
  ctx.watchdog.arm(connectMs + firstByteMs, 'connect');
  timings.requestSentAt = now();
  let response: Response;
  try {
    response = await fetchWithinOrigin(options.fetch, options.url, {
      method: 'POST',
      headers: options.headers,
      body: options.bytes,
      signal: controller.signal,
    });
  } catch (error) {
    if (ctx.stopped !== null)
      return finish('interrupted', stoppedFailure(ctx.stopped, options.context), false, false);
    // A refused redirect already says where it pointed; sending again would meet it again.
    if (isAppFailure(error)) return finish('error', error.error, false, false);
    return finish('error', networkFailure(error, options.context, false), true, false);
  }
  status = response.status;
  responseHeaders = pickHeaders(response.headers);
  ctx.watchdog.arm(firstByteMs, 'firstByte');

  if (!response.ok) {
    const text = await readErrorBody(ctx, response.body);
    if (text !== '') options.rawEvents?.add(now(), text);
    // A proxy's error page is quoted by its visible lines, not its markup.
    const said = isWebPage(response) ? firstLines(text) : text;
    const failure = httpFailure(response.status, said, responseHeaders, options.context, now());
    return finish('error', failure, response.status === 429 || response.status >= 500);
  }

  const type = response.headers.get('content-type') ?? '';
  if (isWebPage(response)) {
    const head = await readErrorBody(ctx, response.body, WEB_PAGE_HEAD);
    if (head !== '') options.rawEvents?.add(now(), head);
    return finish('error', webPageFailure(response.status, head, options.context, options.stream));
  }
  const sse = type.includes('event-stream') || (options.stream && !type.includes('json'));
  const ending = sse ? await readEventStream(ctx, response.body) : await readJsonBody(ctx, response.body);
  if (ending.kind === 'stopped') {
    // A provider that keeps the socket open after [DONE] has still finished.
    if (ctx.assembler.done) return finish('complete', null);
    return finish(
      'interrupted',
      ctx.stopped ? stoppedFailure(ctx.stopped, options.context, ctx.keepAliveOnly) : abortedFailure,
    );
  }
  if (ending.kind === 'broken') {
    const nothingYet = timings.firstByteAt === null;
    return finish(
      nothingYet ? 'error' : 'interrupted',
      networkFailure(ending.error, options.context, !nothingYet),
      nothingYet,
    );
  }
  return finish(ending.outcome, ending.failure);
}
