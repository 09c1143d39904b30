import { useEffect, useState } from 'react';
import type { McpRunFilter, McpRunLedger } from '../../../../main/contract';
import type { AppError } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import { useStore } from '../../store';

/**
 * The tool runs for a filter, read again when the filter changes and when the ledger changes (a
 * tool round ends with the model's next request, which announces itself). Callers memoise `filter`.
 */
export function useToolRuns(filter: McpRunFilter | null, limit: number) {
  const version = useStore((s) => s.usageVersion);
  const [ledger, setLedger] = useState<McpRunLedger | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (filter === null) return;
    let live = true;
    void api.mcp.runLedger({ ...filter, offset: 0, limit }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setLedger(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [filter, limit, version]);

  return { ledger, error };
}
