import type { ChoicePlan, CompletionPlan } from './plan';
import { hash } from './text';

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

function choiceDeltas(plan: CompletionPlan, choice: ChoicePlan): unknown[] {
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
  const out: unknown[] = [delta({ role: 'assistant', content: '' })];
  for (const piece of choice.reasoningPieces) out.push(delta({ reasoning_content: piece }));
  choice.contentPieces.forEach((piece, i) => {
    const logprobs = plan.logprobs
      ? { content: [logprobEntry(piece, i, plan.topLogprobs)], refusal: null }
      : null;
    out.push(delta({ content: piece }, logprobs));
  });
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
  if (choice.finishReason !== null) out.push(delta({}, null, choice.finishReason));
  return out;
}

/** Every `data:` payload of a stream, in order, choices interleaved round-robin; `[DONE]` not included. */
export function streamFrames(plan: CompletionPlan, includeUsage: boolean): unknown[] {
  const perChoice = plan.choices.map((c) => choiceDeltas(plan, c));
  const longest = Math.max(...perChoice.map((d) => d.length));
  const frames: unknown[] = [];
  for (let step = 0; step < longest; step += 1) {
    for (const deltas of perChoice) {
      const d = deltas[step];
      if (d !== undefined) frames.push(envelope(plan, includeUsage, [d]));
    }
  }
  if (includeUsage) frames.push({ ...envelope(plan, false, []), usage: plan.usage });
  return frames;
}

export function completionBody(plan: CompletionPlan): unknown {
  return {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    system_fingerprint: plan.systemFingerprint,
    service_tier: 'default',
    choices: plan.choices.map((choice) => {
      const message: Record<string, unknown> = {
        role: 'assistant',
        content:
          choice.contentPieces.length === 0 && choice.toolCalls.length > 0
            ? null
            : choice.contentPieces.join(''),
        refusal: null,
      };
      if (choice.reasoningPieces.length > 0) message.reasoning_content = choice.reasoningPieces.join('');
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
      };
    }),
    usage: plan.usage,
  };
}
