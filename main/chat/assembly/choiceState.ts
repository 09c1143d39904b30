import type { TokenLogprob, ToolCall } from '../../contract';
import type { Rec } from './shapes';
import { num, str } from './shapes';

/** The growing state of one choice, kept apart from the assembler's parsing. */

export interface CallState {
  id: string;
  name: string;
  args: string;
}

/**
 * Text kept as the pieces that arrived and joined when read. On a 100k-chunk stream this was a
 * little faster than `+=`, whose rope keeps a node per piece alive for the garbage collector.
 */
class Pieces {
  private parts: string[] = [];
  private sent = 0;

  push(piece: string): void {
    this.parts.push(piece);
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  text(): string {
    return this.parts.join('');
  }

  /** What arrived since the last call ('' when nothing did). */
  unsent(): string {
    const { parts, sent } = this;
    if (sent === parts.length) return '';
    this.sent = parts.length;
    return sent === parts.length - 1 ? (parts[sent] ?? '') : parts.slice(sent).join('');
  }
}

/** One choice as it grows; what the window has not seen yet is tracked by position, never copied. */
export class ChoiceState {
  readonly content = new Pieces();
  readonly reasoning = new Pieces();
  refusal = '';
  calls: CallState[] = [];
  logprobs: TokenLogprob[] = [];
  finishReason: string | null = null;
  /** Per-choice usage, which a few providers put on the choice itself. */
  completionTokens: number | null = null;
  logprobsSent = 0;
  callsDirty = false;
  finishDirty = false;
  dirty = false;

  constructor(readonly index: number) {}
}

export function callSlot(calls: CallState[], fragment: Rec, position: number): number {
  const index = num(fragment.index);
  if (index !== null && index >= 0) return index;
  // Some providers omit `index`: a new id opens a call, a fragment without one continues the last.
  const id = str(fragment.id);
  if (id) {
    const known = calls.findIndex((c) => c !== undefined && c.id === id);
    return known >= 0 ? known : calls.length;
  }
  return calls.length > 0 ? calls.length - 1 : position;
}

export function toolCalls(calls: readonly (CallState | undefined)[]): ToolCall[] | null {
  const out: ToolCall[] = [];
  for (const call of calls) {
    if (call !== undefined)
      out.push({ id: call.id, type: 'function', function: { name: call.name, arguments: call.args } });
  }
  return out.length > 0 ? out : null;
}
