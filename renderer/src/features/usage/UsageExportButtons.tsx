import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { ExportButtons } from './ExportButtons';

/** CSV and JSON of the rows the filters select (main formats them; the renderer only saves). */
export function UsageExportButtons() {
  const currentUsageFilter = useStore((s) => s.currentUsageFilter);
  return (
    <ExportButtons
      label="Export filtered rows"
      exportAs={(format) => api.usage.export({ ...currentUsageFilter(), format })}
    />
  );
}
