import type { Message, StreamEvent } from '../../../../main/contract/chat';
import { ChatParams, briefRange, rangeOf } from '../../../../main/contract/chat';

export interface CompareParam {
  key: 'temperature' | 'top_p' | 'max_tokens' | 'seed' | 'presence_penalty' | 'frequency_penalty';
  label: string;
  hint: string;
}

const KEYS: readonly CompareParam['key'][] = [
  'temperature',
  'top_p',
  'seed',
  'max_tokens',
  'presence_penalty',
  'frequency_penalty',
];

/** The knobs worth flipping one at a time; hints and checks come from the contract's declaration. */
export const COMPARE_PARAMS: readonly CompareParam[] = KEYS.map((key) => ({
  key,
  label: key,
  hint: briefRange(rangeOf(key)),
}));

export type ParsedValue = { ok: true; value: number } | { ok: false; message: string };

export function parseCompareValue(key: CompareParam['key'], text: string): ParsedValue {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a value.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `${trimmed} is not a number.` };
  const checked = ChatParams.safeParse({ [key]: value });
  if (!checked.success) {
    const hint = COMPARE_PARAMS.find((p) => p.key === key)?.hint ?? '';
    return { ok: false, message: `${key} must be ${hint}.` };
  }
  return { ok: true, value };
}

/** The value the original request sent for `key`, or null when it was left to the provider. */
export function sentValue(requestBody: string | undefined, key: string): unknown {
  if (!requestBody) return null;
  try {
    const parsed = JSON.parse(requestBody) as unknown;
    if (parsed !== null && typeof parsed === 'object')
      return (parsed as Record<string, unknown>)[key] ?? null;
  } catch {
    // Not JSON: nothing to read.
  }
  return null;
}

export interface CompareRun {
  streamId: string;
  /** The answer being compared against. */
  sourceMessageId: string;
  label: string;
  messages: Message[];
  done: boolean;
  startedAt: number;
}

/** Folds the comparison's own stream into its answers; events of other streams are ignored. */
export function applyCompareEvent(run: CompareRun, event: StreamEvent): CompareRun {
  if (event.streamId !== run.streamId) return run;
  if (event.type === 'started') return { ...run, messages: event.messages };
  if (event.type === 'ended') return { ...run, messages: event.messages, done: true };
  if (event.type === 'retrying') return run;
  const messages = run.messages.map((m) => {
    const delta = event.choices.find((c) => c.messageId === m.id);
    if (!delta) return m;
    return {
      ...m,
      content: m.content + (delta.content ?? ''),
      reasoning: delta.reasoning === undefined ? m.reasoning : (m.reasoning ?? '') + delta.reasoning,
      toolCalls: delta.toolCalls ?? m.toolCalls,
      logprobs: delta.logprobs === undefined ? m.logprobs : [...(m.logprobs ?? []), ...delta.logprobs],
      finishReason: delta.finishReason === undefined ? m.finishReason : delta.finishReason,
    };
  });
  return { ...run, messages };
}

export function describeChange(change: { model?: string; param?: { key: string; value: number } }): string {
  const parts: string[] = [];
  if (change.model) parts.push(`model ${change.model}`);
  if (change.param) parts.push(`${change.param.key} = ${change.param.value}`);
  return parts.length === 0 ? 'same request' : parts.join(', ');
}
