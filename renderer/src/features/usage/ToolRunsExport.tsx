import { useState } from 'react';
import type { McpRunFilter } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { errorLine } from '../../platform/describeError';
import { downloadText } from '../../platform/files';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';

/** CSV and JSON of the runs shown: names, times, status and sizes (main leaves out arguments and results). */
export function ToolRunsExport({ filter }: { filter: McpRunFilter | null }) {
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const run = async (format: 'csv' | 'json') => {
    if (filter === null) return;
    setBusy(format);
    const result = await api.mcp.exportRuns({ ...filter, format });
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
    <div className="usage-export" role="group" aria-label="Export tool runs">
      <Button isDisabled={busy !== null || filter === null} onPress={() => void run('csv')}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </Button>
      <Button isDisabled={busy !== null || filter === null} onPress={() => void run('json')}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </Button>
    </div>
  );
}
