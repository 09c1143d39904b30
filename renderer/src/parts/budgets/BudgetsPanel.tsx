import { useEffect, useState } from 'react';
import type { BudgetStatus } from '../../../../main/contract';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { type BudgetDraft, blankBudget, budgetToDraft } from '../../store/budgets/draft';
import { formatAmount, periodWord, rateText, scopeText } from '../../store/budgets/format';
import { Button } from '../../ui';
import { BalanceCheck } from './BalanceCheck';
import { BudgetForm } from './BudgetForm';
import { CatalogueSection } from './CatalogueSection';
import { RatesSection } from './RatesSection';
import './budgets.css';

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** One budget: spent against the limit with its thresholds marked, the forecast, and its actions. */
function BudgetRow({
  status,
  providerName,
  onEdit,
}: {
  status: BudgetStatus;
  providerName: (id: string) => string;
  onEdit: () => void;
}) {
  const deleteBudget = useStore((s) => s.deleteBudget);
  const allowBudgetOnce = useStore((s) => s.allowBudgetOnce);
  const { budget, spent, fraction, forecast } = status;
  const blocked = budget.action === 'block' && fraction >= 1;
  const level = fraction >= 1 ? 'over' : status.threshold !== null ? 'warn' : 'ok';
  const title = budget.name || `${periodWord(budget)} · ${scopeText(budget, providerName)}`;
  return (
    <li className={`budget-row budget-${level}`}>
      <div className="budget-head">
        <span className="budget-name">{title}</span>
        <span className="chip">{periodWord(budget)}</span>
        {budget.name ? <span className="field-hint">{scopeText(budget, providerName)}</span> : null}
        <span className={`chip${budget.action === 'block' ? ' chip-warn' : ''}`}>
          {budget.action === 'block' ? 'blocks at 100 %' : 'warns'}
        </span>
      </div>
      <div
        className="budget-meter"
        role="meter"
        aria-label={`${title}: spent`}
        aria-valuemin={0}
        aria-valuemax={budget.limit}
        aria-valuenow={Math.min(spent, budget.limit)}
        aria-valuetext={`${formatAmount(spent, budget.unit)} of ${formatAmount(budget.limit, budget.unit)}`}
      >
        <span className="budget-fill" style={{ width: `${Math.min(100, fraction * 100)}%` }} />
        {budget.thresholds
          .filter((t) => t < 100)
          .map((t) => (
            <span key={t} className="budget-tick" style={{ left: `${t}%` }} aria-hidden="true" />
          ))}
      </div>
      <p className="budget-figures">
        <span className="num">
          {formatAmount(spent, budget.unit)} of {formatAmount(budget.limit, budget.unit)}
        </span>{' '}
        <span className="field-hint">
          ({Math.round(fraction * 100)} %) · resets {when(status.end)}
        </span>
      </p>
      <p className="field-hint budget-forecast">
        {forecast.reached
          ? blocked
            ? `Reached: sending on ${scopeText(budget, providerName)} is blocked until it resets.`
            : 'Reached this period.'
          : forecast.ratePerHour === 0
            ? 'Nothing spent recently: no forecast yet.'
            : `At the recent rate (${formatAmount(forecast.ratePerHour, budget.unit)}/h) about ${formatAmount(forecast.projected, budget.unit)} by the end of the period${forecast.reachesAt !== null ? `; the limit is reached ${when(forecast.reachesAt)}` : ', within the limit'}.`}
        {status.overrides > 0
          ? ` Sent anyway ${status.overrides} time${status.overrides === 1 ? '' : 's'} this period.`
          : ''}
      </p>
      {status.converted.map((c) => (
        <p key={c.currency} className="field-hint budget-converted" data-testid="budget-converted">
          Includes {formatAmount(c.amount, c.currency)} counted as {formatAmount(c.counted, budget.unit)}{' '}
          <span className="chip">converted</span> at {rateText(c.rate)}.
        </p>
      ))}
      {status.notCounted.map((c) => (
        <p key={c.currency} className="field-hint budget-not-counted" data-testid="budget-not-counted">
          {formatAmount(c.amount, c.currency)} spent in {c.currency} is not counted: this budget is in{' '}
          {budget.unit} and you set no {c.currency}→{budget.unit} rate. Add one under Exchange rates below.
        </p>
      ))}
      <div className="budget-actions">
        {blocked ? (
          <Button size="sm" onPress={() => void allowBudgetOnce(budget.id)}>
            Send anyway once
          </Button>
        ) : null}
        <Button size="sm" variant="quiet" onPress={onEdit}>
          Edit
        </Button>
        <Button
          size="sm"
          variant="quiet"
          onPress={() => void deleteBudget(budget.id)}
          aria-label={`Delete budget ${title}`}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}

/** Budgets on the usage screen: what each allows, what it has spent, and where it is heading. */
export function BudgetsPanel() {
  const budgets = useStore((s) => s.budgets);
  const error = useStore((s) => s.budgetsError);
  const providers = useStore((s) => s.providers);
  const ensureBudgetsSync = useStore((s) => s.ensureBudgetsSync);
  const loadCostDetails = useStore((s) => s.loadCostDetails);
  const [editing, setEditing] = useState<BudgetDraft | null>(null);

  useEffect(() => ensureBudgetsSync(), [ensureBudgetsSync]);
  useEffect(() => void loadCostDetails(), [loadCostDetails]);
  const providerName = (id: string) => providers.find((p) => p.id === id)?.name ?? id;

  return (
    <section className="usage-card budgets-panel" aria-labelledby="budgets-title">
      <div className="usage-card-header">
        <h2 id="budgets-title" className="usage-card-title">
          Budgets
        </h2>
        {editing === null ? (
          <Button size="sm" onPress={() => setEditing(blankBudget())}>
            New budget
          </Button>
        ) : null}
      </div>
      {error ? <p className="field-error">{failureLine(error)}</p> : null}
      {editing !== null ? (
        <BudgetForm
          key={editing.id ?? 'new'}
          initial={editing}
          providers={providers}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {budgets.length === 0 && editing === null ? (
        <p className="field-hint">
          No budgets yet. Set one per day, week or month, for everything or one provider, model, project or
          tag: you hear at 50, 80 and 100 %, and it can stop sending at its limit.
        </p>
      ) : (
        <ul className="budget-list">
          {budgets.map((status) => (
            <BudgetRow
              key={status.budget.id}
              status={status}
              providerName={providerName}
              onEdit={() => setEditing(budgetToDraft(status.budget))}
            />
          ))}
        </ul>
      )}
      <BalanceCheck />
      <RatesSection />
      <CatalogueSection />
    </section>
  );
}
