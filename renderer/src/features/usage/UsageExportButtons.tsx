import { useState } from 'react';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { errorLine } from '../../platform/describeError';
import { downloadText } from '../../platform/files';

/** CSV and JSON of the rows the filters select (main formats them; the renderer only saves). */
export function UsageExportButtons() {
  const currentUsageFilter = useStore((s) => s.currentUsageFilter);
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const run = async (format: 'csv' | 'json') => {
    setBusy(format);
    const result = await api.usage.export({ ...currentUsageFilter(), format });
    setBusy(null);
    if (!result.ok) {
      toast('error', `Export failed: ${errorLine(result.error)}`);
      return;
    }
    downloadText(
      result.value.filename,
      result.value.text,
      format === 'csv' ? 'text/csv' : 'application/json',
    );
    toast('success', `Saved ${result.value.filename}.`);
  };
  return (
    <div className="usage-export" role="group" aria-label="Export filtered rows">
      <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('json')}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
    </div>
  );
}
