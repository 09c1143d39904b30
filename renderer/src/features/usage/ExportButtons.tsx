import { useState } from 'react';
import type { Result } from '../../../../main/contract';
import { errorLine } from '../../platform/describeError';
import { downloadText } from '../../platform/files';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';

export type ExportFormat = 'csv' | 'json';

interface Props {
  /** The group's name ("Export filtered rows"): each screen section has its own pair. */
  label: string;
  disabled?: boolean;
  /** Main formats the file; the window only saves what comes back. */
  exportAs: (format: ExportFormat) => Promise<Result<{ filename: string; text: string }>>;
}

/** Export CSV / Export JSON: one at a time, the file saved and named in a toast, or why it failed. */
export function ExportButtons({ label, disabled = false, exportAs }: Props) {
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    const result = await exportAs(format);
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
    <div className="usage-export" role="group" aria-label={label}>
      {(['csv', 'json'] as const).map((format) => (
        <Button key={format} isDisabled={busy !== null || disabled} onPress={() => void run(format)}>
          {busy === format ? 'Exporting…' : `Export ${format.toUpperCase()}`}
        </Button>
      ))}
    </div>
  );
}
