import type { DatabaseSync } from 'node:sqlite';
import type { UsageFilter } from '../contract';
import { roundMoney } from './money';
import { rawWhere } from './rows';

/**
 * The currency the rollup's cost sums are taken to be in: every provider that reports a cost
 * reports US dollars, and a price table is in dollars unless the user says otherwise.
 */
export const BASE_CURRENCY = 'USD';

export interface CurrencyCost {
  currency: string;
  cost: number;
}

/** The part of one breakdown line's cost in another currency than the base. */
export interface OtherCost extends CurrencyCost {
  providerKey: string;
  providerName: string;
  model: string;
  confidential: boolean;
}

/**
 * Costs in other currencies than the base, per breakdown line. They are few (a user's own prices
 * in euros, say), and a partial index holds only them, so this stays cheap beside the rollup:
 * the base currency's part is the rest of the rollup's sum. INDEXED BY, because SQLite's planner
 * otherwise prefers usage_at for the range, which over all time reads every row (the all-time
 * dashboard went from 18 ms to over 200 ms on 1M rows); test/usage/rollupReads.test.ts holds it.
 */
export function otherCurrencyCosts(db: DatabaseSync, filter: UsageFilter): OtherCost[] {
  const where = rawWhere(filter);
  const rows = db
    .prepare(
      `SELECT coalesce(provider_id, '') AS provider_key, provider_name, model, confidential, cost_currency,
         sum(cost) AS cost FROM usage INDEXED BY usage_cost_currency
       WHERE cost_currency IS NOT NULL AND cost_currency <> '${BASE_CURRENCY}' AND ${where.sql}
       GROUP BY provider_key, provider_name, model, confidential, cost_currency`,
    )
    .all(...where.params) as {
    provider_key: string;
    provider_name: string;
    model: string;
    confidential: number;
    cost_currency: string;
    cost: number;
  }[];
  return rows.map((r) => ({
    providerKey: r.provider_key,
    providerName: r.provider_name,
    model: r.model,
    confidential: r.confidential === 1,
    currency: r.cost_currency,
    cost: r.cost,
  }));
}

/**
 * A sum split by currency: the base currency gets what the others leave of `total`. Every figure
 * is rounded under money.ts's rule (whole nano-units), which removes the float residue of the
 * subtraction exactly. Zero amounts are left out, except a lone base-currency zero.
 */
export function splitByCurrency(total: number, others: readonly CurrencyCost[]): CurrencyCost[] {
  const byCurrency = new Map<string, number>();
  for (const o of others) byCurrency.set(o.currency, (byCurrency.get(o.currency) ?? 0) + o.cost);
  const otherSum = [...byCurrency.values()].reduce((a, b) => a + b, 0);
  const base = roundMoney(total - otherSum);
  const out: CurrencyCost[] = [];
  if (base !== 0 || byCurrency.size === 0) out.push({ currency: BASE_CURRENCY, cost: base });
  for (const [currency, cost] of [...byCurrency].sort(([a], [b]) => a.localeCompare(b)))
    if (roundMoney(cost) !== 0) out.push({ currency, cost: roundMoney(cost) });
  return out;
}
