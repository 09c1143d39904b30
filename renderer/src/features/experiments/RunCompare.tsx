import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Run } from '../../../../main/contract/experiments';
import { diffLines, promptLines, verdictChanges } from '../../store/experiments/compare';
import { summarize } from '../../store/experiments/grid';
import { useStore } from '../../store';
import { Select } from '../../ui';
import { percent, when } from './format';

/** Two runs side by side: cells whose verdict changed (regressions first) and what changed in the prompt. */
export function RunCompare() {
  const { runs, fetchRun } = useStore(
    useShallow((s) => ({ runs: s.experimentRuns, fetchRun: s.fetchExperimentRun })),
  );
  const [beforeId, setBeforeId] = useState(runs[1]?.id ?? '');
  const [afterId, setAfterId] = useState(runs[0]?.id ?? '');
  const [pair, setPair] = useState<{ before: Run; after: Run } | null>(null);
  useEffect(() => {
    let live = true;
    if (!beforeId || !afterId) return;
    void Promise.all([fetchRun(beforeId), fetchRun(afterId)]).then(([before, after]) => {
      if (live && before && after) setPair({ before, after });
    });
    return () => {
      live = false;
    };
  }, [beforeId, afterId, fetchRun]);
  const changes = useMemo(() => (pair ? verdictChanges(pair.before, pair.after) : []), [pair]);
  const diff = useMemo(
    () => (pair ? diffLines(promptLines(pair.before.prompt), promptLines(pair.after.prompt)) : []),
    [pair],
  );
  if (runs.length < 2)
    return (
      <div className="empty-state exp-empty">
        <h2>One run so far</h2>
        <p>
          Edit the prompt or the models and run again: this tab then shows what got better and what got worse.
        </p>
      </div>
    );
  const regressions = changes.filter((c) => c.change === 'regression').length;
  const options = runs.map((r) => ({
    id: r.id,
    label: `v${r.versionNumber} · ${when(r.createdAt)} · ${r.status}`,
  }));
  const rates = (run: Run) =>
    summarize(run)
      .map((s) => `${s.column.label} ${percent(s.passRate)}`)
      .join(' · ');
  return (
    <div className="exp-compare scroll">
      <div className="exp-results-bar">
        <Select
          label="Before"
          className="exp-compare-pick"
          options={options}
          value={beforeId || null}
          onChange={setBeforeId}
        />
        <Select
          label="After"
          className="exp-compare-pick"
          options={options}
          value={afterId || null}
          onChange={setAfterId}
        />
      </div>
      {pair ? (
        <>
          <p className="exp-compare-summary" data-testid="compare-summary">
            <strong className={regressions ? 'exp-text-fail' : undefined}>
              {regressions} regression{regressions === 1 ? '' : 's'}
            </strong>{' '}
            · {changes.length - regressions} fixed · {pair.before.cells.length} → {pair.after.cells.length}{' '}
            cells
          </p>
          <p className="field-hint">
            Before: {rates(pair.before)}
            <br />
            After: {rates(pair.after)}
          </p>
          <ol className="exp-changes" aria-label="Changed verdicts">
            {changes.map((c) => (
              <li key={`${c.caseId}|${c.column}`} className={`exp-change exp-change-${c.change}`}>
                <span className="exp-change-kind">{c.change === 'regression' ? 'Regression' : 'Fixed'}</span>
                <span className="exp-change-where">
                  Case {c.caseIndex + 1} <span className="exp-case-text">{c.caseLabel}</span> ·{' '}
                  <span className="mono">{c.columnLabel}</span>
                </span>
                <span className="exp-change-why">
                  {(c.change === 'regression' ? c.after : c.before).reps
                    .flatMap((r) => r.checks.filter((k) => !k.pass).map((k) => `${k.label}: ${k.evidence}`))
                    .slice(0, 2)
                    .join(' · ') || (c.after.failedToRun ? 'did not run' : '')}
                </span>
              </li>
            ))}
          </ol>
          <h2 className="section-title">
            Prompt: v{pair.before.versionNumber} → v{pair.after.versionNumber}
          </h2>
          {pair.before.versionNumber === pair.after.versionNumber ? (
            <p className="field-hint">
              Same prompt version: only models, parameters, cases or checks differ.
            </p>
          ) : (
            <pre className="exp-diff" aria-label="Prompt changes">
              {diff.map((line, i) => (
                <div key={i} className={`exp-diff-${line.kind}`}>
                  {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}
                  {line.text}
                </div>
              ))}
            </pre>
          )}
        </>
      ) : null}
    </div>
  );
}
