import { memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildGrid, onlyFailures, runTotals, summarize } from '../../store/experiments/grid';
import type { GridCell } from '../../store/experiments/grid';
import type { Run, RunSummary } from '../../../../main/contract/experiments';
import { useStore } from '../../store';
import { Select } from '../../ui';
import { CellDetail } from './CellDetail';
import { ResultsGrid } from './ResultsGrid';
import { spend, when } from './format';

/** The run shown: its grid (cases × columns), column summaries, ledger totals and a failures filter. */
export function ResultsPanel() {
  const { run, runs, show } = useStore(
    useShallow((s) => ({ run: s.experimentRun, runs: s.experimentRuns, show: s.showExperimentRun })),
  );
  const [failuresOnly, setFailuresOnly] = useState(false);
  const [open, setOpen] = useState<GridCell | null>(null);
  const rows = useMemo(() => (run ? buildGrid(run) : []), [run]);
  const summaries = useMemo(() => (run ? summarize(run) : []), [run]);
  const shown = useMemo(() => (failuresOnly ? onlyFailures(rows) : rows), [rows, failuresOnly]);
  // The experiment has runs and the latest is on its way: not "No run yet", which flashed here
  // each time an experiment with runs was opened.
  if (!run && runs.length > 0)
    return (
      <div className="empty-state exp-empty" role="status">
        <p>Loading the run…</p>
      </div>
    );
  if (!run)
    return (
      <div className="empty-state exp-empty">
        <h2>No run yet</h2>
        <p>
          Set up the prompt, models and cases, then Start run. Finished cells appear here as they come in.
        </p>
      </div>
    );
  return (
    <div className="exp-results">
      <div className="exp-results-bar">
        <RunPicker runs={runs} runId={run.id} show={show} />
        <label className="exp-check-label">
          <input type="checkbox" checked={failuresOnly} onChange={(e) => setFailuresOnly(e.target.checked)} />
          Failures only
        </label>
        <span className="exp-bar-spacer" />
        <RunTotals run={run} />
      </div>
      <ResultsGrid run={run} rows={shown} summaries={summaries} onOpen={setOpen} />
      {failuresOnly && shown.length === 0 ? (
        <p className="field-hint exp-none">No failures in this run.</p>
      ) : null}
      {open ? <CellDetail run={run} cell={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

/**
 * The bar's run picker and ledger totals, memoised on the run(s): the Failures only box re-renders
 * the panel, and these re-formatted every run's date and re-summed every cell on each press.
 */
const RunPicker = memo(function RunPicker({
  runs,
  runId,
  show,
}: {
  runs: RunSummary[];
  runId: string;
  show: (id: string) => Promise<void>;
}) {
  const options = useMemo(
    () =>
      runs.map((r) => ({
        id: r.id,
        label: `v${r.versionNumber} · ${when(r.createdAt)} · ${r.status} ${r.done}/${r.total}`,
      })),
    [runs],
  );
  return (
    <Select
      label="Run shown"
      hideLabel
      className="exp-run-pick"
      options={options}
      value={runId}
      onChange={(id) => void show(id)}
    />
  );
});

const RunTotals = memo(function RunTotals({ run }: { run: Run }) {
  const totals = runTotals(run);
  return (
    <span
      className="exp-totals num"
      data-testid="run-totals"
      title="From the usage ledger: every attempt, retries included"
    >
      Ledger: {totals.requests} requests · {totals.tokens.toLocaleString('en-US')} tokens ·{' '}
      {spend(totals.cost, totals.credits)}
    </span>
  );
});
