import { z } from 'zod';
import { channel } from './define';

/** What a budget counts: everything, or one provider, model, project or tag. */
export const BudgetScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overall') }),
  z.object({ kind: z.literal('provider'), providerId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('model'), model: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('project'), projectId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(64) }),
]);
export type BudgetScope = z.infer<typeof BudgetScope>;

export const BudgetPeriod = z.enum(['day', 'week', 'month']);

/** `credits`, or the ISO 4217 code of the currency the prices are in. */
export const BudgetUnit = z.union([
  z.literal('credits'),
  z.string().regex(/^[A-Z]{3}$/, 'a budget is in credits or a three-letter currency code such as USD'),
]);

/** A currency code, or `credits` is not one: rates convert between currencies only. */
const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'a currency is a three-letter code such as USD or EUR');

/** `1 from = rate to`, as of the user's date for it. */
export const ExchangeRate = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  rate: z.number(),
  asOf: z.string(),
  createdAt: z.number(),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

export const ExchangeRateInput = z
  .object({
    from: Currency,
    to: Currency,
    rate: z.number().finite().positive('a rate is above zero').max(1e9, 'a rate is at most 1,000,000,000'),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'the date of a rate is YYYY-MM-DD'),
  })
  .refine((r) => r.from !== r.to, {
    message: 'a rate converts between two different currencies',
    path: ['to'],
  });
export type ExchangeRateInput = z.input<typeof ExchangeRateInput>;

/** A conversion as used: the rate that did it, and whether it was entered the other way round. */
export const ExchangeRateUse = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  /** Multiply an amount in `from` by this to get `to` (1 / the entered rate when inverted). */
  factor: z.number(),
  asOf: z.string(),
  inverted: z.boolean(),
});
export type ExchangeRateUse = z.infer<typeof ExchangeRateUse>;

/** Cost of some requests: each currency apart, credits apart, and where the figures came from. */
export const CostFigure = z.object({
  costs: z.array(z.object({ currency: z.string(), cost: z.number() })),
  credits: z.number(),
  tokens: z.number(),
  requests: z.number(),
  /** Requests priced by each source (a provider's figure, the user's table, the bundled catalogue). */
  sources: z.object({ provider: z.number(), table: z.number(), catalogue: z.number() }),
});
export type CostFigure = z.infer<typeof CostFigure>;

export const ThreadCost = z.object({
  thread: CostFigure,
  /** The branch shown (root to `leafId`): null when the thread has no messages. */
  branch: CostFigure.extend({ leafId: z.string() }).nullable(),
  /** How many branches (leaves) the thread has. */
  branches: z.number(),
  /**
   * The costs shown converted into the user's chosen currency too, with the rates used; null
   * unless they chose one. `missing` lists currencies no rate converts (left out of the figures).
   */
  converted: z
    .object({
      currency: z.string(),
      thread: z.number(),
      branch: z.number().nullable(),
      rates: z.array(ExchangeRateUse),
      missing: z.array(z.string()),
    })
    .nullable(),
});
export type ThreadCost = z.infer<typeof ThreadCost>;

/** The bundled price catalogue, its age, and the age at which it says it is stale. */
export const CatalogueInfo = z.object({
  asOf: z.string(),
  currency: z.string(),
  models: z.number(),
  ageDays: z.number(),
  staleAfterDays: z.number(),
  stale: z.boolean(),
});
export type CatalogueInfo = z.infer<typeof CatalogueInfo>;

export const CostSettings = z.object({
  /** Show totals converted into this currency too (marked converted, with the rate), or not. */
  convertTo: z.string().nullable(),
  staleAfterDays: z.number(),
});
export type CostSettings = z.infer<typeof CostSettings>;

const BalanceReading = z.object({ at: z.number(), remaining: z.number(), usageId: z.string() });

/** A request inside a balance stretch that recorded no charge: a candidate for what the provider billed. */
export const GapRequest = z.object({
  id: z.string(),
  at: z.number(),
  model: z.string(),
  status: z.string(),
  threadId: z.string().nullable(),
  messageId: z.string().nullable(),
  totalTokens: z.number(),
});

/** Between two balance readings: how far the balance fell against what the ledger recorded. */
export const BalanceStretch = z.object({
  from: BalanceReading,
  to: BalanceReading,
  /** from.remaining - to.remaining (negative: the balance rose, a top-up or refund). */
  balanceDrop: z.number(),
  /** Credits the ledger recorded for requests in (from, to]. */
  recorded: z.number(),
  /** balanceDrop - recorded: positive means the provider charged more than the app saw. */
  gap: z.number(),
  kind: z.enum(['matches', 'gap', 'topUp', 'overRecorded']),
  /** For a gap: the requests in the stretch without a recorded charge (empty: unexplained). */
  requests: z.array(GapRequest),
});
export type BalanceStretch = z.infer<typeof BalanceStretch>;

export const Reconciliation = z.object({
  providerId: z.string().nullable(),
  providerName: z.string(),
  readings: z.number(),
  first: BalanceReading.nullable(),
  last: BalanceReading.nullable(),
  /** Sums over the stretches with no top-up in them. */
  balanceDrop: z.number(),
  recorded: z.number(),
  gap: z.number(),
  /** Stretches that do not match, newest first (at most 50). */
  stretches: z.array(BalanceStretch),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const BudgetInput = z.object({
  id: z.string().optional(),
  name: z.string().trim().max(80).default(''),
  scope: BudgetScope,
  period: BudgetPeriod,
  limit: z.number().positive('a budget needs a limit above zero').max(1e9),
  unit: BudgetUnit,
  /** Percent of the limit at which the user hears of it; 100 is where `action` applies. */
  thresholds: z.array(z.number().int().min(1).max(100)).max(6).default([50, 80, 100]),
  /** At 100 %: tell (warn) or refuse to send until the period ends or the user sends anyway once. */
  action: z.enum(['warn', 'block']).default('warn'),
});
export type BudgetInput = z.input<typeof BudgetInput>;

export const Budget = z.object({
  id: z.string(),
  name: z.string(),
  scope: BudgetScope,
  period: BudgetPeriod,
  limit: z.number(),
  unit: z.string(),
  thresholds: z.array(z.number()),
  action: z.enum(['warn', 'block']),
  createdAt: z.number(),
});
export type Budget = z.infer<typeof Budget>;

export const BudgetStatus = z.object({
  budget: Budget,
  /** The current period, [start, end) in the local calendar. */
  start: z.number(),
  end: z.number(),
  spent: z.number(),
  /** spent / limit (1 = the limit). */
  fraction: z.number(),
  /** The highest threshold reached this period, or null. */
  threshold: z.number().nullable(),
  forecast: z.object({
    ratePerHour: z.number(),
    projected: z.number(),
    reachesAt: z.number().nullable(),
    reached: z.boolean(),
  }),
  /** "Send anyway once" passes used this period. */
  overrides: z.number(),
  /** Spend in other currencies counted through a rate the user set (already inside `spent`). */
  converted: z
    .array(z.object({ currency: z.string(), amount: z.number(), counted: z.number(), rate: ExchangeRateUse }))
    .default([]),
  /** Spend in scope this period in other currencies that no rate converts: not counted. */
  notCounted: z.array(z.object({ currency: z.string(), amount: z.number() })).default([]),
});
export type BudgetStatus = z.infer<typeof BudgetStatus>;

/** What a send would meet: the budget that blocks it, and those at a threshold. */
export const BudgetVerdict = z.object({
  blockedBy: BudgetStatus.nullable(),
  warnings: z.array(BudgetStatus),
});
export type BudgetVerdict = z.infer<typeof BudgetVerdict>;

export const budgetChannels = {
  'budgets:list': channel(z.object({}), z.array(BudgetStatus)),
  'budgets:save': channel(BudgetInput, Budget),
  'budgets:delete': channel(z.object({ id: z.string() }), z.object({ deleted: z.boolean() })),
  /** What sending on this thread now would meet (the composer shows it before Send). */
  'budgets:check': channel(z.object({ threadId: z.string() }), BudgetVerdict),
  /** One send past a blocking budget, recorded with the time it was granted. */
  'budgets:allowOnce': channel(z.object({ budgetId: z.string() }), z.object({ granted: z.boolean() })),
  /** A thread's cost and the shown branch's, currencies and credits apart (the thread header). */
  'budgets:threadCost': channel(
    z.object({ threadId: z.string(), leafId: z.string().nullable().optional() }),
    ThreadCost,
  ),
  'budgets:rates': channel(z.object({}), z.array(ExchangeRate)),
  /** Adds a rate, or replaces the one of the same pair and date. */
  'budgets:saveRate': channel(ExchangeRateInput, ExchangeRate),
  'budgets:deleteRate': channel(z.object({ id: z.string() }), z.object({ deleted: z.boolean() })),
  'budgets:catalogue': channel(z.object({}), CatalogueInfo),
  'budgets:settings': channel(
    z.object({
      convertTo: Currency.nullable().optional(),
      staleAfterDays: z.number().int().min(1, 'at least one day').max(3650).optional(),
    }),
    CostSettings,
  ),
  /**
   * Each provider's reported balance against the ledger's recorded charges between readings in
   * [from, to): where the balance fell by more than the app recorded.
   */
  'budgets:reconcile': channel(
    z.object({ from: z.number(), to: z.number(), providerId: z.string().nullable().optional() }),
    z.array(Reconciliation),
  ),
};

export const budgetEvents = {
  /** A budget crossed one of its thresholds this period (said once per threshold and period). */
  'budgets:alert': z.object({ status: BudgetStatus, threshold: z.number() }),
};
