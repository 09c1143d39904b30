import { CircleCheck, CircleX } from 'lucide-react';
import type { Run } from '../../../../main/contract/experiments';
import type { GridCell } from '../../store/experiments/grid';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ms, spend } from './format';

/** One cell whole: each repetition's answer, every check with its evidence, and a way into its thread. */
export function CellDetail({ run, cell, onClose }: { run: Run; cell: GridCell; onClose: () => void }) {
  const openCell = useStore((s) => s.openExperimentCell);
  const column = run.columns.find((c) => c.key === cell.column);
  const index = run.config.cases.findIndex((c) => c.id === cell.caseId);
  const testCase = run.config.cases[index];
  return (
    <Dialog
      title={`Case ${index + 1} · ${column?.label ?? ''}`}
      onClose={onClose}
      size="lg"
      closeButton
      isDismissable
    >
      <div className="exp-detail scroll">
        {testCase ? (
          <dl className="exp-detail-vars">
            {Object.entries(testCase.values).map(([name, value]) => (
              <div key={name}>
                <dt className="mono">{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {cell.reps.map((rep) => (
          <section key={rep.id} className="exp-detail-rep" aria-label={`Run ${rep.rep + 1}`}>
            <div className="exp-detail-head">
              {run.config.k > 1 ? <h3 className="section-title">Run {rep.rep + 1}</h3> : null}
              <span className="exp-detail-figures num">
                {rep.requests} request{rep.requests === 1 ? '' : 's'} · {rep.tokens} tokens · TTFT{' '}
                {ms(rep.ttftMs)} · total {ms(rep.latencyMs)} · {spend(rep.cost, rep.credits)}
              </span>
              <span className="exp-bar-spacer" />
              <Button size="sm" isDisabled={!rep.threadId} onPress={() => void openCell(run.id, rep.id)}>
                Open as thread
              </Button>
            </div>
            {rep.errorMessage ? <div className="banner banner-error">{rep.errorMessage}</div> : null}
            <pre className="exp-detail-answer">
              {rep.toolCalls ?? (rep.answer || (rep.status === 'done' ? '(empty answer)' : rep.status))}
            </pre>
            {rep.checks.length ? (
              <ul className="exp-detail-checks">
                {rep.checks.map((check, i) => (
                  <li key={i} className={check.pass ? 'exp-detail-pass' : 'exp-detail-fail'}>
                    {check.pass ? <CircleCheck aria-label="pass" /> : <CircleX aria-label="fail" />}
                    <span className="exp-detail-check-label">{check.label}</span>
                    <span className="exp-detail-evidence">{check.evidence}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </div>
    </Dialog>
  );
}
