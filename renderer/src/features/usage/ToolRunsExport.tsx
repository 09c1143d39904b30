import type { McpRunFilter } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { ExportButtons } from './ExportButtons';

/** CSV and JSON of the runs shown: names, times, status and sizes (main leaves out arguments and results). */
export function ToolRunsExport({ filter }: { filter: McpRunFilter | null }) {
  return (
    <ExportButtons
      label="Export tool runs"
      disabled={filter === null}
      exportAs={(format) => api.mcp.exportRuns({ ...filter!, format })}
    />
  );
}
