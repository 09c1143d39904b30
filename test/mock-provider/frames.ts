import type { ChoicePlan, CompletionPlan } from './plan';
import { hash } from './text';
import type { ScriptShape } from './types';

interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

interface LogprobEntry extends TopLogprob {
  top_logprobs: TopLogprob[];
}

const ALTERNATIVES = [
  ' the',
  ' a',
  ',',
  '.',
  ' and',
  ' to',
  ' of',
  ' is',
  ' in',
  ' it',
  ' that',
  ' for',
  ' on',
  ' with',
  ' as',
  ' this',
  ' be',
  ' at',
  ' or',
  ' by',
  ' an',
];

const round = (n: number): number => Math.round(n * 10_000) / 10_000;
const bytesOf = (token: string): number[] => [...Buffer.from(token, 'utf8')];

/** The chosen token is always the most likely, so clients can sanity-check their sorting. */
function logprobEntry(token: string, position: number, top: number): LogprobEntry {
  const logprob = round(-(hash(`${position}:${token}`) % 1500) / 1000);
  const alternatives = ALTERNATIVES.filter((t) => t !== token).slice(0, Math.max(0, top - 1));
  const topLogprobs: TopLogprob[] = top > 0 ? [{ token, logprob, bytes: bytesOf(token) }] : [];
  alternatives.forEach((alt, k) => {
    topLogprobs.push({ token: alt, logprob: round(logprob - 0.75 * (k + 1)), bytes: bytesOf(alt) });
  });
  return { token, logprob, bytes: bytesOf(token), top_logprobs: topLogprobs };
}

function choiceLogprobs(plan: CompletionPlan, choice: ChoicePlan): unknown {
  if (!plan.logprobs) return null;
  return { content: choice.contentPieces.map((p, i) => logprobEntry(p, i, plan.topLogprobs)), refusal: null };
}

function envelope(plan: CompletionPlan, includeUsage: boolean, choices: unknown[]): Record<string, unknown> {
  const chunk: Record<string, unknown> = {
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    system_fingerprint: plan.systemFingerprint,
    choices,
  };
  // OpenAI only sends `usage: null` on ordinary chunks when usage was asked for.
  if (includeUsage) chunk.usage = null;
  return chunk;
}

/** The choice's own completion tokens, for per-choice usage. */
const choiceTokens = (choice: ChoicePlan): number =>
  choice.reasoningPieces.length +
  choice.contentPieces.length +
  choice.toolCalls.reduce((t, k) => t + k.argumentPieces.length, 0);

/** The usage object as the scripted provider reports it. */
function usageBody(plan: CompletionPlan, shape: ScriptShape): Record<string, unknown> {
  const usage: Record<string, unknown> = { ...plan.usage };
  if (shape.cachedTokens !== undefined) usage.prompt_tokens_details = { cached_tokens: shape.cachedTokens };
  if (shape.cost !== undefined) usage.cost = shape.cost;
  return usage;
}

/** Received choices: all of them, or the first `shape.choices`. */
const sentChoices = (plan: CompletionPlan, shape: ScriptShape): ChoicePlan[] =>
  shape.choices === undefined ? plan.choices : plan.choices.slice(0, shape.choices);

function choiceDeltas(plan: CompletionPlan, choice: ChoicePlan, shape: ScriptShape = {}): unknown[] {
  const { index } = choice;
  const delta = (
    d: Record<string, unknown>,
    logprobs: unknown = null,
    finish: string | null = null,
  ): unknown => ({
    index,
    delta: d,
    logprobs,
    finish_reason: finish,
  });
  const out: unknown[] = [delta({ role: 'assistant', content: shape.parts ? [] : '' })];
  for (const piece of choice.reasoningPieces)
    out.push(
      delta(
        shape.parts ? { content: [{ type: 'thinking', thinking: piece }] } : { reasoning_content: piece },
      ),
    );
  choice.contentPieces.forEach((piece, i) => {
    const logprobs = plan.logprobs
      ? { content: [logprobEntry(piece, i, plan.topLogprobs)], refusal: null }
      : null;
    out.push(delta({ content: shape.parts ? [{ type: 'text', text: piece }] : piece }, logprobs));
  });
  if (shape.extraParts && shape.extraParts.length > 0) out.push(delta({ content: shape.extraParts }));
  choice.toolCalls.forEach((call, i) => {
    out.push(
      delta({
        tool_calls: [
          { index: i, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
        ],
      }),
    );
    for (const piece of call.argumentPieces) {
      out.push(delta({ tool_calls: [{ index: i, function: { arguments: piece } }] }));
    }
  });
  if (choice.finishReason !== null) {
    const finish = delta({}, null, choice.finishReason) as Record<string, unknown>;
    if (shape.perChoiceUsage) finish.usage = { completion_tokens: choiceTokens(choice) };
    out.push(finish);
  }
  return out;
}

/** Every `data:` payload of a stream, in order, choices interleaved round-robin; `[DONE]` not included. */
export function streamFrames(
  plan: CompletionPlan,
  includeUsage: boolean,
  shape: ScriptShape = {},
): unknown[] {
  const perChoice = sentChoices(plan, shape).map((c) => choiceDeltas(plan, c, shape));
  const longest = Math.max(0, ...perChoice.map((d) => d.length));
  const frames: Record<string, unknown>[] = [];
  for (let step = 0; step < longest; step += 1) {
    for (const deltas of perChoice) {
      const d = deltas[step];
      if (d !== undefined) frames.push(envelope(plan, includeUsage, [d]));
    }
  }
  const placement = shape.usage ?? (includeUsage ? 'final' : 'none');
  const usage = usageBody(plan, shape);
  const last = frames.at(-1);
  if (placement === 'final') frames.push({ ...envelope(plan, false, []), usage });
  else if (placement === 'finish' && last) last.usage = usage;
  else if (placement === 'x_groq' && last) last.x_groq = { id: `req_${plan.id}`, usage };
  const first = frames[0];
  if (shape.blankFirstEnvelope && first)
    Object.assign(first, { id: '', model: '', system_fingerprint: '', created: 0 });
  return frames;
}

function messageContent(choice: ChoicePlan, shape: ScriptShape): unknown {
  if (!shape.parts) {
    return choice.contentPieces.length === 0 && choice.toolCalls.length > 0
      ? null
      : choice.contentPieces.join('');
  }
  const parts: unknown[] = [];
  if (choice.reasoningPieces.length > 0)
    parts.push({ type: 'thinking', thinking: choice.reasoningPieces.join('') });
  if (choice.contentPieces.length > 0) parts.push({ type: 'text', text: choice.contentPieces.join('') });
  return [...parts, ...(shape.extraParts ?? [])];
}

export function completionBody(plan: CompletionPlan, shape: ScriptShape = {}): unknown {
  const placement = shape.usage ?? 'final';
  const usage = usageBody(plan, shape);
  const blank = shape.blankFirstEnvelope === true;
  return {
    id: blank ? '' : plan.id,
    object: 'chat.completion',
    created: blank ? 0 : plan.created,
    model: blank ? '' : plan.model,
    system_fingerprint: plan.systemFingerprint,
    service_tier: 'default',
    choices: sentChoices(plan, shape).map((choice) => {
      const message: Record<string, unknown> = {
        role: 'assistant',
        content: messageContent(choice, shape),
        refusal: null,
      };
      if (choice.reasoningPieces.length > 0 && !shape.parts)
        message.reasoning_content = choice.reasoningPieces.join('');
      if (choice.toolCalls.length > 0) {
        message.tool_calls = choice.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.argumentPieces.join('') },
        }));
      }
      return {
        index: choice.index,
        message,
        logprobs: choiceLogprobs(plan, choice),
        finish_reason: choice.finishReason,
        ...(shape.perChoiceUsage ? { usage: { completion_tokens: choiceTokens(choice) } } : {}),
      };
    }),
    ...(placement === 'none' ? {} : placement === 'x_groq' ? { x_groq: { usage } } : { usage }),
  };
}
