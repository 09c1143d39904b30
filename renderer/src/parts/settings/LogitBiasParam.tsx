import { useState } from 'react';
import { LOGIT_BIAS_RANGE } from '../../../../main/contract/chatParams';
import type { LogitBiasRow } from './paramsModel';
import { ParamRow } from './ParamRow';
import './settings.css';

interface Props {
  rows: LogitBiasRow[];
  error?: string | undefined;
  onChange: (rows: LogitBiasRow[]) => void;
}

/** Token id → bias (the lowest bans a token, the highest forces it), one row per token. */
export function LogitBiasParam({ rows, error, onChange }: Props) {
  // A row added by the button takes focus, so its token id can be typed straight away.
  const [added, setAdded] = useState<number | null>(null);
  const set = (i: number, patch: Partial<LogitBiasRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <ParamRow
      stacked
      name="logit_bias"
      hint={`Raise or lower the odds of specific token ids (${LOGIT_BIAS_RANGE.min} to ${LOGIT_BIAS_RANGE.max}).`}
      error={error}
      isSet={rows.length > 0}
      onClear={() => onChange([])}
    >
      <div className="bias">
        {rows.map((row, i) => (
          <div key={i} className="bias-row">
            <input
              className="input num mono"
              aria-label={`Token id ${i + 1}`}
              placeholder="token id"
              inputMode="numeric"
              autoFocus={i === added}
              value={row.token}
              onChange={(e) => set(i, { token: e.target.value })}
            />
            <span aria-hidden="true">→</span>
            <input
              className="input num mono"
              aria-label={`Bias for token ${row.token || i + 1}`}
              placeholder="bias"
              inputMode="decimal"
              value={row.bias}
              onChange={(e) => set(i, { bias: e.target.value })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              aria-label={`Remove token ${row.token || i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-ghost bias-add"
          onClick={() => {
            setAdded(rows.length);
            onChange([...rows, { token: '', bias: '' }]);
          }}
        >
          + Add token
        </button>
      </div>
    </ParamRow>
  );
}
