import { z } from 'zod';
import { channel } from './define';
import { ExchangeRateUse } from './budgets';
import { ErrorCode } from './errors';

export const UsageStatus = z.enum(['complete', 'interrupted', 'error', 'aborted']);
export type UsageStatus = z.infer<typeof UsageStatus>;

export const UsageRow = z.object({
  id: z.string(),
  at: z.number(),
  providerId: z.string().nullable(),
  providerName: z.string(),
  model: z.string(),
  confidential: z.boolean(),
  threadId: z.string().nullable(),
  messageId: z.string().nullable(),
  /** The first attempt's row id when this row is a retry. */
  retryOf: z.string().nullable(),
  attempt: z.number(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  reasoningTokens: z.number().nullable(),
  /** Prompt tokens served from the provider's cache (part of `promptTokens`), when reported. */
  cachedTokens: z.number().nullable().optional(),
  totalTokens: z.number(),
  tokensReported: z.boolean(),
  creditsConsumed: z.number().nullable(),
  creditsRemaining: z.number().nullable(),
  cost: z.number().nullable(),
  /** `provider` when the provider reported the cost, `table` when priced from the price table. */
  costSource: z.enum(['provider', 'table', 'catalogue']).nullable().optional(),
  ttftMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  tokensPerSecond: z.number().nullable(),
  status: UsageStatus,
  errorCode: ErrorCode.nullable(),
});
export type UsageRow = z.infer<typeof UsageRow>;

/** Times are epoch milliseconds; a range is half-open: `from` ≤ at < `to`. */
export const UsageFilter = z.object({
  from: z.number(),
  to: z.number(),
  providerId: z.string().optional(),
  model: z.string().optional(),
  confidential: z.boolean().optional(),
  status: UsageStatus.optional(),
  threadId: z.string().optional(),
  /** Rows of the threads filed in this project / carrying this tag (read from raw rows). */
  projectId: z.string().optional(),
  tag: z.string().optional(),
});
export type UsageFilter = z.infer<typeof UsageFilter>;

const Totals = z.object({
  requests: z.number(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  totalTokens: z.number(),
  credits: z.number(),
  cost: z.number(),
});
export type UsageTotals = z.infer<typeof Totals>;

/** A cost in one currency; costs in different currencies are never added together. */
export const CurrencyCost = z.object({ currency: z.string(), cost: z.number() });
export type CurrencyCost = z.infer<typeof CurrencyCost>;

/**
 * The costs as one figure in the user's chosen currency (budgets:settings `convertTo`), through
 * their own exchange rates only, with the rates used; `missing` are the costs no rate converts,
 * left out of `amount` and shown apart.
 */
export const ConvertedTotal = z.object({
  currency: z.string(),
  amount: z.number(),
  rates: z.array(ExchangeRateUse),
  missing: z.array(CurrencyCost),
});
export type ConvertedTotal = z.infer<typeof ConvertedTotal>;

export const UsageSummary = z.object({
  /** `totals.cost` adds every currency up: show `costs` (one figure per currency) instead. */
  totals: Totals,
  costs: z.array(CurrencyCost),
  /** `costs` converted into the chosen currency; null/absent when none is chosen or no rate applies. */
  converted: ConvertedTotal.nullable().optional(),
  /** Tokens, cost and credits per day (local midnight) per model. */
  daily: z.array(
    z.object({
      day: z.string(),
      model: z.string(),
      tokens: z.number(),
      cost: z.number(),
      credits: z.number(),
      requests: z.number(),
    }),
  ),
  byStatus: z.array(z.object({ status: UsageStatus, requests: z.number() })),
  latency: z.array(
    z.object({
      model: z.string(),
      p50: z.number().nullable(),
      p95: z.number().nullable(),
      requests: z.number(),
    }),
  ),
  breakdown: z.array(
    Totals.extend({
      providerId: z.string().nullable(),
      providerName: z.string(),
      model: z.string(),
      confidential: z.boolean(),
      costs: z.array(CurrencyCost),
    }),
  ),
  balances: z.array(
    z.object({
      providerId: z.string().nullable(),
      providerName: z.string(),
      creditsRemaining: z.number(),
      at: z.number(),
    }),
  ),
});
export type UsageSummary = z.infer<typeof UsageSummary>;

export const Price = z.object({
  id: z.string(),
  providerId: z.string().nullable(),
  model: z.string(),
  inputPerMillion: z.number().min(0),
  outputPerMillion: z.number().min(0),
  currency: z.string(),
  validFrom: z.number(),
});
export type Price = z.infer<typeof Price>;

const TzOffset = z.number().int().min(-1440).max(1440);

export const usageChannels = {
  /**
   * `tzOffsetMinutes`: the user's offset EAST of UTC at the start of the range, i.e.
   * `-new Date(from).getTimezoneOffset()` (India +330, New York -300/-240); `tzTransitions`: the
   * instants inside the range where it changes (daylight saving), with the offset from then on.
   * Days in `daily` are the user's local days, on either side of a change.
   */
  'usage:summary': channel(
    UsageFilter.extend({
      tzOffsetMinutes: TzOffset.default(0),
      tzTransitions: z
        .array(z.object({ at: z.number(), offsetMinutes: TzOffset }))
        .max(2000)
        .optional(),
    }),
    UsageSummary,
  ),
  'usage:rows': channel(
    UsageFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number(), rows: z.array(UsageRow) }),
  ),
  'usage:export': channel(
    UsageFilter.extend({ format: z.enum(['csv', 'json']) }),
    z.object({ filename: z.string(), text: z.string() }),
  ),
  'usage:clearPreview': channel(
    UsageFilter.pick({ from: true, to: true }),
    z.object({ rows: z.number(), totalTokens: z.number() }),
  ),
  'usage:clear': channel(UsageFilter.pick({ from: true, to: true }), z.object({ deleted: z.number() })),
  'usage:settings': channel(
    z.object({ lowBalanceCredits: z.number().min(0).optional() }),
    z.object({ lowBalanceCredits: z.number() }),
  ),
  'prices:list': channel(z.object({}), z.array(Price)),
  'prices:save': channel(Price.omit({ id: true }).extend({ id: z.string().optional() }), Price),
  'prices:delete': channel(z.object({ id: z.string() }), z.object({ deleted: z.boolean() })),
};

export const usageEvents = {
  'usage:changed': z.object({ at: z.number() }),
};
