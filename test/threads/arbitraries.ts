import fc from 'fast-check';
import type {
  ChatParams,
  Message,
  ResponseMeta,
  ThreadSettings,
  TokenLogprob,
  Usage,
} from '../../main/contract';
import { ERROR_CODES } from '../../main/contract';

/** Finite numbers that survive JSON (no NaN, no infinities, no negative zero). */
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0);
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const usage: fc.Arbitrary<Usage> = fc.record({
  promptTokens: fc.nat(100_000),
  completionTokens: fc.nat(100_000),
  reasoningTokens: nullable(fc.nat(10_000)),
  totalTokens: fc.nat(200_000),
  reported: fc.boolean(),
  creditsConsumed: nullable(num),
  creditsRemaining: nullable(num),
  cost: nullable(num),
});

const top = fc.record({
  token: text,
  logprob: num,
  bytes: nullable(fc.array(fc.nat(255), { maxLength: 4 })),
});
const logprobs: fc.Arbitrary<TokenLogprob[]> = fc.array(
  top.chain((t) => fc.array(top, { maxLength: 3 }).map((tops) => ({ ...t, top_logprobs: tops }))),
  {
    maxLength: 4,
  },
);

const meta: fc.Arbitrary<ResponseMeta> = fc.record({
  requestId: nullable(text),
  url: fc.webUrl(),
  requestBody: text,
  requestHeaders: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), text, { maxKeys: 3 }),
  status: nullable(fc.integer({ min: 100, max: 599 })),
  responseHeaders: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), text, { maxKeys: 3 }),
  responseSha256: nullable(
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
  ),
  completionId: nullable(text),
  model: nullable(text),
  systemFingerprint: nullable(text),
  serviceTier: nullable(text),
  timings: fc.record({
    requestSentAt: nullable(fc.nat()),
    firstByteAt: nullable(fc.nat()),
    firstTokenAt: nullable(fc.nat()),
    endedAt: nullable(fc.nat()),
  }),
  droppedFields: fc.array(text, { maxLength: 3 }),
  attempts: fc.integer({ min: 1, max: 5 }),
});

const toolCalls = fc.array(
  fc.record({
    id: text,
    type: fc.constant('function' as const),
    function: fc.record({ name: text, arguments: text }),
  }),
  { minLength: 1, maxLength: 3 },
);

/** A message's own fields; tree position and ids are decided by `messageTree`. */
export const messageBody: fc.Arbitrary<
  Omit<Message, 'id' | 'threadId' | 'parentId' | 'createdAt' | 'updatedAt'>
> = fc.record({
  role: fc.constantFrom('system', 'user', 'assistant', 'tool'),
  content: fc.string({ unit: 'grapheme', maxLength: 200 }),
  reasoning: nullable(text),
  toolCalls: nullable(toolCalls),
  toolCallId: nullable(text),
  name: nullable(text),
  choiceIndex: fc.nat(4),
  logprobs: nullable(logprobs),
  status: fc.constantFrom('complete', 'interrupted', 'error'),
  finishReason: nullable(fc.constantFrom('stop', 'length', 'tool_calls')),
  errorCode: nullable(fc.constantFrom(...ERROR_CODES)),
  errorMessage: nullable(text),
  providerId: nullable(text),
  model: nullable(text),
  usage: nullable(usage),
  usageId: nullable(text),
  meta: nullable(meta),
});

/** Messages with each parent chosen among those before it (null: a root). */
export const messageTree = fc.array(fc.tuple(messageBody, fc.nat()), { maxLength: 25 }).map((list) =>
  list.map(([body, pick], index) => ({
    body,
    parent: index === 0 || pick % 4 === 0 ? null : pick % index,
  })),
);

const params: fc.Arbitrary<ChatParams> = fc.record(
  {
    max_tokens: fc.integer({ min: 1, max: 100_000 }),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }).map((x) => x + 0),
    stream: fc.boolean(),
    stop: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 4 })),
    seed: fc.integer(),
    tool_choice: fc.constantFrom('none' as const, 'auto' as const, {
      type: 'function' as const,
      function: { name: 'lookup' },
    }),
    logit_bias: fc.dictionary(fc.nat(50_000).map(String), fc.integer({ min: -100, max: 100 }), {
      maxKeys: 3,
    }),
    response_format: fc.constantFrom(
      { type: 'text' as const },
      {
        type: 'json_schema' as const,
        json_schema: {
          name: 'answer',
          schema: { type: 'object', properties: { a: { type: 'string' } } },
          strict: true,
        },
      },
    ),
    extra_body: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: [] },
);

export const settings = (toolIds: string[]): fc.Arbitrary<ThreadSettings> =>
  fc.record({
    providerId: nullable(text),
    model: nullable(text),
    systemPrompt: fc.string({ unit: 'grapheme', maxLength: 80 }),
    params,
    toolIds: fc.subarray(toolIds),
    toolMode: fc.constantFrom('manual', 'canned'),
    maxToolRounds: fc.integer({ min: 1, max: 20 }),
  });
