import { CircleAlert, CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import { memo } from 'react';
import type { GridCell } from '../../store/experiments/grid';
import { ms, spend } from './format';

/**
 * One case in one column. Memoised on its `GridCell`, which the grid builds once per loaded run:
 * a filter or a scroll re-renders rows, never the cells already drawn.
 */
export const GridCellView = memo(function GridCellView({
  cell,
  caseNumber,
  columnLabel,
  columnIndex,
  tabbable,
  k,
  onOpen,
}: {
  cell: GridCell;
  caseNumber: number;
  /** The column's model (and variant), said first in the button's name. */
  columnLabel: string;
  /** Its column in the whole table (the case column is 1), for screen readers. */
  columnIndex: number;
  /** The grid's one tab stop; arrow keys move between the others (gridKeys.ts). */
  tabbable: boolean;
  k: number;
  onOpen: (c: GridCell) => void;
}) {
  return (
    <td className={`exp-cell exp-cell-${verdictOf(cell)}`} aria-colindex={columnIndex}>
      <button
        type="button"
        className="exp-cell-button"
        tabIndex={tabbable ? 0 : -1}
        data-cell={`${caseNumber - 1}:${columnIndex - 2}`}
        onClick={() => onOpen(cell)}
      >
        {/* Its name is what it shows, after where it is and its verdict (which the icon shows). */}
        <span className="visually-hidden">
          Case {caseNumber}, {columnLabel}: {verdictWord(cell)}.{' '}
        </span>
        <span className="exp-cell-head">
          <VerdictIcon cell={cell} />
          {k > 1 ? (
            <span className="num exp-cell-reps">
              {cell.passed}/{cell.finished}
            </span>
          ) : null}
          <span className="exp-cell-metrics num">
            {cell.tokens} tok · {ms(cell.ttftMs)} · {spend(cell.cost, cell.credits)}
          </span>
        </span>
        <span className="exp-cell-answer">{answerOf(cell)}</span>
        {k > 1 && cell.finished > 1 ? (
          <span className="exp-cell-spread num">
            {cell.latency ? `${ms(cell.latency.min)}–${ms(cell.latency.max)}` : ''}
            {cell.distinctAnswers > 1 ? ` · ${cell.distinctAnswers} different answers` : ' · same answer'}
          </span>
        ) : null}
      </button>
    </td>
  );
});

function verdictOf(cell: GridCell): 'pass' | 'fail' | 'error' | 'running' | 'pending' {
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
