import type { InputHTMLAttributes } from 'react';
import { FormField } from './FormField';
import type { FieldErrors } from './validation';

export interface GridField<K extends string> {
  key: K;
  label: string;
  placeholder: string;
  hint?: string;
}

interface Props<K extends string, V extends Record<K, string>> {
  legend: string;
  columns: 2 | 3;
  /** Each input's id is `${idPrefix}-${key}`. */
  idPrefix: string;
  /** Each field's error is `errors[`${errorPrefix}.${key}`]`, as the draft's validation names it. */
  errorPrefix: string;
  fields: readonly GridField<K>[];
  value: V;
  errors: FieldErrors;
  onChange: (value: V) => void;
  /** What every input of the group shares: its class, input mode, spell checking. */
  input: Pick<InputHTMLAttributes<HTMLInputElement>, 'className' | 'inputMode' | 'spellCheck'>;
}

/** A titled group of text fields, one per key of a draft object, edited in place. */
export function FieldGrid<K extends string, V extends Record<K, string>>({
  legend,
  columns,
  idPrefix,
  errorPrefix,
  fields,
  value,
  errors,
  onChange,
  input,
}: Props<K, V>) {
  return (
    <fieldset className="providers-fieldset">
      <legend className="label">{legend}</legend>
      <div className={`providers-grid-${columns}`}>
        {fields.map((f) => (
          <FormField
            key={f.key}
            id={`${idPrefix}-${f.key}`}
            label={f.label}
            error={errors[`${errorPrefix}.${f.key}`]}
            hint={f.hint}
          >
            <input
              {...input}
              id={`${idPrefix}-${f.key}`}
              placeholder={f.placeholder}
              value={value[f.key]}
              onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
            />
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
