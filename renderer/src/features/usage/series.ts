import type { UsageStatus, UsageSummary } from '../../../../main/contract';
import { daysBetween } from '../../store/usage/range';

/** Bars beyond this many models become one "Other models" stack, so a chart stays readable. */
const MAX_STACKED_MODELS = 8;
export const OTHER_MODELS = 'Other models';

/** Beyond half a year, days are summed into weeks: 730 sub-pixel bars say less than 104 readable ones, and paint slower. */
const WEEKLY_AFTER_DAYS = 182;

const bucketFor = (dayCount: number): 1 | 7 => (dayCount > WEEKLY_AFTER_DAYS ? 7 : 1);

export interface DailySeries {
  /** Days per bar: 1, or 7 for long ranges. */
  bucket: 1 | 7;
  /** The first day of each bar. */
  days: string[];
  /** Model names in stacking order (largest first), possibly ending with OTHER_MODELS. */
  models: string[];
  /** tokens[m][d]: tokens of models[m] on days[d]. */
  tokens: number[][];
  cost: number[];
  credits: number[];
  requests: number[];
}

/**
 * Turns the per-day, per-model aggregates from main into dense arrays for the charts: one
 * slot per calendar day (or week, for long ranges; gaps are zero, not missing bars), the
 * biggest models stacked and the rest summed. Linear in the number of aggregate rows plus days.
 */
export function buildDailySeries(
  daily: UsageSummary['daily'],
  span: { fromDay: string | null; toDay: string },
  maxModels = MAX_STACKED_MODELS,
): DailySeries {
  let first = span.fromDay;
  if (first === null) {
    for (const row of daily) if (first === null || row.day < first) first = row.day;
  }
  const allDays = first === null ? [] : daysBetween(first, span.toDay);
  const bucket = bucketFor(allDays.length);
  const dayIndex = new Map<string, number>();
  allDays.forEach((d, i) => dayIndex.set(d, Math.floor(i / bucket)));
  const days = allDays.filter((_, i) => i % bucket === 0);

  const totalsByModel = new Map<string, number>();
  for (const row of daily) totalsByModel.set(row.model, (totalsByModel.get(row.model) ?? 0) + row.tokens);
  const ranked = [...totalsByModel].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([m]) => m);
  const overflow = ranked.length > maxModels;
  const kept = overflow ? ranked.slice(0, maxModels - 1) : ranked;
  const models = overflow ? [...kept, OTHER_MODELS] : kept;
  const modelIndex = new Map<string, number>();
  kept.forEach((m, i) => modelIndex.set(m, i));
  const otherIndex = overflow ? models.length - 1 : -1;

  const tokens = models.map(() => new Array<number>(days.length).fill(0));
  const cost = new Array<number>(days.length).fill(0);
  const credits = new Array<number>(days.length).fill(0);
  const requests = new Array<number>(days.length).fill(0);
  for (const row of daily) {
    const d = dayIndex.get(row.day);
    if (d === undefined) continue;
    const m = modelIndex.get(row.model) ?? otherIndex;
    const line = tokens[m];
    if (line) line[d] = (line[d] ?? 0) + row.tokens;
    cost[d] = (cost[d] ?? 0) + row.cost;
    credits[d] = (credits[d] ?? 0) + row.credits;
    requests[d] = (requests[d] ?? 0) + row.requests;
  }
  return { bucket, days, models, tokens, cost, credits, requests };
}

export type MoneyMode = 'cost' | 'credits' | 'both' | 'none';

/** Which money figure the range has: providers that report credits, a price table, both, or neither. */
export function moneyMode(totals: UsageSummary['totals']): MoneyMode {
  const hasCost = totals.cost > 0;
  const hasCredits = totals.credits > 0;
  if (hasCost && hasCredits) return 'both';
  if (hasCredits) return 'credits';
  if (hasCost) return 'cost';
  return 'none';
}

export const STATUS_ORDER: readonly UsageStatus[] = ['complete', 'interrupted', 'aborted', 'error'];

export const STATUS_LABELS: Record<UsageStatus, string> = {
  complete: 'Complete',
  interrupted: 'Interrupted',
  aborted: 'Stopped',
  error: 'Failed',
};

export function statusSeries(
  byStatus: UsageSummary['byStatus'],
): { status: UsageStatus; requests: number }[] {
  const counts = new Map<UsageStatus, number>();
  for (const row of byStatus) counts.set(row.status, (counts.get(row.status) ?? 0) + row.requests);
  return STATUS_ORDER.map((status) => ({ status, requests: counts.get(status) ?? 0 }));
}

const MAX_LATENCY_MODELS = 12;

/** Models with a measured time to first token, busiest first. */
export function latencySeries(
  latency: UsageSummary['latency'],
  limit = MAX_LATENCY_MODELS,
): { models: string[]; p50: number[]; p95: number[] } {
  const rows = latency
    .filter((r) => r.p50 !== null || r.p95 !== null)
    .sort((a, b) => b.requests - a.requests || a.model.localeCompare(b.model))
    .slice(0, limit);
  return {
    models: rows.map((r) => r.model),
    p50: rows.map((r) => r.p50 ?? 0),
    p95: rows.map((r) => r.p95 ?? 0),
  };
}

/** Balances at or under the threshold, so the screen can warn. */
export function lowBalances<T extends { creditsRemaining: number }>(
  balances: readonly T[],
  threshold: number,
): T[] {
  return balances.filter((b) => b.creditsRemaining <= threshold);
}
