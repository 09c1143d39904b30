/**
 * The one rounding rule for amounts of money (and credits) in the app:
 *
 * 1. Each request's cost is rounded to the nearest whole nano-unit (1e-9 of its currency's unit,
 *    or of a credit) when the ledger records it. Nobody charges less than a billionth of a dollar,
 *    so this loses nothing real, and every stored cost is a whole number of nano-units.
 * 2. Every sum that leaves main (usage totals per currency, a breakdown line, a day, a budget's
 *    spend, a thread's or a branch's cost, a balance reconciliation) is rounded to the nearest
 *    nano-unit once, where it is produced.
 *
 * Because every addend is a whole number of nano-units, the floating-point residue of a sum is far
 * below half a nano-unit (up to about 10^6 units), so rounding removes exactly that residue: a sum
 * is the same whatever order its rows were added in (the rollup's, a plain recomputation's, one
 * currency subtracted from a total). That is what lets the usage property tests draw arbitrary
 * positive costs, subnormal ones included.
 */
export const NANOS_PER_UNIT = 1e9;

/** An amount rounded to the nearest nano-unit (never -0). */
export function roundMoney(amount: number): number {
  const nanos = Math.round(amount * NANOS_PER_UNIT);
  return nanos === 0 ? 0 : nanos / NANOS_PER_UNIT;
}

/** A sum of amounts under the rule: each amount in whole nano-units, the total rounded once. */
export function sumMoney(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += roundMoney(amount);
  return roundMoney(total);
}

/**
 * SQL for rule 1 where a cost is computed in the database (repricing): the same multiply, round
 * and divide as `roundMoney`, so both give the same double for a non-negative amount.
 */
export const roundMoneySql = (expression: string): string =>
  `(round((${expression}) * 1000000000.0) / 1000000000.0)`;
