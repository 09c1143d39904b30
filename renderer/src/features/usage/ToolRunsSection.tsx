import { useMemo, useState } from 'react';
import type { UsageFilter } from '../../../../main/contract';
import { formatInteger } from '../../parts/usage';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import type { ToolKey } from './ToolRunTotals';
import { runTotalsLine, ToolRunTotals } from './ToolRunTotals';
import { ToolRunsExport } from './ToolRunsExport';
import { ToolRunsTable } from './ToolRunsTable';
import { toolRunFilter } from './toolRuns';
import { useToolRuns } from './useToolRuns';
import './toolRuns.css';

const PAGE = 100;

/**
 * MCP tool runs beside the model's requests: the screen's range and its thread, project and tag
 * filters, totals per server and tool, every run with the thread it ran for. Callers memoise `filter`.
 */
export function ToolRunsSection({ filter }: { filter: UsageFilter | null }) {
  const [only, setOnly] = useState<ToolKey | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const base = useMemo(() => (filter ? toolRunFilter(filter) : null), [filter]);
  const runFilter = useMemo(
    () =>
      base ? { ...base.filter, ...(only ? { serverName: only.serverName, tool: only.tool } : {}) } : null,
    [base, only],
  );
  const { ledger, error } = useToolRuns(runFilter, limit);
  const ignored = base?.ignored ?? [];

  return (
    <section
      className="usage-card usage-tool-runs"
      aria-labelledby="usage-tool-runs-title"
      data-testid="usage-tool-runs"
    >
      <header className="usage-card-header">
        <h2 id="usage-tool-runs-title" className="usage-card-title">
          Tool runs {ledger ? <span className="field-hint num">· {runTotalsLine(ledger.totals)}</span> : null}
        </h2>
        <ToolRunsExport filter={runFilter} />
      </header>
      {ignored.length > 0 ? (
        <p className="field-hint" data-testid="usage-tool-runs-ignored">
          The {ignored.join(', ')} {ignored.length === 1 ? 'filter applies' : 'filters apply'} to model
          requests only; tool runs follow the range, thread, project and tag.
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {ledger === null ? null : ledger.total === 0 && only === null ? (
        <p className="field-hint">
          No MCP tool ran in this range. Each call a server tool answers, fails, times out or is denied is
          recorded here with its duration.
        </p>
      ) : (
        <>
          {only === null ? (
            <ToolRunTotals groups={ledger.byTool} onPick={setOnly} />
          ) : (
            <p className="usage-tool-only">
              <span>
                Only <bdi className="mono">{only.serverName}</bdi> · <bdi className="mono">{only.tool}</bdi>
              </span>
              <Button variant="quiet" size="sm" onPress={() => setOnly(null)}>
                Show every tool
              </Button>
            </p>
          )}
          <h3 className="usage-tool-runs-subtitle">
            Runs <span className="field-hint num">· newest first</span>
          </h3>
          <ToolRunsTable rows={ledger.rows} />
          {ledger.rows.length < ledger.total ? (
            <Button
              variant="quiet"
              isDisabled={limit >= 1000}
              onPress={() => setLimit((l) => Math.min(1000, l + PAGE))}
            >
              {limit >= 1000
                ? 'Showing the newest 1,000; narrow the range to see more'
                : `Show ${formatInteger(Math.min(PAGE, ledger.total - ledger.rows.length))} more`}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
