import { describe, expect, it } from 'vitest';
import { blankBudget, budgetToDraft, parseBudget } from '../../../renderer/src/store/budgets/draft';
import { formatAmount } from '../../../renderer/src/store/budgets/format';

describe('the budget form', () => {
  it('names every field that cannot be saved, and keeps what was typed', () => {
    const draft = {
      ...blankBudget(),
      scopeKind: 'tag' as const,
      limit: '0',
      unit: 'dollars',
      thresholds: '50, 120',
    };
    const parsed = parseBudget(draft);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      scopeValue: 'Choose the tag this budget counts.',
      limit: 'A limit above 0.',
      unit: 'credits, or a 3-letter currency such as USD.',
      thresholds: 'Whole percentages from 1 to 100, e.g. 50, 80, 100.',
    });
  });

  it('builds what main takes: a currency in capitals, a tag without its #, thresholds as numbers', () => {
    const parsed = parseBudget({
      ...blankBudget(),
      scopeKind: 'tag',
      scopeValue: '#work',
      limit: '5',
      unit: 'eur',
      thresholds: '80 50',
      action: 'block',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: '',
        scope: { kind: 'tag', tag: 'work' },
        period: 'month',
        limit: 5,
        unit: 'EUR',
        thresholds: [80, 50],
        action: 'block',
      },
    });
  });

  it('edits a saved budget back into the same form', () => {
    const budget = {
      id: 'b1',
      name: 'Evals',
      scope: { kind: 'provider' as const, providerId: 'p1' },
      period: 'week' as const,
      limit: 2.5,
      unit: 'credits',
      thresholds: [50, 100],
      action: 'warn' as const,
      createdAt: 0,
    };
    const again = parseBudget(budgetToDraft(budget));
    expect(again).toEqual({
      ok: true,
      value: {
        id: 'b1',
        name: 'Evals',
        scope: budget.scope,
        period: 'week',
        limit: 2.5,
        unit: 'credits',
        thresholds: [50, 100],
        action: 'warn',
      },
    });
  });

  it('shows small amounts with four decimals in their own currency, never converted', () => {
    expect(formatAmount(0.0123, 'USD')).toContain('0.0123');
    expect(formatAmount(3, 'EUR')).toContain('3.00');
    expect(formatAmount(12.5, 'credits')).toBe('12.5 credits');
  });
});
