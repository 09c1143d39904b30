import type { VarRow } from './serverForm';

interface Props {
  label: string;
  rows: VarRow[];
  onChange(rows: VarRow[]): void;
}

/** Name, value and a secret switch per row; a secret's value goes to the keychain and is never shown again. */
export function VarRows({ label, rows, onChange }: Props) {
  const patch = (i: number, p: Partial<VarRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="mcp-vars">
      <legend className="label">{label}</legend>
      {rows.map((row, i) => (
        <div className="mcp-var-row" key={i}>
          <input
            className="input mono"
            aria-label={`${label} name ${i + 1}`}
            placeholder="NAME"
            value={row.name}
            onChange={(e) => patch(i, { name: e.target.value })}
          />
          <input
            className="input mono"
            aria-label={`${label} value ${i + 1}`}
            type={row.secret ? 'password' : 'text'}
            placeholder={row.secret && row.stored ? 'stored in the keychain (leave empty to keep)' : 'value'}
            value={row.value}
            onChange={(e) => patch(i, { value: e.target.value })}
          />
          <label className="mcp-var-secret">
            <input
              type="checkbox"
              checked={row.secret}
              onChange={(e) => patch(i, { secret: e.target.checked })}
            />{' '}
            secret
          </label>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-label={`Remove ${row.name || `row ${i + 1}`}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => onChange([...rows, { name: '', value: '', secret: false, stored: false }])}
      >
        Add {label === 'Environment' ? 'variable' : 'header'}
      </button>
    </fieldset>
  );
}
