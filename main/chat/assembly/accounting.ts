import type { ResponseMeta, Usage, UsageRow, UsageStatus } from '../../contract';
import { creditsOf, requestIdOf } from '../transport/headers';
import type { UsageRecord } from '../ports';
import type { Assembled, AssembledChoice } from './shapes';
import { isEmptyChoice } from './shapes';
import type { ExchangeResult } from '../transport/attempt';

export interface AttemptFacts {
  attempt: number;
  /** The first attempt's ledger row, when this is a retry. */
  retryOf: string | null;
  providerId: string;
  providerName: string;
  model: string;
  confidential: boolean;
  threadId: string;
  messageId: string;
  /** Prompt text and the prefix already in the message, for estimates. */
  prompt: string;
  estimateTokens: (text: string) => number;
  now: number;
}

function usageStatus(result: ExchangeResult): UsageStatus {
  if (result.failure?.code === 'aborted') return 'aborted';
  if (result.outcome === 'complete') return 'complete';
  return result.outcome === 'interrupted' ? 'interrupted' : 'error';
}

function answerText(assembled: Assembled): { text: string; reasoning: string } {
  let text = '';
  let reasoning = '';
  for (const choice of assembled.choices) {
    text += choice.content;
    if (choice.reasoning) reasoning += choice.reasoning;
    for (const call of choice.toolCalls ?? []) text += call.function.name + call.function.arguments;
  }
  return { text, reasoning };
}

/**
 * The provider refused the request: an HTTP error, no connection, or an error in place of an
 * answer (a 200 whose body is an error, an error frame before anything else) — it processed no
 * tokens we could honestly estimate.
 */
export function refusedOutright(result: ExchangeResult): boolean {
  if (result.status === null || result.status < 200 || result.status >= 300) return true;
  const { error, choices } = result.assembled;
  return error !== null && choices.every(isEmptyChoice);
}

/**
 * One ledger row per attempt, failures included. Without a usage chunk the tokens are estimated
 * (`tokensReported: false`); an attempt the provider refused outright processed no tokens and
 * records zero rather than a guess.
 */
export function usageRecord(result: ExchangeResult, facts: AttemptFacts): UsageRecord {
  const reported = result.assembled.usage;
  const answered = !refusedOutright(result);
  let prompt = 0;
  let completion = 0;
  let reasoning: number | null = null;
  if (reported) {
    prompt = reported.promptTokens;
    completion = reported.completionTokens;
    reasoning = reported.reasoningTokens;
  } else if (answered) {
    const { text, reasoning: thought } = answerText(result.assembled);
    prompt = facts.estimateTokens(facts.prompt);
    const thinking = thought === '' ? 0 : facts.estimateTokens(thought);
    completion = (text === '' ? 0 : facts.estimateTokens(text)) + thinking;
    reasoning = thought === '' ? null : thinking;
  }
  const { requestSentAt, firstTokenAt, endedAt } = result.timings;
  const ttft = requestSentAt !== null && firstTokenAt !== null ? firstTokenAt - requestSentAt : null;
  const duration = requestSentAt !== null && endedAt !== null ? endedAt - requestSentAt : null;
  const generating = firstTokenAt !== null && endedAt !== null ? endedAt - firstTokenAt : 0;
  const credits = creditsOf(result.responseHeaders);
  return {
    at: requestSentAt ?? facts.now,
    providerId: facts.providerId,
    providerName: facts.providerName,
    model: facts.model,
    confidential: facts.confidential,
    threadId: facts.threadId,
    messageId: facts.messageId,
    retryOf: facts.retryOf,
    attempt: facts.attempt,
    promptTokens: prompt,
    completionTokens: completion,
    reasoningTokens: reasoning,
    cachedTokens: reported?.cachedTokens ?? null,
    totalTokens: reported ? reported.totalTokens : prompt + completion,
    tokensReported: reported !== null,
    creditsConsumed: credits.consumed,
    creditsRemaining: credits.remaining,
    ttftMs: ttft,
    durationMs: duration,
    tokensPerSecond:
      generating > 0 && completion > 0 ? Math.round((completion / (generating / 1000)) * 10) / 10 : null,
    status: usageStatus(result),
    errorCode: result.failure?.code ?? null,
    // The provider's own figure is the cost; the ledger marks its source as `provider`.
    ...(reported?.cost !== null && reported?.cost !== undefined ? { cost: reported.cost } : {}),
  };
}

export function messageUsage(row: UsageRow): Usage {
  return {
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    reasoningTokens: row.reasoningTokens,
    totalTokens: row.totalTokens,
    reported: row.tokensReported,
    creditsConsumed: row.creditsConsumed,
    creditsRemaining: row.creditsRemaining,
    cost: row.cost,
    cachedTokens: row.cachedTokens ?? null,
    costSource: row.costSource ?? null,
  };
}

/**
 * The usage one answer shows. With `n > 1` the answers share one request: each shows its own
 * completion tokens when the provider reported them per choice, else the shared figure marked
 * as shared; only the first carries the request into the thread's totals.
 */
export function choiceUsage(
  usage: Usage | null,
  choice: AssembledChoice | undefined,
  position: number,
  answers: number,
): Usage | null {
  if (usage === null || answers <= 1) return usage;
  return {
    ...usage,
    choices: answers,
    choiceCompletionTokens: choice?.completionTokens ?? null,
    ...(position > 0 ? { sharedCopy: true } : {}),
  };
}

export interface RequestFacts {
  url: string;
  bytes: string;
  /** Already redacted: no secret may reach this object. */
  headers: Record<string, string>;
  droppedFields: string[];
}

export function responseMeta(result: ExchangeResult, request: RequestFacts, attempts: number): ResponseMeta {
  const a = result.assembled;
  return {
    requestId: requestIdOf(result.responseHeaders),
    url: request.url,
    requestBody: request.bytes,
    requestHeaders: request.headers,
    status: result.status,
    responseHeaders: result.responseHeaders,
    responseSha256: result.sha256,
    completionId: a.id,
    model: a.model,
    systemFingerprint: a.systemFingerprint,
    serviceTier: a.serviceTier,
    timings: result.timings,
    droppedFields: request.droppedFields,
    attempts,
  };
}
