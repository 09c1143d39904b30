import { memo, useCallback, useMemo, useState } from 'react';
import type { Run } from '../../../../main/contract/experiments';
import type { ColumnSummary, GridCell, GridRow } from '../../store/experiments/grid';
import { CellGrid } from '../../ui';
import { ms, percent, spend } from './format';
import { GridCellView, verdictOf } from './GridCellView';
import { CASE_WIDTH, COLUMN_WIDTH, ROW_HEIGHT, gridWindow, scrollFor, useViewport } from './gridWindow';

interface Props {
  run: Run;
  rows: GridRow[];
  summaries: ColumnSummary[];
  onOpen: (cell: GridCell) => void;
}

/**
 * Rows are cases, columns model × variant; the header carries each column's summary. A big grid
 * draws only the rows and columns near the view (spacers stand for the others, so the scroll box
 * keeps its size): a 100 × 10 grid paints a few dozen cells, and a filter redraws those few. The
 * keyboard (one tab stop, arrows, Home/End, Page keys, Enter) is ui/CellGrid's, on React Aria.
 */
export function ResultsGrid({ run, rows, summaries, onOpen }: Props) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const view = useViewport(element);
  const labels = useMemo(() => summaries.map((s) => s.column.label), [summaries]);
  // Rows are keyed by case in the whole run, filtered or not, so a row keeps its key when a filter moves it.
  const rowKeys = useMemo(() => rows.map((r) => String(r.index)), [rows]);
  const byKey = useMemo(() => new Map(rows.map((r) => [String(r.index), r])), [rows]);
  const drawn = gridWindow(rows.length, summaries.length, view);
  const pageRows = useCallback(() => {
    const header = element?.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    return Math.floor(((element?.clientHeight ?? 0) - header) / ROW_HEIGHT);
  }, [element]);
  const scrollToCell = useCallback(
    (row: number, col: number) => {
      if (!element) return;
      const box = element;
      const to = scrollFor(
        { row, col },
        { top: box.scrollTop, left: box.scrollLeft, width: box.clientWidth, height: box.clientHeight },
        box.querySelector('thead')?.getBoundingClientRect().height ?? 0,
      );
      if (to.top !== box.scrollTop || to.left !== box.scrollLeft)
        box.scrollTo({ top: to.top, left: to.left, behavior: 'instant' });
    },
    [element],
  );
  const cellOf = (rowKey: string, col: number) => byKey.get(rowKey)?.cells[col];
  return (
    <div className="exp-grid-wrap scroll" data-testid="experiment-grid" data-run={run.id} ref={setElement}>
      <CellGrid
        aria-label="Results: a row per case, a column per model and variant"
        className="exp-grid"
        rowHeaderClassName="exp-grid-case"
        gapClassName="exp-grid-gap"
        style={{ width: CASE_WIDTH + summaries.length * COLUMN_WIDTH }}
        data-rows={rows.length}
        rowKeys={rowKeys}
        columns={labels}
        rowHeaderName="Case"
        drawn={drawn}
        rowHeight={ROW_HEIGHT}
        columnWidth={COLUMN_WIDTH}
        pageRows={pageRows}
        scrollToCell={scrollToCell}
        renderColumnHeader={(col) => {
          const summary = summaries[col];
          return summary ? <ColumnHead summary={summary} /> : null;
        }}
        renderRowHeader={(rowKey) => {
          const row = byKey.get(rowKey);
          return row ? <CaseHead row={row} /> : null;
        }}
        renderCell={(rowKey, col) => {
          const cell = cellOf(rowKey, col);
          const row = byKey.get(rowKey);
          return cell && row ? (
            <GridCellView
              cell={cell}
              caseNumber={row.index + 1}
              columnLabel={labels[col] ?? ''}
              k={run.config.k}
            />
          ) : null;
        }}
        rowClassName={(rowKey) => (byKey.get(rowKey)?.failing ? 'exp-row-failing' : undefined)}
        cellClassName={(rowKey, col) => {
          const cell = cellOf(rowKey, col);
          return `exp-cell exp-cell-${cell ? verdictOf(cell) : 'pending'}`;
        }}
        onCellAction={(rowKey, col) => {
          const cell = cellOf(rowKey, col);
          if (cell) onOpen(cell);
        }}
      />
    </div>
  );
}

const ColumnHead = memo(function ColumnHead({ summary: s }: { summary: ColumnSummary }) {
  return (
    <>
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
    </>
  );
});

const CaseHead = memo(function CaseHead({ row }: { row: GridRow }) {
  const first = Object.entries(row.testCase.values)[0];
  return (
    <>
      <span className="exp-case-no num">{row.index + 1}</span>
      <span className="exp-case-text" title={first?.[1]}>
        {first ? first[1].slice(0, 120) : ''}
      </span>
    </>
  );
});
