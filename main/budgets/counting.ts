import type { BudgetStatus, ConvertedTotal, ExchangeRateUse } from '../contract';
import { roundMoney } from '../usage/money';
import type { RateBook } from './rates';

/** The key under which credits are kept beside currencies in a running tally. */
export const CREDITS = 'credits';

/** Amounts by currency (and `credits`), summed under money.ts's rule. */
export type Amounts = Map<string, number>;

export function addAmount(amounts: Amounts, currency: string, amount: number): void {
  if (amount === 0) return;
  amounts.set(currency, roundMoney((amounts.get(currency) ?? 0) + amount));
}

export interface Tally {
  spent: number;
  converted: BudgetStatus['converted'];
  notCounted: BudgetStatus['notCounted'];
}

/**
 * What a budget in `unit` counts of per-currency amounts: its own currency (or credits) as is,
 * another currency only through a rate the user set; the rest is reported as not counted. Each
 * currency's sum is converted once, so a running tally and a recomputation agree to the nano-unit.
 */
export function tally(amounts: Amounts, unit: string, rates: RateBook): Tally {
  if (unit === CREDITS) return { spent: amounts.get(CREDITS) ?? 0, converted: [], notCounted: [] };
  let spent = amounts.get(unit) ?? 0;
  const converted: Tally['converted'] = [];
  const notCounted: Tally['notCounted'] = [];
  for (const [currency, amount] of [...amounts].sort(([a], [b]) => a.localeCompare(b))) {
    if (currency === unit || currency === CREDITS || amount === 0) continue;
    const rate = rates.use(currency, unit);
    if (rate === null) {
      notCounted.push({ currency, amount });
      continue;
    }
    const counted = roundMoney(amount * rate.factor);
    spent += counted;
    converted.push({ currency, amount, counted, rate });
  }
  return { spent: roundMoney(spent), converted, notCounted };
}

/**
 * Costs in several currencies shown as one figure in `to`, only through the user's rates: the
 * currencies no rate converts are left out and named, the rates used are listed.
 */
export function convertCosts(
  costs: readonly { currency: string; cost: number }[],
  to: string,
  rates: RateBook,
): { amount: number; rates: ExchangeRateUse[]; missing: string[] } {
  let amount = 0;
  const used: ExchangeRateUse[] = [];
  const missing: string[] = [];
  for (const { currency, cost } of costs) {
    if (currency === to) {
      amount += cost;
      continue;
    }
    const rate = rates.use(currency, to);
    if (rate === null) missing.push(currency);
    else {
      amount += roundMoney(cost * rate.factor);
      used.push(rate);
    }
  }
  return { amount: roundMoney(amount), rates: used, missing };
}

/**
 * The usage screen's total in the user's chosen currency `to` (null: none chosen), through their
 * rates only. Null when no rate converts anything: the per-currency figures already say it all.
 */
export function convertedTotal(
  costs: readonly { currency: string; cost: number }[],
  to: string | null,
  rates: RateBook,
): ConvertedTotal | null {
  if (to === null) return null;
  const result = convertCosts(costs, to, rates);
  if (result.rates.length === 0) return null;
  const missing = new Set(result.missing);
  return {
    currency: to,
    amount: result.amount,
    rates: [...new Map(result.rates.map((r) => [r.id, r])).values()],
    missing: costs
      .filter((c) => missing.has(c.currency))
      .map((c) => ({ currency: c.currency, cost: c.cost })),
  };
}
