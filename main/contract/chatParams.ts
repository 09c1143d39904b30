import { z } from 'zod';

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const FunctionName = z.string().regex(FUNCTION_NAME, 'use 1–64 letters, digits, _ or -');

export const ToolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: FunctionName }) }),
]);
export type ToolChoice = z.infer<typeof ToolChoice>;

export const ResponseFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: FunctionName,
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().optional(),
    }),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

/** A numeric parameter's documented range; null = unbounded on that side. */
export interface NumberRange {
  min: number | null;
  max: number | null;
  integer: boolean;
}

/**
 * What the UI shows about one parameter, attached to its schema in `paramInfo`. The range is
 * the one the schema checks (built from it), so the panel, main's messages and Compare's hints
 * cannot drift from what is enforced.
 */
export interface ParamInfo {
  hint: string;
  /** What the API does when the field is not sent, shown greyed. */
  apiDefault: string | boolean;
  number?: NumberRange & { step: number; slider: boolean };
}

/** The parameter panel's metadata registry (zod 4 registry, keyed by the field's schema). */
export const paramInfo = z.registry<ParamInfo>();

function numberParam(
  range: NumberRange & { step: number; slider: boolean },
  info: Omit<ParamInfo, 'number'>,
) {
  let schema = z.number();
  if (range.integer) schema = schema.int();
  if (range.min !== null) schema = schema.min(range.min);
  if (range.max !== null) schema = schema.max(range.max);
  return schema.optional().register(paramInfo, { ...info, number: range });
}

function boolParam(apiDefault: boolean, hint: string) {
  return z.boolean().optional().register(paramInfo, { apiDefault, hint });
}

/** `stop`: how many sequences one request may carry. */
export const STOP_SEQUENCES = { min: 1, max: 4 } as const;
/** `logit_bias`: the bias one token id may get. */
export const LOGIT_BIAS_RANGE = { min: -100, max: 100 } as const;

const real = { integer: false, step: 0.01, slider: true } as const;
const whole = { integer: true, step: 1, slider: false } as const;

/**
 * The parameter panel: every request field of both reference APIs. Unset fields are absent,
 * never defaults, so they are not sent. Each numeric range is declared here and nowhere else.
 */
export const ChatParams = z
  .object({
    max_tokens: numberParam(
      { ...whole, min: 1, max: null },
      { apiDefault: 'model limit', hint: 'Longest answer, in tokens.' },
    ),
    temperature: numberParam(
      { ...real, min: 0, max: 2 },
      { apiDefault: '1', hint: 'Higher is more varied, lower more focused.' },
    ),
    top_p: numberParam(
      { ...real, min: 0, max: 1 },
      { apiDefault: '1', hint: 'Sample only from the most likely tokens up to this probability mass.' },
    ),
    n: numberParam(
      { ...whole, min: 1, max: 128 },
      { apiDefault: '1', hint: 'Answers per request; shown side by side.' },
    ),
    stream: boolParam(false, 'Show the answer as it is written.'),
    stop: z
      .union([z.string(), z.array(z.string()).min(STOP_SEQUENCES.min).max(STOP_SEQUENCES.max)])
      .optional(),
    presence_penalty: numberParam(
      { ...real, min: -2, max: 2 },
      { apiDefault: '0', hint: 'Positive values push towards new topics.' },
    ),
    frequency_penalty: numberParam(
      { ...real, min: -2, max: 2 },
      { apiDefault: '0', hint: 'Positive values discourage repeating the same words.' },
    ),
    user: z.string().optional(),
    seed: numberParam(
      { ...whole, min: null, max: null },
      { apiDefault: 'random', hint: 'Same seed and parameters: best-effort same answer.' },
    ),
    tool_choice: ToolChoice.optional(),
    logit_bias: z
      .record(
        z.string().regex(/^\d+$/, 'keys are token ids'),
        z.number().min(LOGIT_BIAS_RANGE.min).max(LOGIT_BIAS_RANGE.max),
      )
      .optional(),
    logprobs: boolParam(false, 'Return the probability of each token (see Tokens on answers).'),
    top_logprobs: numberParam(
      { ...whole, min: 0, max: 20 },
      { apiDefault: '0', hint: 'Alternatives listed per token (needs logprobs on).' },
    ),
    response_format: ResponseFormat.optional(),
    include_usage: boolParam(false, 'Ask for exact token counts at the end of a stream.'),
    parallel_tool_calls: boolParam(true, 'Let the model call several tools at once.'),
    /** Free-form fields merged into the body for providers with extensions. */
    extra_body: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((p) => p.top_logprobs === undefined || p.logprobs === true, {
    message: 'top_logprobs needs logprobs turned on',
    path: ['top_logprobs'],
  });
export type ChatParams = z.infer<typeof ChatParams>;

type Shape = typeof ChatParams.shape;
/** The numeric parameters, in the panel's order. */
export const NUMBER_PARAMS = [
  'temperature',
  'top_p',
  'max_tokens',
  'n',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'top_logprobs',
] as const satisfies readonly (keyof Shape)[];
export type NumberParam = (typeof NUMBER_PARAMS)[number];
export const BOOL_PARAMS = [
  'stream',
  'include_usage',
  'logprobs',
  'parallel_tool_calls',
] as const satisfies readonly (keyof Shape)[];
export type BoolParam = (typeof BOOL_PARAMS)[number];

/** The metadata declared on `key`'s schema (every number and switch parameter has some). */
export function infoOf(key: NumberParam | BoolParam): ParamInfo {
  const info = paramInfo.get(ChatParams.shape[key]);
  if (!info) throw new Error(`${key} has no declared metadata`);
  return info;
}

/** The declared range of a numeric parameter. */
export function rangeOf(key: NumberParam): NumberRange & { step: number; slider: boolean } {
  const range = infoOf(key).number;
  if (!range) throw new Error(`${key} has no declared range`);
  return range;
}

/** A range in words, as main's messages say it: "between 0 and 2", "a whole number from 1 to 128". */
export function describeRange(range: NumberRange): string {
  const { min, max } = range;
  if (!range.integer) {
    if (min !== null && max !== null) return `between ${min} and ${max}`;
    if (min !== null) return `at least ${min}`;
    return max !== null ? `at most ${max}` : 'a number';
  }
  if (min !== null && max !== null) return `a whole number from ${min} to ${max}`;
  if (min !== null) return `a whole number of at least ${min}`;
  return max !== null ? `a whole number of at most ${max}` : 'a whole number';
}

/** A range briefly, as a placeholder says it: "0 to 2", "a whole number ≥ 1". */
export function briefRange(range: NumberRange): string {
  const { min, max } = range;
  const both = min !== null && max !== null;
  const bounds = both ? `${min} to ${max}` : min !== null ? `≥ ${min}` : max !== null ? `≤ ${max}` : '';
  if (!range.integer) return bounds === '' ? 'a number' : bounds;
  if (bounds === '') return 'a whole number';
  return both ? `a whole number from ${bounds}` : `a whole number ${bounds}`;
}
