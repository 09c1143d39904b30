import { useState } from 'react';
import type { PriceErrors, PriceText } from '../../store/usage/prices';
import { parsePrice } from '../../store/usage/prices';
import { Select } from '../../ui';

/** The select's id for "Any provider" (the price's providerId is then empty); ids are UUIDs. */
const ANY_PROVIDER = 'any';

interface Props {
  initial: PriceText;
  providers: { id: string; name: string }[];
  modelsListId: string;
  isNew: boolean;
  onSave: (text: PriceText) => Promise<string | null>;
  onDelete?: () => void;
  onCancel?: () => void;
}

/** One editable price row. Its text survives a failed save; Save is offered only when it changed. */
export function PriceRowEditor({
  initial,
  providers,
  modelsListId,
  isNew,
  onSave,
  onDelete,
  onCancel,
}: Props) {
  const [text, setText] = useState(initial);
  const [errors, setErrors] = useState<PriceErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(text) !== JSON.stringify(initial);
  const set = (patch: Partial<PriceText>) => setText((t) => ({ ...t, ...patch }));
  const label = text.model || 'new price';

  const save = async () => {
    const parsed = parsePrice(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const problem = await onSave(text);
    setBusy(false);
    setServerError(problem);
  };

  return (
    <tr
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (changed || isNew)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <td>
        <Select
          label={`Provider for ${label}`}
          hideLabel
          className="usage-price-provider"
          options={[
            { id: ANY_PROVIDER, label: 'Any provider' },
            ...providers.map((p) => ({ id: p.id, label: p.name })),
          ]}
          value={text.providerId || ANY_PROVIDER}
          onChange={(id) => set({ providerId: id === ANY_PROVIDER ? '' : id })}
        />
      </td>
      <td>
        <input
          className="input mono"
          aria-label={isNew ? 'Model of the new price' : `Model of price for ${initial.model}`}
          list={modelsListId}
          value={text.model}
          placeholder="phala/gpt-oss-120b"
          aria-invalid={errors.model ? true : undefined}
          title={errors.model}
          onChange={(e) => set({ model: e.target.value })}
        />
      </td>
      <td>
        <input
          className="input num"
          aria-label={`Input price per million tokens for ${label}`}
          inputMode="decimal"
          value={text.input}
          placeholder="0.50"
          aria-invalid={errors.input ? true : undefined}
          title={errors.input}
          onChange={(e) => set({ input: e.target.value })}
        />
      </td>
      <td>
        <input
          className="input num"
          aria-label={`Output price per million tokens for ${label}`}
          inputMode="decimal"
          value={text.output}
          placeholder="1.50"
          aria-invalid={errors.output ? true : undefined}
          title={errors.output}
          onChange={(e) => set({ output: e.target.value })}
        />
      </td>
      <td>
        <input
          className="input usage-currency"
          aria-label={`Currency for ${label}`}
          value={text.currency}
          maxLength={3}
          aria-invalid={errors.currency ? true : undefined}
          title={errors.currency}
          onChange={(e) => set({ currency: e.target.value })}
        />
      </td>
      <td>
        <input
          className="input num"
          type="date"
          aria-label={`Valid from for ${label}`}
          value={text.validFrom}
          aria-invalid={errors.validFrom ? true : undefined}
          title={errors.validFrom}
          onChange={(e) => set({ validFrom: e.target.value })}
        />
      </td>
      <td className="usage-price-actions">
        {changed || isNew ? (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>
            {isNew ? 'Add' : 'Save'}
          </button>
        ) : null}
        {isNew ? (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-danger"
            aria-label={`Delete price for ${label}`}
            onClick={onDelete}
          >
            ×
          </button>
        )}
        {Object.keys(errors).length > 0 || serverError ? (
          <span className="field-error usage-price-error" role="alert">
            {serverError ?? Object.values(errors)[0]}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
