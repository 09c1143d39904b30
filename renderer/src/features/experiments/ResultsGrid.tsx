import { CircleAlert, CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import { memo, useEffect, useRef, useState } from 'react';
import type { Run } from '../../../../main/contract/experiments';
import type { ColumnSummary, GridCell, GridRow } from '../../store/experiments/grid';
import { ms, percent, spend } from './format';

interface Props {
  run: Run;
  rows: GridRow[];
  summaries: ColumnSummary[];
  onOpen: (cell: GridCell) => void;
}

/** Every row has this height (CSS says the same), so the rows in view follow from the scroll offset. */
export const ROW_HEIGHT = 104;
/** Rows drawn above and below the view, so a fast scroll or a tall window shows no gap. */
const OVERSCAN = 6;
/** A grid of up to this many cells is drawn whole (find in page sees every answer); a bigger one by window. */
const WHOLE_CELLS = 400;

/**
 * Rows are cases, columns model × variant; the header carries each column's summary. Only the
 * rows near the view are in the DOM (spacer rows stand for the others): a 100 × 10 grid paints
 * a few hundred cells, not a thousand, and filtering redraws those few.
 */
export function ResultsGrid({ run, rows, summaries, onOpen }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 900 });
  useEffect(() => {
    const element = wrap.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setView({ top: element.scrollTop, height: element.clientHeight });
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    const resize = new ResizeObserver(onScroll);
    resize.observe(element);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      element.removeEventListener('scroll', onScroll);
    };
  }, []);
  const whole = rows.length * summaries.length <= WHOLE_CELLS;
  const first = whole ? 0 : Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = whole
    ? rows.length
    : Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const columns = summaries.length + 1;
  return (
    <div className="exp-grid-wrap scroll" data-testid="experiment-grid" ref={wrap}>
      <table className="exp-grid" aria-rowcount={rows.length + 1} data-rows={rows.length}>
        <thead>
          <tr>
            <th scope="col" className="exp-grid-case">
              Case
            </th>
            {summaries.map((s) => (
              <th key={s.column.key} scope="col" className="exp-grid-col">
                <div className="exp-col-name mono" title={s.column.label}>
                  {s.column.label}
                </div>
                <div className="exp-col-rate">
                  <span className="exp-rate-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round((s.passRate ?? 0) * 100)}%` }} />
                  </span>
                  <span className="num" data-testid="pass-rate">
                    {percent(s.passRate)}
                  </span>
                  <span className="exp-col-count num">
                    {s.passed}/{s.finished}
                  </span>
                </div>
                <div className="exp-col-figures num">
                  mean {ms(s.meanLatencyMs)} · p95 {ms(s.p95LatencyMs)} · {spend(s.cost, s.credits)}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? (
            <tr aria-hidden="true" className="exp-grid-spacer" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={columns} />
            </tr>
          ) : null}
          {rows.slice(first, last).map((row, i) => (
            <GridRowView
              key={row.testCase.id}
              row={row}
              position={first + i + 2}
              k={run.config.k}
              onOpen={onOpen}
            />
          ))}
          {last < rows.length ? (
            <tr
              aria-hidden="true"
              className="exp-grid-spacer"
              style={{ height: (rows.length - last) * ROW_HEIGHT }}
            >
              <td colSpan={columns} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

const GridRowView = memo(function GridRowView({
  row,
  position,
  k,
  onOpen,
}: {
  row: GridRow;
  /** Its row number in the whole table (the header is 1), for screen readers. */
  position: number;
  k: number;
  onOpen: (c: GridCell) => void;
}) {
  const first = Object.entries(row.testCase.values)[0];
  return (
    <tr className={row.failing ? 'exp-row-failing' : undefined} aria-rowindex={position}>
      <th scope="row" className="exp-grid-case">
        <span className="exp-case-no num">{row.index + 1}</span>
        <span className="exp-case-text" title={first?.[1]}>
          {first ? first[1].slice(0, 120) : ''}
        </span>
      </th>
      {row.cells.map((cell) => (
        <td key={cell.column} className={`exp-cell exp-cell-${verdictOf(cell)}`}>
          <button
            type="button"
            className="exp-cell-button"
            onClick={() => onOpen(cell)}
            aria-label={`Case ${row.index + 1}, ${cell.column.split('|')[1] ?? ''}: ${verdictWord(cell)}`}
          >
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
      ))}
    </tr>
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
