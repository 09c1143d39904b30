import { createParser } from 'eventsource-parser';
import type { EventSourceMessage } from 'eventsource-parser';
import type { AppError } from '../../contract';
import { FRAME_ERROR, FRAME_MALFORMED } from '../assembly/assembler';
import { endedEarly, frameFailure, protocolFailure } from '../assembly/failures';
import { LINE_PROGRESS, LINE_TOO_LONG, LineMeter } from './lineMeter';
import { limitFailure, webPageFailure } from './limits';
import { isRec, parseProviderError } from '../assembly/shapes';
import type { ExchangeContext, ExchangeOutcome } from './attempt';

export type BodyEnding =
  | { kind: 'ended'; outcome: ExchangeOutcome; failure: AppError | null }
  | { kind: 'stopped' }
  | { kind: 'broken'; error: unknown };

const LF = 10;
const CR = 13;

/**
 * Pulls the body chunk by chunk: each chunk is hashed before anything else looks at it, counted
 * against the body limit (bytes after decompression, so a gzip bomb stops at the limit too), and
 * goes to `take`, which re-arms the idle watchdog when the chunk moved the answer on. `take`
 * returns false to stop reading early.
 */
async function pump(
  ctx: ExchangeContext,
  body: ReadableStream<Uint8Array>,
  take: (bytes: Uint8Array, at: number) => boolean,
): Promise<BodyEnding | null> {
  const reader = body.getReader();
  const { bodyBytes } = ctx.limits;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      const at = ctx.now();
      ctx.timings.firstByteAt ??= at;
      ctx.hash.update(value);
      ctx.bytesRead += value.byteLength;
      if (ctx.bytesRead > bodyBytes) ctx.cut = 'body';
      if (ctx.cut !== null || !take(value, at)) {
        void reader.cancel().catch(() => undefined);
        return null;
      }
    }
  } catch (error) {
    if (ctx.stopped !== null) return { kind: 'stopped' };
    return { kind: 'broken', error };
  }
}

/** The longest text of any one choice so far: content, reasoning and tool-call arguments. */
function longestMessage(ctx: ExchangeContext): number {
  let longest = 0;
  for (let index = 0; index < ctx.options.expectedChoices; index += 1) {
    const now = ctx.assembler.peek(index);
    if (now === null) continue;
    let size = now.content.length + (now.reasoning?.length ?? 0);
    for (const call of now.toolCalls ?? []) size += call.function.arguments.length;
    longest = Math.max(longest, size);
  }
  return longest;
}

/** Past a check the message can grow by at most the bytes read since; so a join of the text is only needed that far on. */
const MIN_CHECK_STEP = 64 << 10;

/**
 * Checks the message limit without joining the growing text on every chunk: text never outgrows
 * the bytes that carried it, so the next check is due only when the bytes read since the last one
 * could have filled the room left (at least 64 KB apart, which is all a message can overshoot).
 */
function messageCheck(ctx: ExchangeContext): () => void {
  const limit = ctx.limits.messageBytes;
  let due = limit + 1;
  return () => {
    if (ctx.cut !== null || ctx.bytesRead < due) return;
    const longest = longestMessage(ctx);
    if (longest > limit) ctx.cut = 'message';
    else due = ctx.bytesRead + Math.max(MIN_CHECK_STEP, limit - longest + 1);
  };
}

const cutAt = (ctx: ExchangeContext): BodyEnding | null =>
  ctx.cut === null
    ? null
    : {
        kind: 'ended',
        outcome: 'error',
        failure: limitFailure(ctx.cut, ctx.limits[`${ctx.cut}Bytes`], ctx.options.context),
      };

const looksLikePage = (head: string): boolean => /^\s*</.test(head);

function errorEvent(data: string): unknown {
  try {
    const parsed: unknown = JSON.parse(data);
    return isRec(parsed) && parsed.error !== undefined ? parsed.error : parsed;
  } catch {
    return data;
  }
}

/** SSE: TextDecoder (streaming, so UTF-8 split across chunks is whole again) → eventsource-parser → assembler. */
export async function readEventStream(
  ctx: ExchangeContext,
  body: ReadableStream<Uint8Array> | null,
): Promise<BodyEnding> {
  const { assembler, options, timings } = ctx;
  const raw = options.rawEvents;
  const progress = options.onProgress;
  let at = 0;
  let halt: 'error' | 'malformed' | null = null;
  let sample = '';
  let events = 0;
  const onEvent = (event: EventSourceMessage): void => {
    events += 1;
    if (halt !== null) return;
    const data = event.data;
    if (event.event === 'error') {
      assembler.error = parseProviderError(errorEvent(data));
      halt = 'error';
      return;
    }
    const outcome = assembler.pushData(data);
    if (outcome === FRAME_ERROR) halt = 'error';
    else if (outcome === FRAME_MALFORMED) {
      halt = 'malformed';
      sample = data;
    }
  };
  const parser = createParser({ onEvent });
  const decoder = new TextDecoder();
  const meter = new LineMeter(ctx.limits.lineBytes);
  const checkMessage = messageCheck(ctx);
  let head = '';
  let last = 0;
  const feed = (text: string): void => {
    if (text.length === 0) return;
    parser.feed(text);
    last = text.charCodeAt(text.length - 1);
  };
  if (body !== null) {
    const interrupted = await pump(ctx, body, (bytes, now) => {
      at = now;
      let flags = meter.measure(bytes);
      if (flags & LINE_TOO_LONG) {
        // The whole lines before the overlong one still count; the overlong one never reaches the parser.
        ctx.cut = 'line';
        bytes = bytes.subarray(0, meter.cutOffset);
        flags &= ~LINE_TOO_LONG;
      }
      if (flags & LINE_PROGRESS) {
        ctx.keepAliveOnly = false;
        ctx.watchdog.arm(options.timeouts.idleMs, 'idle');
      } else ctx.keepAliveOnly = true;
      raw?.addBytes(now, bytes);
      const text = decoder.decode(bytes, { stream: true });
      if (events === 0 && head.length < 512) head += text.slice(0, 512);
      feed(text);
      if (timings.firstTokenAt === null && assembler.hasOutput) timings.firstTokenAt = now;
      checkMessage();
      progress?.();
      return halt === null && ctx.cut === null;
    });
    raw?.endStream();
    const cut = cutAt(ctx);
    if (cut !== null) return cut;
    if (interrupted !== null) {
      if (interrupted.kind === 'broken' && assembler.done)
        return { kind: 'ended', outcome: 'complete', failure: null };
      return interrupted;
    }
  }
  if (halt === null) {
    feed(decoder.decode());
    // A last event whose lines are complete but whose blank line never came still counts.
    if (last === LF || last === CR) parser.feed('\n');
    if (timings.firstTokenAt === null && assembler.hasOutput) timings.firstTokenAt = at;
    progress?.();
  }
  if (halt === 'error' && assembler.error) {
    const failure = frameFailure(assembler.error, options.context, assembler.hasOutput);
    return { kind: 'ended', outcome: 'error', failure };
  }
  if (halt === 'malformed') {
    const failure = protocolFailure(sample, options.context, assembler.hasOutput);
    return { kind: 'ended', outcome: 'error', failure };
  }
  checkMessage();
  const cut = cutAt(ctx);
  if (cut !== null) return cut;
  // No content type said so, but what came is a page, not events: say that rather than "closed".
  if (events === 0 && looksLikePage(head))
    return { kind: 'ended', outcome: 'error', failure: webPageFailure(200, head, options.context, true) };
  if (assembler.done || assembler.allFinished()) return { kind: 'ended', outcome: 'complete', failure: null };
  return { kind: 'ended', outcome: 'interrupted', failure: endedEarly(options.context) };
}

/** A non-streaming answer: the whole body, hashed as it arrives, then assembled like a stream. */
export async function readJsonBody(
  ctx: ExchangeContext,
  body: ReadableStream<Uint8Array> | null,
): Promise<BodyEnding> {
  const { assembler, options, timings } = ctx;
  const decoder = new TextDecoder();
  let text = '';
  if (body !== null) {
    const interrupted = await pump(ctx, body, (bytes) => {
      ctx.watchdog.arm(options.timeouts.idleMs, 'idle');
      text += decoder.decode(bytes, { stream: true });
      return true;
    });
    const cut = cutAt(ctx);
    if (cut !== null) {
      options.rawEvents?.add(ctx.now(), text);
      return cut;
    }
    if (interrupted !== null) return interrupted;
  }
  text += decoder.decode();
  const at = ctx.now();
  options.rawEvents?.add(at, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const failure = looksLikePage(text)
      ? webPageFailure(200, text.slice(0, 16 << 10), options.context, false)
      : protocolFailure(text, options.context, false);
    return { kind: 'ended', outcome: 'error', failure };
  }
  const outcome = assembler.pushCompletion(parsed);
  if (assembler.hasOutput) timings.firstTokenAt = at;
  options.onProgress?.();
  // A whole body that is an error: nothing of an answer arrived, so nothing is said to be kept.
  if (outcome === FRAME_ERROR && assembler.error)
    return {
      kind: 'ended',
      outcome: 'error',
      failure: frameFailure(assembler.error, options.context, false),
    };
  if (outcome === FRAME_MALFORMED)
    return { kind: 'ended', outcome: 'error', failure: protocolFailure(text, options.context, false) };
  messageCheck(ctx)();
  return cutAt(ctx) ?? { kind: 'ended', outcome: 'complete', failure: null };
}
