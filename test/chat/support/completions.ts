import fc from 'fast-check';
import type { TokenLogprob } from '../../../main/contract';
import { rawPart } from '../../../main/chat/assembly/parts';
import type { Assembled } from '../../../main/chat/assembly/shapes';
import { mulberry32 } from './bytes';

/** A completion as the provider meant it; the tests serialize it and expect it back exactly. */
export interface GenToolCall {
  id: string;
  name: string;
  argPieces: string[];
  omitType: boolean;
}

export interface GenChoice {
  index: number;
  content: string[];
  reasoning: string[];
  reasoningKey: 'reasoning_content' | 'reasoning';
  toolCalls: GenToolCall[];
  finish: string | null;
  omitRole: boolean;
}

export interface GenCompletion {
  id: string;
  model: string;
  created: number;
  fingerprint: string | null;
  tier: string | null;
  logprobs: boolean;
  top: number;
  choices: GenChoice[];
  usage: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    completion_tokens_details: { reasoning_tokens: number };
    prompt_tokens_details?: { cached_tokens: number };
    cost?: number;
  } | null;
  /** Drives the interleaving of choices in the stream. */
  seed: number;
  /** How the provider shapes it: content as a string or as parts, where usage goes, and so on. */
  shape: GenShape;
}

export interface GenShape {
  parts: boolean;
  /** A part of a type no client knows, after the text (parts mode only). */
  unknownPart: Record<string, unknown> | null;
  usageAt: 'final' | 'finish' | 'x_groq';
  /** An empty first chunk: blank id, model and fingerprint. */
  blankFirst: boolean;
  /** `[DONE]` at the end (streams only); without it a stream whose choices all finished is still complete. */
  done: boolean;
  /** Choices asked for beyond those the provider sends. */
  missing: number;
}

const glyphs = [
  'a',
  'b',
  'Z',
  ' ',
  '\n',
  '"',
  '\\',
  'é',
  'ß',
  '中',
  '文',
  '字',
  '日本',
  '😀',
  '👍🏽',
  '🇫🇷',
  'ﬁ',
  '\t',
  '{',
  '}',
  'data:',
  '\r',
  '€',
];
const text = fc.string({ unit: fc.constantFrom(...glyphs), minLength: 1, maxLength: 6 });
const pieces = (max: number) => fc.array(text, { minLength: 0, maxLength: max });

const toolCall = fc.record({
  id: fc.stringMatching(/^call_[a-z0-9]{4,10}$/),
  name: fc.stringMatching(/^[a-z_]{1,12}$/),
  argPieces: fc.array(text, { minLength: 0, maxLength: 5 }),
  omitType: fc.boolean(),
});

const choice = (index: number) =>
  fc.record({
    index: fc.constant(index),
    content: pieces(12),
    reasoning: pieces(5),
    reasoningKey: fc.constantFrom('reasoning_content' as const, 'reasoning' as const),
    toolCalls: fc.array(toolCall, { maxLength: 3 }),
    finish: fc.constantFrom('stop', 'length', 'tool_calls', null, 'stop'),
    omitRole: fc.boolean(),
  });

export const completionArb: fc.Arbitrary<GenCompletion> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    id: fc.stringMatching(/^chatcmpl-[A-Za-z0-9]{6}$/),
    model: fc.constantFrom('phala/gpt-oss-120b', 'llama-3.1-8b', 'mistral-nemo'),
    created: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }),
    fingerprint: fc.option(fc.stringMatching(/^fp_[0-9a-f]{8}$/)),
    tier: fc.option(fc.constantFrom('default', 'scale')),
    logprobs: fc.boolean(),
    top: fc.integer({ min: 0, max: 3 }),
    choices: fc.tuple(...Array.from({ length: n }, (_, i) => choice(i))),
    usage: fc.option(
      fc.record(
        {
          prompt_tokens: fc.nat(5000),
          completion_tokens: fc.nat(5000),
          total_tokens: fc.nat(10000),
          completion_tokens_details: fc.record({ reasoning_tokens: fc.nat(100) }),
          prompt_tokens_details: fc.record({ cached_tokens: fc.nat(5000) }),
          cost: fc.double({ min: 0, max: 5, noNaN: true }),
        },
        { requiredKeys: ['prompt_tokens', 'completion_tokens', 'total_tokens', 'completion_tokens_details'] },
      ),
    ),
    seed: fc.nat(),
    shape: fc.record({
      parts: fc.boolean(),
      unknownPart: fc.option(
        fc.record({ type: fc.constantFrom('image_url', 'citation', 'x-audio'), n: fc.nat() }),
      ),
      usageAt: fc.constantFrom('final' as const, 'finish' as const, 'x_groq' as const),
      blankFirst: fc.boolean(),
      done: fc.boolean(),
      missing: fc.nat(2),
    }),
  }),
);

function entry(token: string, position: number, top: number): TokenLogprob {
  const bytes = [...Buffer.from(token, 'utf8')];
  const logprob = -(((position * 37) % 100) + 1) / 10;
  const tops = Array.from({ length: top }, (_, k) => ({
    token: `${token}${k}`,
    logprob: logprob - k,
    bytes: k === 1 ? null : bytes,
  }));
  return { token, logprob, bytes, top_logprobs: tops };
}

function choiceDeltas(c: GenCompletion, ch: GenChoice): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const d = (delta: Record<string, unknown>, logprobs: unknown = null, finish: string | null = null) =>
    out.push({ index: ch.index, delta, logprobs, finish_reason: finish });
  const { parts, unknownPart } = c.shape;
  d(ch.omitRole ? { content: '' } : { role: 'assistant', content: parts ? [] : '' });
  for (const piece of ch.reasoning)
    d(parts ? { content: [{ type: 'thinking', thinking: piece }] } : { [ch.reasoningKey]: piece });
  ch.content.forEach((piece, i) =>
    d(
      { content: parts ? [{ type: 'text', text: piece }] : piece },
      c.logprobs ? { content: [entry(piece, i, c.top)], refusal: null } : null,
    ),
  );
  if (parts && unknownPart) d({ content: [unknownPart] });
  ch.toolCalls.forEach((call, i) => {
    const [first = '', ...rest] = call.argPieces;
    const head: Record<string, unknown> = {
      index: i,
      id: call.id,
      function: { name: call.name, arguments: first },
    };
    if (!call.omitType) head.type = 'function';
    d({ tool_calls: [head] });
    for (const piece of rest) d({ tool_calls: [{ index: i, function: { arguments: piece } }] });
  });
  if (ch.finish !== null) d({}, null, ch.finish);
  return out;
}

/** Every `data:` payload, choices interleaved at random but each in order; `[DONE]` last. */
export function streamPayloads(c: GenCompletion): string[] {
  const random = mulberry32(c.seed);
  const queues = c.choices.map((ch) => choiceDeltas(c, ch));
  const envelope = (choices: unknown[], usage: unknown): Record<string, unknown> => ({
    id: c.id,
    object: 'chat.completion.chunk',
    created: c.created,
    model: c.model,
    system_fingerprint: c.fingerprint,
    ...(c.tier === null ? {} : { service_tier: c.tier }),
    choices,
    ...(c.usage === null ? {} : { usage }),
  });
  const chunks: Record<string, unknown>[] = [];
  if (c.shape.blankFirst)
    chunks.push({ id: '', model: '', created: 0, system_fingerprint: '', service_tier: '', choices: [] });
  for (;;) {
    const open = queues.filter((q) => q.length > 0);
    if (open.length === 0) break;
    const q = open[Math.floor(random() * open.length)];
    const next = q?.shift();
    if (next) chunks.push(envelope([next], null));
  }
  const last = chunks.at(-1);
  if (c.usage !== null) {
    if (c.shape.usageAt === 'final' || !last) chunks.push(envelope([], c.usage));
    else if (c.shape.usageAt === 'finish') last.usage = c.usage;
    else last.x_groq = { id: 'req_1', usage: c.usage };
  }
  const out = chunks.map((chunk) => JSON.stringify(chunk));
  if (c.shape.done) out.push('[DONE]');
  return out;
}

/** Whether a stream of `c` ends complete: `[DONE]`, or every choice sent finished. */
export const streamCompletes = (c: GenCompletion): boolean =>
  c.shape.done || c.choices.every((ch) => ch.finish !== null);

export function completionBody(c: GenCompletion): unknown {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    system_fingerprint: c.fingerprint,
    ...(c.tier === null ? {} : { service_tier: c.tier }),
    choices: [...c.choices].reverse().map((ch) => {
      const { parts, unknownPart } = c.shape;
      const message: Record<string, unknown> = {
        role: 'assistant',
        content: parts
          ? [
              ...(ch.reasoning.length > 0 ? [{ type: 'thinking', thinking: ch.reasoning.join('') }] : []),
              { type: 'text', text: ch.content.join('') },
              ...(unknownPart ? [unknownPart] : []),
            ]
          : ch.content.length === 0 && ch.toolCalls.length > 0
            ? null
            : ch.content.join(''),
      };
      if (ch.reasoning.length > 0 && !parts) message[ch.reasoningKey] = ch.reasoning.join('');
      if (ch.toolCalls.length > 0) {
        message.tool_calls = ch.toolCalls.map((t) => ({
          id: t.id,
          ...(t.omitType ? {} : { type: 'function' }),
          function: { name: t.name, arguments: t.argPieces.join('') },
        }));
      }
      const logprobs = c.logprobs
        ? { content: ch.content.map((p, i) => entry(p, i, c.top)), refusal: null }
        : null;
      return { index: ch.index, message, logprobs, finish_reason: ch.finish };
    }),
    ...(c.usage === null
      ? {}
      : c.shape.usageAt === 'x_groq'
        ? { x_groq: { usage: c.usage } }
        : { usage: c.usage }),
  };
}

/** What the assembler must give back; `done` is whether `[DONE]` came (always for a whole body). */
export function expected(c: GenCompletion, streamed = true): Assembled {
  const unknown = c.shape.parts && c.shape.unknownPart ? rawPart(c.shape.unknownPart) : '';
  return {
    id: c.id,
    model: c.model,
    created: c.created,
    systemFingerprint: c.fingerprint,
    serviceTier: c.tier,
    choices: c.choices.map((ch) => ({
      index: ch.index,
      content: ch.content.join('') + unknown,
      reasoning: ch.reasoning.length > 0 ? ch.reasoning.join('') : null,
      toolCalls:
        ch.toolCalls.length > 0
          ? ch.toolCalls.map((t) => ({
              id: t.id,
              type: 'function' as const,
              function: { name: t.name, arguments: t.argPieces.join('') },
            }))
          : null,
      logprobs: c.logprobs && ch.content.length > 0 ? ch.content.map((p, i) => entry(p, i, c.top)) : null,
      finishReason: ch.finish,
      refusal: null,
      completionTokens: null,
    })),
    usage:
      c.usage === null
        ? null
        : {
            promptTokens: c.usage.prompt_tokens,
            completionTokens: c.usage.completion_tokens,
            totalTokens: c.usage.total_tokens,
            reasoningTokens: c.usage.completion_tokens_details.reasoning_tokens,
            cachedTokens: c.usage.prompt_tokens_details?.cached_tokens ?? null,
            cost: c.usage.cost ?? null,
          },
    error: null,
    done: !streamed || c.shape.done,
  };
}
