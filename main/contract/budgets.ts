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
};

export const budgetEvents = {
  /** A budget crossed one of its thresholds this period (said once per threshold and period). */
  'budgets:alert': z.object({ status: BudgetStatus, threshold: z.number() }),
};
