import type { BudgetInput, BudgetScope, Budget } from '../../../../main/contract';

/** A budget as typed in its form. */
export interface BudgetDraft {
  id?: string;
  name: string;
  scopeKind: BudgetScope['kind'];
  /** The provider id, model, project id or tag the scope names ('' for overall). */
  scopeValue: string;
  period: Budget['period'];
  limit: string;
  unit: string;
  thresholds: string;
  action: Budget['action'];
}

export type BudgetDraftErrors = Partial<Record<'scopeValue' | 'limit' | 'unit' | 'thresholds', string>>;

export const blankBudget = (): BudgetDraft => ({
  name: '',
  scopeKind: 'overall',
  scopeValue: '',
  period: 'month',
  limit: '',
  unit: 'USD',
  thresholds: '50, 80, 100',
  action: 'warn',
});

export function budgetToDraft(budget: Budget): BudgetDraft {
  const s = budget.scope;
  const scopeValue =
    s.kind === 'provider'
      ? s.providerId
      : s.kind === 'model'
        ? s.model
        : s.kind === 'project'
          ? s.projectId
          : s.kind === 'tag'
            ? s.tag
            : '';
  return {
    id: budget.id,
    name: budget.name,
    scopeKind: s.kind,
    scopeValue,
    period: budget.period,
    limit: String(budget.limit),
    unit: budget.unit,
    thresholds: budget.thresholds.join(', '),
    action: budget.action,
  };
}

function scopeOf(kind: BudgetScope['kind'], value: string): BudgetScope {
  switch (kind) {
    case 'overall':
      return { kind };
    case 'provider':
      return { kind, providerId: value };
    case 'model':
      return { kind, model: value };
    case 'project':
      return { kind, projectId: value };
    case 'tag':
      return { kind, tag: value.replace(/^#/, '') };
  }
}

/** Checks a typed budget and builds what `budgets:save` takes; every problem names its field. */
export function parseBudget(
  draft: BudgetDraft,
): { ok: true; value: BudgetInput } | { ok: false; errors: BudgetDraftErrors } {
  const errors: BudgetDraftErrors = {};
  const value = draft.scopeValue.trim();
  if (draft.scopeKind !== 'overall' && value === '')
    errors.scopeValue = `Choose the ${draft.scopeKind} this budget counts.`;
  const limit = Number(draft.limit);
  if (draft.limit.trim() === '' || !Number.isFinite(limit) || limit <= 0) errors.limit = 'A limit above 0.';
  const unit = draft.unit.trim();
  const normalisedUnit = unit.toLowerCase() === 'credits' ? 'credits' : unit.toUpperCase();
  if (!/^(credits|[A-Z]{3})$/.test(normalisedUnit))
    errors.unit = 'credits, or a 3-letter currency such as USD.';
  const parts = draft.thresholds.split(/[,\s]+/).filter((p) => p !== '');
  const thresholds = parts.map(Number);
  if (parts.length === 0 || thresholds.some((t) => !Number.isInteger(t) || t < 1 || t > 100))
    errors.thresholds = 'Whole percentages from 1 to 100, e.g. 50, 80, 100.';
  else if (thresholds.length > 6) errors.thresholds = 'At most six thresholds.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: BudgetInput = {
    name: draft.name.trim(),
    scope: scopeOf(draft.scopeKind, value),
    period: draft.period,
    limit,
    unit: normalisedUnit,
    thresholds,
    action: draft.action,
  };
  if (draft.id !== undefined) input.id = draft.id;
  return { ok: true, value: input };
}
