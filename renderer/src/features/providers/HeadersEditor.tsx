import { useState } from 'react';
import type { HeaderRow } from './draft';
import { keepsSavedValue, newHeaderRow } from './draft';
import type { FieldErrors } from './validation';

interface Props {
  rows: HeaderRow[];
  errors: FieldErrors;
  onChange: (rows: HeaderRow[]) => void;
}

/**
 * Extra request headers as name/value rows; the credential never goes here. Values are kept in
 * the OS keychain: a saved one is never shown again, and typing replaces it.
 */
export function HeadersEditor({ rows, errors, onChange }: Props) {
  // A row added by the button takes focus so the user can type its name straight away.
  const [addedKey, setAddedKey] = useState<string | null>(null);
  const update = (key: string, patch: Partial<HeaderRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="providers-fieldset">
      <legend className="label">Custom request headers</legend>
      {rows.length === 0 ? (
        <p className="field-hint">None. Add one if your service needs, say, an organisation header.</p>
      ) : (
        <p className="field-hint">Values are kept in the OS keychain, like keys, and not shown again.</p>
      )}
      {rows.map((row, index) => {
        const error = errors[`headers.${row.key}`];
        return (
          <div key={row.key} className="providers-header-row">
            <input
              className="input mono"
              aria-label={`Header ${index + 1} name`}
              placeholder="X-Header-Name"
              spellCheck={false}
              autoFocus={row.key === addedKey}
              value={row.name}
              aria-invalid={error ? true : undefined}
              onChange={(e) => update(row.key, { name: e.target.value })}
            />
            <input
              className="input mono"
              aria-label={`Header ${index + 1} value`}
              placeholder={keepsSavedValue(row) ? 'saved · type to replace' : 'value'}
              spellCheck={false}
              autoComplete="off"
              value={row.value}
              onChange={(e) => update(row.key, { value: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              aria-label={`Remove header ${row.name || index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              ×
            </button>
            {error ? (
              <span className="field-error providers-header-error" role="alert">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      {errors.headers ? (
        <span className="field-error" role="alert">
          {errors.headers}
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => {
          const row = newHeaderRow();
          setAddedKey(row.key);
          onChange([...rows, row]);
        }}
      >
        + Add header
      </button>
    </fieldset>
  );
}
