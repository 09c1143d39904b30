import type { Budget } from '../../../../main/contract';

/** "$0.0120", "12.5 credits", "€3.00": amounts in the budget's own unit, never converted. */
export function formatAmount(amount: number, unit: string): string {
  if (unit === 'credits') return `${amount.toLocaleString(undefined, { maximumFractionDigits: 2 })} credits`;
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: unit,
      minimumFractionDigits: amount !== 0 && Math.abs(amount) < 1 ? 4 : 2,
      maximumFractionDigits: amount !== 0 && Math.abs(amount) < 1 ? 4 : 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${unit}`;
  }
}

const PER = { day: 'Daily', week: 'Weekly', month: 'Monthly' } as const;

/** What a budget counts, in words: "Daily budget · all spending", "Monthly budget · #work". */
export function scopeText(budget: Pick<Budget, 'scope'>, providerName?: (id: string) => string): string {
  const s = budget.scope;
  switch (s.kind) {
    case 'overall':
      return 'all spending';
    case 'provider':
      return providerName?.(s.providerId) ?? s.providerId;
    case 'model':
      return s.model;
    case 'project':
      return `project ${s.projectId}`;
    case 'tag':
      return `#${s.tag}`;
  }
}

export function describeBudget(budget: Budget): string {
  return budget.name !== '' ? `“${budget.name}”` : `${PER[budget.period]} budget (${scopeText(budget)})`;
}

export function periodWord(budget: Pick<Budget, 'period'>): string {
  return PER[budget.period];
}

/** Costs in several currencies, each apart: "$0.75, €2.00" (never added together). */
export function costsText(costs: readonly { currency: string; cost: number }[]): string {
  return costs.map((c) => formatAmount(c.cost, c.currency)).join(', ');
}

/** "1 EUR = 1.25 USD (your rate of 2026-12-01)": how a converted figure was reached. */
export function rateText(rate: {
  from: string;
  to: string;
  factor: number;
  asOf: string;
  inverted: boolean;
}) {
  const factor = rate.factor.toLocaleString(undefined, { maximumSignificantDigits: 6 });
  return `1 ${rate.from} = ${factor} ${rate.to} (your rate of ${rate.asOf}${rate.inverted ? ', entered the other way round' : ''})`;
}

/** Where a figure priced by the bundled catalogue came from, and how old that is. */
export function catalogueText(
  catalogue: { asOf: string; ageDays: number; stale: boolean; staleAfterDays: number } | null,
): string {
  if (catalogue === null) return 'Some costs come from the bundled price catalogue.';
  const base = `Some costs come from the bundled price catalogue of ${catalogue.asOf} (${catalogue.ageDays} days old)`;
  return catalogue.stale
    ? `${base}: older than ${catalogue.staleAfterDays} days, prices may have changed. Set your own price under Usage → Prices; yours always wins.`
    : `${base}. Your own prices under Usage → Prices always win.`;
}
