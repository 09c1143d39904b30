import { useId, useState } from 'react';
import type { Provider } from '../../../../main/contract';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { type BudgetDraft, type BudgetDraftErrors, parseBudget } from '../../store/budgets/draft';
import { Button, Select, type SelectOption } from '../../ui';
import './budgets.css';

interface Props {
  initial: BudgetDraft;
  providers: readonly Provider[];
  onDone: () => void;
}

const SCOPES: SelectOption<BudgetDraft['scopeKind']>[] = [
  { id: 'overall', label: 'All spending' },
  { id: 'provider', label: 'A provider' },
  { id: 'model', label: 'A model' },
  { id: 'project', label: 'A project' },
  { id: 'tag', label: 'A tag' },
];

const PERIODS: SelectOption<BudgetDraft['period']>[] = [
  { id: 'day', label: 'day' },
  { id: 'week', label: 'week' },
  { id: 'month', label: 'month' },
];

/** Adds or edits a budget; nothing typed is lost when main refuses it. */
export function BudgetForm({ initial, providers, onDone }: Props) {
  const id = useId();
  const saveBudget = useStore((s) => s.saveBudget);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<BudgetDraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const patch = (p: Partial<BudgetDraft>) => setDraft((d) => ({ ...d, ...p }));

  const submit = async () => {
    const parsed = parseBudget(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const result = await saveBudget(parsed.value);
    if (result.ok) onDone();
    else setFailure(failureLine(result.error));
  };

  const field = (key: keyof BudgetDraftErrors) =>
    errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {};
  const errorText = (key: keyof BudgetDraftErrors) =>
    errors[key] ? (
      <span id={`${id}-${key}-error`} className="field-error">
        {errors[key]}
      </span>
    ) : null;

  return (
    <form
      className="budget-form"
      aria-label={draft.id ? 'Edit budget' : 'New budget'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span className="label">Name (optional)</span>
        <input
          className="input"
          value={draft.name}
          maxLength={80}
          onChange={(e) => patch({ name: e.target.value })}
        />
      </label>
      <Select<BudgetDraft['scopeKind']>
        label="Counts"
        options={SCOPES}
        value={draft.scopeKind}
        onChange={(scopeKind) => patch({ scopeKind, scopeValue: '' })}
      />
      {draft.scopeKind === 'provider' ? (
        <Select
          label="Provider"
          options={providers.map((p) => ({ id: p.id, label: p.name }))}
          value={draft.scopeValue || null}
          onChange={(scopeValue) => patch({ scopeValue })}
          error={errors.scopeValue}
        />
      ) : draft.scopeKind !== 'overall' ? (
        <label className="field">
          <span className="label">
            {draft.scopeKind === 'model' ? 'Model id' : draft.scopeKind === 'tag' ? 'Tag' : 'Project id'}
          </span>
          <input
            className="input mono"
            value={draft.scopeValue}
            onChange={(e) => patch({ scopeValue: e.target.value })}
            placeholder={
              draft.scopeKind === 'model' ? 'phala/llama-3.3-70b' : draft.scopeKind === 'tag' ? 'work' : ''
            }
            {...field('scopeValue')}
          />
          {errorText('scopeValue')}
        </label>
      ) : null}
      <Select<BudgetDraft['period']>
        label="Per"
        options={PERIODS}
        value={draft.period}
        onChange={(period) => patch({ period })}
      />
      <label className="field">
        <span className="label">Limit</span>
        <input
          className="input num"
          inputMode="decimal"
          value={draft.limit}
          onChange={(e) => patch({ limit: e.target.value })}
          {...field('limit')}
        />
        {errorText('limit')}
      </label>
      <label className="field">
        <span className="label">In</span>
        <input
          className="input"
          value={draft.unit}
          list={`${id}-units`}
          onChange={(e) => patch({ unit: e.target.value })}
          {...field('unit')}
        />
        <datalist id={`${id}-units`}>
          <option value="USD" />
          <option value="EUR" />
          <option value="credits" />
        </datalist>
        {errorText('unit')}
      </label>
      <label className="field">
        <span className="label">Tell me at (%)</span>
        <input
          className="input"
          value={draft.thresholds}
          onChange={(e) => patch({ thresholds: e.target.value })}
          {...field('thresholds')}
        />
        {errorText('thresholds')}
      </label>
      <fieldset className="field budget-action">
        <legend className="label">At 100 %</legend>
        <label>
          <input
            type="radio"
            name={`${id}-action`}
            checked={draft.action === 'warn'}
            onChange={() => patch({ action: 'warn' })}
          />{' '}
          warn
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-action`}
            checked={draft.action === 'block'}
            onChange={() => patch({ action: 'block' })}
          />{' '}
          block sending
        </label>
      </fieldset>
      <div className="budget-form-actions">
        {failure ? <span className="field-error">{failure}</span> : null}
        <Button onPress={onDone}>Cancel</Button>
        <Button variant="primary" type="submit">
          {draft.id ? 'Save budget' : 'Add budget'}
        </Button>
      </div>
    </form>
  );
}
