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

/** Retention is forever unless the user clears a range; the dialog says exactly what goes first. */
export function ClearRangeDialog({ range, onDone, onCancel }: Props) {
  const [preview, setPreview] = useState<{ rows: number; totalTokens: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.usage.clearPreview({ from: range.from, to: range.to }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error);
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
  return (
    <AlertDialog
      title="Clear usage history?"
      confirmLabel={preview ? `Delete ${formatInteger(preview.rows)} records` : 'Delete'}
      danger
      busy={busy || preview === null || preview.rows === 0}
      onConfirm={() => void clear()}
      onCancel={onCancel}
    >
      {preview === null && !error ? <p>Counting what would go…</p> : null}
      {preview ? (
        preview.rows === 0 ? (
          <p>
            There is nothing recorded from {from} to {formatDateTime(range.to - 1)}.
          </p>
        ) : (
          <p data-testid="usage-clear-preview">
            This deletes <strong className="num">{formatInteger(preview.rows)}</strong> request records (
            <span className="num">{formatInteger(preview.totalTokens)}</span> tokens) from {from} to{' '}
            {formatDateTime(range.to - 1)}, whatever the filters. Threads and messages are not touched. This
            cannot be undone.
          </p>
        )
      ) : null}
      {error ? <p className="field-error">{errorLine(error)}</p> : null}
    </AlertDialog>
  );
}
