import { memo, useMemo, useState } from 'react';
import type { Run } from '../../../../main/contract/experiments';
import type { ColumnSummary, GridCell, GridRow } from '../../store/experiments/grid';
import { ms, percent, spend } from './format';
import { GridCellView } from './GridCellView';
import { useGridFocus } from './gridKeys';
import { CASE_WIDTH, COLUMN_WIDTH, ROW_HEIGHT, gridWindow, useViewport } from './gridWindow';

interface Props {
  run: Run;
  rows: GridRow[];
  summaries: ColumnSummary[];
  onOpen: (cell: GridCell) => void;
}

/**
 * Rows are cases, columns model × variant; the header carries each column's summary. A big grid
 * draws only the rows and columns near the view (spacers stand for the others, so the scroll box
 * keeps its size): a 100 × 10 grid paints a few dozen cells, and a filter redraws those few.
 */
export function ResultsGrid({ run, rows, summaries, onOpen }: Props) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const view = useViewport(element);
  // Rows are numbered by case in the whole run, filtered or not, so a row keeps its props (and
  // is not drawn again) when a filter moves it.
  const cases = run.config.cases.length;
  const labels = useMemo(() => summaries.map((s) => s.column.label), [summaries]);
  const drawn = gridWindow(rows.length, summaries.length, view);
  const [first, last] = drawn.rows;
  const [left, right] = drawn.columns;
  const before = left * COLUMN_WIDTH;
  const after = (summaries.length - right) * COLUMN_WIDTH;
  const drawnColumns = right - left + 1 + (before ? 1 : 0) + (after ? 1 : 0);
  const caseIndices = useMemo(() => rows.map((r) => r.index), [rows]);
  const focus = useGridFocus(element, caseIndices, summaries.length);
  const drawnRows = rows.slice(first, last);
  // One tab stop: the cell last focused while it is drawn, else the first cell in view.
  const { active } = focus;
  const activeDrawn =
    active.col >= left && active.col < right && drawnRows.some((r) => r.index === active.caseIndex);
  const stop = activeDrawn ? active : { caseIndex: drawnRows[0]?.index ?? -1, col: left };
  return (
    <div className="exp-grid-wrap scroll" data-testid="experiment-grid" ref={setElement}>
      <table
        className="exp-grid"
        style={{ width: CASE_WIDTH + summaries.length * COLUMN_WIDTH }}
        role="grid"
        aria-label="Results: a row per case, a column per model and variant"
        onKeyDown={focus.onKeyDown}
        onFocus={focus.onFocus}
        aria-rowcount={cases + 1}
        aria-colcount={summaries.length + 1}
        data-rows={rows.length}
      >
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="exp-grid-case" aria-colindex={1}>
              Case
            </th>
            {before ? <th aria-hidden="true" className="exp-grid-gap" style={{ width: before }} /> : null}
            {summaries.slice(left, right).map((s, i) => (
              <ColumnHead key={s.column.key} summary={s} columnIndex={left + i + 2} />
            ))}
            {after ? <th aria-hidden="true" className="exp-grid-gap" style={{ width: after }} /> : null}
          </tr>
        </thead>
        <tbody>
          {first > 0 ? (
            <tr aria-hidden="true" className="exp-grid-spacer" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={drawnColumns} />
            </tr>
          ) : null}
          {drawnRows.map((row) => (
            <GridRowView
              key={row.testCase.id}
              row={row}
              stopCol={row.index === stop.caseIndex ? stop.col : -1}
              k={run.config.k}
              labels={labels}
              left={left}
              right={right}
              before={before}
              after={after}
              onOpen={onOpen}
            />
          ))}
          {last < rows.length ? (
            <tr
              aria-hidden="true"
              className="exp-grid-spacer"
              style={{ height: (rows.length - last) * ROW_HEIGHT }}
            >
              <td colSpan={drawnColumns} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

const ColumnHead = memo(function ColumnHead({
  summary: s,
  columnIndex,
}: {
  summary: ColumnSummary;
  columnIndex: number;
}) {
  return (
    <th scope="col" className="exp-grid-col" aria-colindex={columnIndex}>
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
  );
});

const GridRowView = memo(function GridRowView({
  row,
  stopCol,
  k,
  labels,
  left,
  right,
  before,
  after,
  onOpen,
}: {
  /** `row.index` places it in the whole table (the header is row 1), for screen readers. */
  row: GridRow;
  /** The column of the grid's one tab stop when it is in this row, else -1. */
  stopCol: number;
  k: number;
  /** Every column's label, by column. */
  labels: readonly string[];
  /** The columns drawn, [left, right), and the widths of the spacers standing for the others. */
  left: number;
  right: number;
  before: number;
  after: number;
  onOpen: (c: GridCell) => void;
}) {
  const first = Object.entries(row.testCase.values)[0];
  return (
    <tr className={row.failing ? 'exp-row-failing' : undefined} aria-rowindex={row.index + 2}>
      <th scope="row" className="exp-grid-case" aria-colindex={1}>
        <span className="exp-case-no num">{row.index + 1}</span>
        <span className="exp-case-text" title={first?.[1]}>
          {first ? first[1].slice(0, 120) : ''}
        </span>
      </th>
      {before ? <td aria-hidden="true" className="exp-grid-gap" /> : null}
      {row.cells.slice(left, right).map((cell, i) => (
        <GridCellView
          key={cell.column}
          cell={cell}
          caseNumber={row.index + 1}
          columnLabel={labels[left + i] ?? ''}
          columnIndex={left + i + 2}
          tabbable={stopCol === left + i}
          k={k}
          onOpen={onOpen}
        />
      ))}
      {after ? <td aria-hidden="true" className="exp-grid-gap" /> : null}
    </tr>
  );
});
