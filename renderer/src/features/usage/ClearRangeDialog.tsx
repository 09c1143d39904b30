import { useEffect, useState } from 'react';
import type { AppError } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import { AlertDialog } from '../../ui';
import { errorLine } from '../../platform/describeError';
import { formatDateTime, formatInteger } from '../../parts/usage';
import type { TimeRange } from '../../store/usage/range';

interface Props {
  range: TimeRange;
  onDone: (deleted: number) => void;
  onCancel: () => void;
}

interface Preview {
  rows: number;
  totalTokens: number;
  /** MCP tool runs started in the range (the screen's Tool runs section): cleared with the rows. */
  toolRuns: number;
}

/** Retention is forever unless the user clears a range; the dialog says exactly what goes first. */
export function ClearRangeDialog({ range, onDone, onCancel }: Props) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const span = { from: range.from, to: range.to };
    void Promise.all([
      api.usage.clearPreview(span),
      api.mcp.runLedger({ ...span, offset: 0, limit: 1 }),
    ]).then(([usage, runs]) => {
      if (!live) return;
      if (!usage.ok) setError(usage.error);
      else if (!runs.ok) setError(runs.error);
      else setPreview({ ...usage.value, toolRuns: runs.value.total });
    });
    return () => {
      live = false;
    };
  }, [range.from, range.to]);

  const clear = async () => {
    setBusy(true);
    const result = await api.usage.clear({ from: range.from, to: range.to });
    setBusy(false);
    if (result.ok) onDone(result.value.deleted);
    else setError(result.error);
  };

  const from = range.from > 0 ? formatDateTime(range.from) : 'the first record';
  const nothing = preview !== null && preview.rows === 0 && preview.toolRuns === 0;
  const runs = preview?.toolRuns ?? 0;
  const runsWord = `${formatInteger(runs)} MCP tool run${runs === 1 ? '' : 's'}`;
  const records = (n: number) => `record${n === 1 ? '' : 's'}`;
  return (
    <AlertDialog
      title="Clear usage history?"
      confirmLabel={
        preview
          ? `Delete ${formatInteger(preview.rows)} ${records(preview.rows)}${runs > 0 ? ` and ${runsWord}` : ''}`
          : 'Delete'
      }
      danger
      busy={busy || preview === null || nothing}
      onConfirm={() => void clear()}
      onCancel={onCancel}
    >
      {preview === null && !error ? <p>Counting what would go…</p> : null}
      {preview ? (
        nothing ? (
          <p>
            There is nothing recorded from {from} to {formatDateTime(range.to - 1)}.
          </p>
        ) : (
          <p data-testid="usage-clear-preview">
            This deletes <strong className="num">{formatInteger(preview.rows)}</strong> request{' '}
            {records(preview.rows)} (<span className="num">{formatInteger(preview.totalTokens)}</span> tokens)
            and <strong className="num">{runsWord}</strong> (their timings and stored results) from {from} to{' '}
            {formatDateTime(range.to - 1)}, whatever the filters. Threads and messages are not touched. This
            cannot be undone.
          </p>
        )
      ) : null}
      {error ? <p className="field-error">{errorLine(error)}</p> : null}
    </AlertDialog>
  );
}
