import type { Message } from '../../../../main/contract';

export interface UsageLineFigures {
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  /** Prompt tokens the provider served from its cache. */
  cachedTokens: number | null;
  /** With `n > 1`: how many answers share the request, when this answer's completion figure is theirs too. */
  sharedBy: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  tokensPerSecond: number | null;
  credits: number | null;
  cost: number | null;
  /** The provider reported the cost itself, rather than the price table giving it. */
  costReported: boolean;
  /** No price of the user's: the bundled catalogue's list price gave the cost. */
  fromCatalogue: boolean;
  estimated: boolean;
}

const span = (start: number | null | undefined, end: number | null | undefined): number | null =>
  start !== null && start !== undefined && end !== null && end !== undefined && end >= start
    ? end - start
    : null;

/**
 * One answer's figures: time to first token from the request leaving, speed over the
 * generation window only (first token → end), so a slow queue does not read as a slow model.
 * A request that failed with nothing counted shows no token figures at all (not "0 → 0").
 */
export function usageLineFigures(message: Pick<Message, 'usage' | 'meta'>): UsageLineFigures {
  const usage = message.usage;
  const t = message.meta?.timings;
  const ttftMs = span(t?.requestSentAt, t?.firstTokenAt);
  const generationMs = span(t?.firstTokenAt, t?.endedAt);
  const counted = usage !== null && (usage.reported || usage.promptTokens > 0 || usage.completionTokens > 0);
  const answers = usage?.choices ?? 1;
  const own = usage?.choiceCompletionTokens ?? null;
  const completion = counted ? (own ?? usage.completionTokens) : null;
  const tokensPerSecond =
    completion !== null && completion > 0 && generationMs !== null && generationMs > 0
      ? completion / (generationMs / 1000)
      : null;
  return {
    promptTokens: counted ? usage.promptTokens : null,
    completionTokens: completion,
    reasoningTokens: counted ? usage.reasoningTokens : null,
    cachedTokens: counted ? (usage.cachedTokens ?? null) : null,
    sharedBy: counted && answers > 1 && own === null ? answers : null,
    ttftMs,
    durationMs: span(t?.requestSentAt, t?.endedAt),
    tokensPerSecond,
    credits: usage?.creditsConsumed ?? null,
    cost: usage?.cost ?? null,
    costReported: usage?.costSource === 'provider',
    fromCatalogue: usage?.costSource === 'catalogue',
    estimated: counted && !usage.reported,
  };
}
