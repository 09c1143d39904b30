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
