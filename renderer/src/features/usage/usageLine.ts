import type { Message } from '../../../../main/contract';

export interface UsageLineFigures {
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  tokensPerSecond: number | null;
  credits: number | null;
  cost: number | null;
  estimated: boolean;
}

const span = (start: number | null | undefined, end: number | null | undefined): number | null =>
  start !== null && start !== undefined && end !== null && end !== undefined && end >= start
    ? end - start
    : null;

/**
 * One answer's figures: time to first token from the request leaving, speed over the
 * generation window only (first token → end), so a slow queue does not read as a slow model.
 */
export function usageLineFigures(message: Pick<Message, 'usage' | 'meta'>): UsageLineFigures {
  const usage = message.usage;
  const t = message.meta?.timings;
  const ttftMs = span(t?.requestSentAt, t?.firstTokenAt);
  const generationMs = span(t?.firstTokenAt, t?.endedAt);
  const completion = usage?.completionTokens ?? null;
  const tokensPerSecond =
    completion !== null && completion > 0 && generationMs !== null && generationMs > 0
      ? completion / (generationMs / 1000)
      : null;
  return {
    promptTokens: usage?.promptTokens ?? null,
    completionTokens: completion,
    reasoningTokens: usage?.reasoningTokens ?? null,
    ttftMs,
    durationMs: span(t?.requestSentAt, t?.endedAt),
    tokensPerSecond,
    credits: usage?.creditsConsumed ?? null,
    cost: usage?.cost ?? null,
    estimated: usage !== null && !usage.reported,
  };
}
