import type { ChoiceDelta, ToolCall } from '../../contract';
import { ChoiceState, callSlot, toolCalls } from './choiceState';
import { LogprobReader } from './logprobs';
import { applyParts } from './parts';
import type { Assembled, AssembledChoice, ProviderError, ProviderUsage, Rec } from './shapes';
import { errorIn, filled, isRec, num, parseUsage, usageOf } from './shapes';

/** What one `data:` payload did to the stream. */
export const FRAME_OK = 0;
export const FRAME_DONE = 1;
export const FRAME_ERROR = 2;
export const FRAME_MALFORMED = 3;
export type FrameOutcome = typeof FRAME_OK | typeof FRAME_DONE | typeof FRAME_ERROR | typeof FRAME_MALFORMED;

/** Pure, allocation-light assembler of OpenAI-compatible chat completions, streamed or not. */
export class StreamAssembler {
  id: string | null = null;
  model: string | null = null;
  created: number | null = null;
  systemFingerprint: string | null = null;
  serviceTier: string | null = null;
  usage: ProviderUsage | null = null;
  error: ProviderError | null = null;
  done = false;
  /** Content, reasoning or a tool call has arrived: nothing after this point may be retried. */
  hasOutput = false;
  private readonly states: ChoiceState[] = [];
  private readonly logprobReader = new LogprobReader();
  private dirtyStates: ChoiceState[] = [];

  /** One SSE `data:` payload. */
  pushData(data: string): FrameOutcome {
    if (data.length < 16 && data.trim() === '[DONE]') {
      this.done = true;
      return FRAME_DONE;
    }
    if (data.length === 0) return FRAME_OK;
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      return FRAME_MALFORMED;
    }
    return this.pushChunk(chunk);
  }

  pushChunk(chunk: unknown): FrameOutcome {
    if (!isRec(chunk)) return FRAME_MALFORMED;
    const error = errorIn(chunk);
    if (error !== null) {
      this.error = error;
      return FRAME_ERROR;
    }
    this.envelope(chunk);
    const choices = chunk.choices;
    if (Array.isArray(choices)) {
      for (let i = 0; i < choices.length; i += 1) {
        const choice: unknown = choices[i];
        if (isRec(choice)) this.applyChoice(choice);
      }
    }
    // On the finish chunk, on a later chunk of its own, or in a vendor envelope: the last one wins.
    const usage = usageOf(chunk);
    if (usage !== null) this.usage = parseUsage(usage);
    return FRAME_OK;
  }

  /** A complete `chat.completion` body: the same result as its stream would give. */
  pushCompletion(body: unknown): FrameOutcome {
    if (!isRec(body)) return FRAME_MALFORMED;
    const error = errorIn(body);
    if (error !== null) {
      this.error = error;
      return FRAME_ERROR;
    }
    this.envelope(body);
    const choices = body.choices;
    if (Array.isArray(choices)) {
      for (let i = 0; i < choices.length; i += 1) {
        const choice: unknown = choices[i];
        if (!isRec(choice)) continue;
        const message = choice.message;
        const calls = isRec(message) && Array.isArray(message.tool_calls) ? message.tool_calls : null;
        // A message is a single delta whose tool calls carry their position as `index`.
        const delta =
          isRec(message) && calls
            ? { ...message, tool_calls: calls.map((c: unknown, k) => (isRec(c) ? { ...c, index: k } : c)) }
            : message;
        this.applyChoice({
          index: choice.index,
          delta,
          logprobs: choice.logprobs,
          finish_reason: choice.finish_reason,
          usage: choice.usage,
        });
      }
    }
    this.usage = parseUsage(usageOf(body));
    this.done = true;
    return FRAME_OK;
  }

  /** The first non-empty value of each field wins, so a blank first chunk cannot blank them. */
  private envelope(chunk: Rec): void {
    if (this.id === null) this.id = filled(chunk.id);
    if (this.model === null) this.model = filled(chunk.model);
    if (this.created === null) {
      const created = num(chunk.created);
      this.created = created !== null && created > 0 ? created : null;
    }
    if (this.systemFingerprint === null) this.systemFingerprint = filled(chunk.system_fingerprint);
    if (this.serviceTier === null) this.serviceTier = filled(chunk.service_tier);
  }

  private state(index: number): ChoiceState {
    let state = this.states[index];
    if (state === undefined) {
      state = new ChoiceState(index);
      this.states[index] = state;
    }
    return state;
  }

  private applyChoice(choice: Rec): void {
    const rawIndex = num(choice.index);
    const state = this.state(rawIndex !== null && rawIndex >= 0 ? rawIndex : 0);
    let changed = false;
    const delta = choice.delta;
    if (isRec(delta)) {
      const content = delta.content;
      if (typeof content === 'string') {
        if (content !== '') {
          state.content.push(content);
          changed = true;
        }
      } else if (Array.isArray(content) && applyParts(state, content)) changed = true;
      // Providers name it either way; a few send both with the same text, so one wins.
      const reasoning =
        typeof delta.reasoning_content === 'string' ? delta.reasoning_content : delta.reasoning;
      if (typeof reasoning === 'string' && reasoning !== '') {
        state.reasoning.push(reasoning);
        changed = true;
      }
      const refusal = delta.refusal;
      if (typeof refusal === 'string' && refusal !== '') {
        state.refusal += refusal;
        changed = true;
      }
      const calls = delta.tool_calls;
      if (Array.isArray(calls) && calls.length > 0) {
        this.applyCalls(state, calls);
        changed = true;
      }
      if (changed) this.hasOutput = true;
    }
    const logprobs = choice.logprobs;
    if (isRec(logprobs)) {
      const tokens = logprobs.content;
      if (Array.isArray(tokens)) {
        for (let i = 0; i < tokens.length; i += 1) {
          const entry = this.logprobReader.read(tokens[i]);
          if (entry) state.logprobs.push(entry);
        }
        changed ||= tokens.length > 0;
      }
    }
    const usage = choice.usage;
    if (isRec(usage)) state.completionTokens = num(usage.completion_tokens) ?? state.completionTokens;
    const finish = choice.finish_reason;
    if (typeof finish === 'string' && finish !== '') {
      state.finishReason = finish;
      state.finishDirty = true;
      changed = true;
    }
    // The role-only first chunk changes nothing the window needs to hear about.
    if (changed && !state.dirty) {
      state.dirty = true;
      this.dirtyStates.push(state);
    }
  }

  private applyCalls(state: ChoiceState, fragments: unknown[]): void {
    const calls = state.calls;
    for (let i = 0; i < fragments.length; i += 1) {
      const fragment = fragments[i];
      if (!isRec(fragment)) continue;
      const slot = callSlot(calls, fragment, i);
      let call = calls[slot];
      if (call === undefined) {
        call = { id: '', name: '', args: '' };
        calls[slot] = call;
      }
      const id = fragment.id;
      if (call.id === '' && typeof id === 'string') call.id = id;
      const fn = fragment.function;
      if (isRec(fn)) {
        const name = fn.name;
        if (call.name === '' && typeof name === 'string') call.name = name;
        const args = fn.arguments;
        if (typeof args === 'string') call.args += args;
        else if (isRec(args)) call.args += JSON.stringify(args);
      }
    }
    state.callsDirty = true;
  }

  /** Choices that changed since the last drain, in the push-event shape; `ids[i]` is choice i's message. */
  drain(ids: readonly string[]): ChoiceDelta[] {
    const out: ChoiceDelta[] = [];
    const dirty = this.dirtyStates;
    if (dirty.length === 0) return out;
    this.dirtyStates = [];
    for (const state of dirty) {
      state.dirty = false;
      const messageId = ids[state.index];
      if (messageId === undefined) continue;
      const delta: ChoiceDelta = { index: state.index, messageId };
      const content = state.content.unsent();
      if (content !== '') delta.content = content;
      const reasoning = state.reasoning.unsent();
      if (reasoning !== '') delta.reasoning = reasoning;
      if (state.callsDirty) delta.toolCalls = toolCalls(state.calls) ?? [];
      if (state.logprobsSent < state.logprobs.length)
        delta.logprobs = state.logprobs.slice(state.logprobsSent);
      if (state.finishDirty) delta.finishReason = state.finishReason;
      state.callsDirty = false;
      state.finishDirty = false;
      state.logprobsSent = state.logprobs.length;
      out.push(delta);
    }
    return out;
  }

  /** The growing text of one choice, for the throttled saves; logprobs wait for the final write. */
  peek(index: number): { content: string; reasoning: string | null; toolCalls: ToolCall[] | null } | null {
    const state = this.states[index];
    if (state === undefined) return null;
    return {
      content: state.content.text(),
      reasoning: state.reasoning.empty ? null : state.reasoning.text(),
      toolCalls: toolCalls(state.calls),
    };
  }

  /**
   * Every choice the provider sent has a finish reason. Providers may send fewer choices than
   * `n`: the ones that came and finished make a complete answer even without `[DONE]`.
   */
  // Callers that still pass the `n` asked for are fine: it no longer decides.
  allFinished(..._ignored: readonly unknown[]): boolean {
    let seen = 0;
    for (const state of this.states) {
      if (state === undefined) continue;
      if (state.finishReason === null) return false;
      seen += 1;
    }
    return seen > 0;
  }

  result(): Assembled {
    const choices: AssembledChoice[] = [];
    for (const state of this.states) {
      if (state === undefined) continue;
      choices.push({
        index: state.index,
        content: state.content.text(),
        reasoning: state.reasoning.empty ? null : state.reasoning.text(),
        toolCalls: toolCalls(state.calls),
        logprobs: state.logprobs.length > 0 ? state.logprobs : null,
        finishReason: state.finishReason,
        refusal: state.refusal === '' ? null : state.refusal,
        completionTokens: state.completionTokens,
      });
    }
    return {
      id: this.id,
      model: this.model,
      created: this.created,
      systemFingerprint: this.systemFingerprint,
      serviceTier: this.serviceTier,
      choices,
      usage: this.usage,
      error: this.error,
      done: this.done,
    };
  }
}

/** A non-streaming response body, assembled exactly as its stream would be. */
export function assembleCompletion(body: unknown): Assembled {
  const assembler = new StreamAssembler();
  assembler.pushCompletion(body);
  return assembler.result();
}
