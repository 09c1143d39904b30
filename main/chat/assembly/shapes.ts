import type { TokenLogprob, ToolCall } from '../../contract';

/** Narrowing helpers and the assembled result; kept apart so the assembler stays about the hot path. */

export type Rec = Record<string, unknown>;

export const isRec = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A string with something in it: an empty `id` or `model` on a first chunk says nothing. */
export const filled = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export interface ProviderUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  reasoningTokens: number | null;
  /** Prompt tokens served from the provider's cache (`prompt_tokens_details.cached_tokens`). */
  cachedTokens: number | null;
  /** What the provider says the request cost (`usage.cost`), in its currency. */
  cost: number | null;
}

export interface ProviderError {
  message: string;
  type: string | null;
  code: string | null;
}

export interface AssembledChoice {
  index: number;
  content: string;
  reasoning: string | null;
  toolCalls: ToolCall[] | null;
  logprobs: TokenLogprob[] | null;
  finishReason: string | null;
  refusal: string | null;
  /** This choice's own completion tokens, when the provider reported usage per choice. */
  completionTokens: number | null;
}

export interface Assembled {
  id: string | null;
  model: string | null;
  created: number | null;
  systemFingerprint: string | null;
  serviceTier: string | null;
  choices: AssembledChoice[];
  usage: ProviderUsage | null;
  error: ProviderError | null;
  /** `[DONE]` arrived (streams) or a whole body was read (non-streaming). */
  done: boolean;
}

/** Nothing a user could read: no text, no reasoning, no tool call, no refusal. */
export const isEmptyChoice = (choice: AssembledChoice): boolean =>
  choice.content === '' && choice.reasoning === null && choice.toolCalls === null && choice.refusal === null;

const detail = (value: unknown, key: string): number | null => (isRec(value) ? num(value[key]) : null);

export function parseUsage(value: unknown): ProviderUsage | null {
  if (!isRec(value)) return null;
  // OpenAI's names first, then the Responses-style ones some gateways use.
  const prompt = num(value.prompt_tokens) ?? num(value.input_tokens) ?? 0;
  const completion = num(value.completion_tokens) ?? num(value.output_tokens) ?? 0;
  const reasoning =
    detail(value.completion_tokens_details, 'reasoning_tokens') ??
    detail(value.output_tokens_details, 'reasoning_tokens');
  const cached =
    detail(value.prompt_tokens_details, 'cached_tokens') ??
    detail(value.input_tokens_details, 'cached_tokens') ??
    num(value.prompt_cache_hit_tokens);
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: num(value.total_tokens) ?? prompt + completion,
    reasoningTokens: reasoning,
    cachedTokens: cached,
    cost: num(value.cost),
  };
}

/**
 * Where a chunk or body keeps its usage: top-level `usage`, or a vendor envelope such as
 * `x_groq.usage`. `null` when this chunk carries none (OpenAI sends `usage: null` on the others).
 */
export function usageOf(chunk: Rec): unknown {
  const top = chunk.usage;
  if (isRec(top)) return top;
  for (const key in chunk) {
    if (!key.startsWith('x_')) continue;
    const vendor = chunk[key];
    if (isRec(vendor) && isRec(vendor.usage)) return vendor.usage;
  }
  return null;
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value === '' ? null : value;
  if (Array.isArray(value)) {
    const parts = value.map((v) => (isRec(v) ? (str(v.msg) ?? str(v.message)) : str(v))).filter(Boolean);
    return parts.length > 0 ? parts.join('; ') : null;
  }
  return null;
};

/**
 * `{"error": {...}}`, `{"error": "text"}`, `{"error": "TypeError", "message": "…"}`,
 * `{"object": "error", "message": …}` or `{"detail": …}`: whatever the provider said, from
 * whichever field holds it, never only the name of the error when its words are elsewhere.
 */
export function parseProviderError(value: unknown): ProviderError {
  if (typeof value === 'string') return { message: value, type: null, code: null };
  if (!isRec(value)) return { message: 'the provider reported an error', type: null, code: null };
  const inner = value.error;
  if (isRec(inner)) {
    const nested = parseProviderError(inner);
    return nested.message !== '' ? nested : { ...nested, message: text(value.message) ?? '' };
  }
  const name = text(inner);
  const words = text(value.message) ?? text(value.detail) ?? text(value.msg) ?? text(value.error_description);
  const code = value.code;
  const codeText = typeof code === 'number' ? String(code) : str(code);
  const type = str(value.type) ?? (words !== null ? name : null);
  const message =
    words !== null && name !== null && words !== name
      ? `${name}: ${words}`
      : (words ?? name ?? JSON.stringify(value));
  return { message, type, code: codeText };
}

/** A body or frame that is an error report rather than a completion, or null. */
export function errorIn(body: Rec): ProviderError | null {
  if (body.error !== undefined && body.error !== null) return parseProviderError(body);
  if (body.object === 'error') return parseProviderError(body);
  return null;
}
