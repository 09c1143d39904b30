import { createParser } from 'eventsource-parser';
import type { EventSourceMessage } from 'eventsource-parser';
import type { AppError } from '../contract';
import { FRAME_ERROR, FRAME_MALFORMED } from './assembler';
import { endedEarly, frameFailure, protocolFailure } from './failures';
import { isRec, parseProviderError } from './shapes';
import type { ExchangeContext, ExchangeOutcome } from './stream';

export type BodyEnding =
  | { kind: 'ended'; outcome: ExchangeOutcome; failure: AppError | null }
  | { kind: 'stopped' }
  | { kind: 'broken'; error: unknown };

const LF = 10;
const CR = 13;

/**
 * Pulls the body chunk by chunk: each chunk is hashed before anything else looks at it, re-arms
 * the idle watchdog, and goes to `take`. `take` returns false to stop reading early.
 */
async function pump(
  ctx: ExchangeContext,
  body: ReadableStream<Uint8Array>,
  take: (bytes: Uint8Array, at: number) => boolean,
): Promise<BodyEnding | null> {
  const reader = body.getReader();
  const { idleMs } = ctx.options.timeouts;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      const at = ctx.now();
      ctx.timings.firstByteAt ??= at;
      ctx.watchdog.arm(idleMs, 'idle');
      ctx.hash.update(value);
      if (!take(value, at)) {
        void reader.cancel().catch(() => undefined);
        return null;
      }
    }
  } catch (error) {
    if (ctx.stopped !== null) return { kind: 'stopped' };
    return { kind: 'broken', error };
  }
}

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
  const onEvent = (event: EventSourceMessage): void => {
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
  let last = 0;
  const feed = (text: string): void => {
    if (text.length === 0) return;
    parser.feed(text);
    last = text.charCodeAt(text.length - 1);
  };
  if (body !== null) {
    const interrupted = await pump(ctx, body, (bytes, now) => {
      at = now;
      raw?.addBytes(now, bytes);
      feed(decoder.decode(bytes, { stream: true }));
      if (timings.firstTokenAt === null && assembler.hasOutput) timings.firstTokenAt = now;
      progress?.();
      return halt === null;
    });
    raw?.endStream();
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
      text += decoder.decode(bytes, { stream: true });
      return true;
    });
    if (interrupted !== null) return interrupted;
  }
  text += decoder.decode();
  const at = ctx.now();
  options.rawEvents?.add(at, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'ended', outcome: 'error', failure: protocolFailure(text, options.context, false) };
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
  return { kind: 'ended', outcome: 'complete', failure: null };
}
