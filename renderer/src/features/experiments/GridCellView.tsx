import { CircleAlert, CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import { memo } from 'react';
import type { GridCell } from '../../store/experiments/grid';
import { ms, spend } from './format';

/**
 * What one case in one column shows, inside its grid cell (ui/CellGrid draws the cell: focus,
 * Enter and clicks are its). Memoised on its `GridCell`, which the grid builds once per loaded
 * run: a filter, a scroll or a focus move re-renders the cells drawn, never their content.
 */
export const GridCellView = memo(function GridCellView({
  cell,
  caseNumber,
  columnLabel,
  k,
}: {
  cell: GridCell;
  caseNumber: number;
  /** The column's model (and variant), said first in the cell's name. */
  columnLabel: string;
  k: number;
}) {
  return (
    <div className="exp-cell-button">
      {/* Its name is what it shows, after where it is and its verdict (which the icon shows). */}
      {/* One string per text (not one text node per JSX expression): fewer nodes to create per cell drawn. */}
      <span className="visually-hidden">{`Case ${caseNumber}, ${columnLabel}: ${verdictWord(cell)}. `}</span>
      <span className="exp-cell-head">
        <VerdictIcon cell={cell} />
        {k > 1 ? <span className="num exp-cell-reps">{`${cell.passed}/${cell.finished}`}</span> : null}
        <span className="exp-cell-metrics num">
          {`${cell.tokens} tok · ${ms(cell.ttftMs)} · ${spend(cell.cost, cell.credits)}`}
        </span>
      </span>
      <span className="exp-cell-answer">{answerOf(cell)}</span>
      {k > 1 && cell.finished > 1 ? (
        <span className="exp-cell-spread num">
          {(cell.latency ? `${ms(cell.latency.min)}–${ms(cell.latency.max)}` : '') +
            (cell.distinctAnswers > 1 ? ` · ${cell.distinctAnswers} different answers` : ' · same answer')}
        </span>
      ) : null}
    </div>
  );
});

export function verdictOf(cell: GridCell): 'pass' | 'fail' | 'error' | 'running' | 'pending' {
  if (cell.failedToRun) return 'error';
  if (cell.pass === true) return 'pass';
  if (cell.pass === false) return 'fail';
  return cell.running ? 'running' : 'pending';
}

function verdictWord(cell: GridCell): string {
  return { pass: 'passed', fail: 'failed', error: 'did not run', running: 'running', pending: 'waiting' }[
    verdictOf(cell)
  ];
}

function VerdictIcon({ cell }: { cell: GridCell }) {
  const verdict = verdictOf(cell);
  if (verdict === 'pass') return <CircleCheck className="exp-icon-pass" aria-hidden="true" />;
  if (verdict === 'fail') return <CircleX className="exp-icon-fail" aria-hidden="true" />;
  if (verdict === 'error') return <CircleAlert className="exp-icon-fail" aria-hidden="true" />;
  return (
    <LoaderCircle
      className={verdict === 'running' ? 'exp-icon-running' : 'exp-icon-pending'}
      aria-hidden="true"
    />
  );
}

function answerOf(cell: GridCell): string {
  const rep = cell.reps.find((c) => c.status === 'done' || c.status === 'error');
  if (!rep) return cell.running ? 'Running…' : 'Waiting';
  if (rep.status === 'error') return rep.errorMessage ?? 'Failed';
  // A preview, not the answer: markdown's bold and code marks are noise at this size.
  const text = (rep.toolCalls ?? rep.answer).slice(0, 200).replace(/\*\*|`/g, '');
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
