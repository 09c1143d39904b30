import type { TokenLogprob, ToolCall } from '../contract';

/** Narrowing helpers and the assembled result; kept apart so the assembler stays about the hot path. */

export type Rec = Record<string, unknown>;

export const isRec = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export interface ProviderUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  reasoningTokens: number | null;
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

export function parseUsage(value: unknown): ProviderUsage | null {
  if (!isRec(value)) return null;
  const prompt = num(value.prompt_tokens) ?? 0;
  const completion = num(value.completion_tokens) ?? 0;
  const details = value.completion_tokens_details;
  const reasoning = isRec(details) ? num(details.reasoning_tokens) : null;
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: num(value.total_tokens) ?? prompt + completion,
    reasoningTokens: reasoning,
  };
}

/** `{"error": {...}}`, `{"error": "text"}` or `{"message": ...}`: whatever the provider said. */
export function parseProviderError(value: unknown): ProviderError {
  if (typeof value === 'string') return { message: value, type: null, code: null };
  if (isRec(value)) {
    const message = str(value.message) ?? str(value.error) ?? str(value.detail) ?? JSON.stringify(value);
    const code = value.code;
    return { message, type: str(value.type), code: typeof code === 'number' ? String(code) : str(code) };
  }
  return { message: 'the provider reported an error', type: null, code: null };
}
