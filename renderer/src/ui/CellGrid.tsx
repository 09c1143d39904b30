import { useLayoutEffect, useMemo, useRef } from 'react';
import type { CSSProperties, KeyboardEvent, ReactNode, RefObject } from 'react';
import {
  mergeProps,
  useTable,
  useTableCell,
  useTableColumnHeader,
  useTableHeaderRow,
  useTableRow,
  useTableRowGroup,
} from 'react-aria';
import { useTableState } from 'react-stately';
import type { TableState } from 'react-stately';
import { cellGridCollection } from './CellGridCollection';
import { CellGridKeys } from './cellGridKeys';

type Node = TableState<object>['collection']['body'];

/**
 * The grid brings cells into view itself (`scrollToCell`, which knows the sticky header and case
 * column). Given no scroll box, React Aria leaves scrolling alone: its own scroll, a frame after a
 * cell is focused, took the cell it had then, so a key pressed within that frame (Home right after
 * Ctrl+End) was undone, the box scrolled back to the old cell and the new one never drawn.
 */
const SCROLLS_ITSELF: RefObject<HTMLElement | null> = { current: null };

export interface CellGridProps {
  'aria-label': string;
  /** The rows shown, in order, by a stable key (a filter drops keys; a row keeps its key). */
  rowKeys: readonly string[];
  /** Each data column's name, after the row header column (its text for assistive technology). */
  columns: readonly string[];
  /** The row header column's name ("Case"). */
  rowHeaderName: string;
  /**
   * What is drawn: rows [first, last) of `rowKeys` and data columns [left, right); spacers of
   * `rowHeight` × rows and `columnWidth` × columns stand for the others, so the scroll box keeps
   * its size. Draw everything for a small grid.
   */
  drawn: { rows: readonly [number, number]; columns: readonly [number, number] };
  rowHeight: number;
  columnWidth: number;
  renderColumnHeader(col: number): ReactNode;
  renderRowHeader(rowKey: string): ReactNode;
  renderCell(rowKey: string, col: number): ReactNode;
  rowClassName?(rowKey: string): string | undefined;
  cellClassName?(rowKey: string, col: number): string;
  /** Enter on a focused cell, or a click. */
  onCellAction(rowKey: string, col: number): void;
  /** Rows a Page key moves (what fits in the view); keep it stable (useCallback). */
  pageRows(): number;
  /** Brings a cell into view as focus moves to it (the grid draws it then focuses it). */
  scrollToCell(row: number, col: number): void;
  className?: string;
  /** Class names of the row header cells and of the spacers. */
  rowHeaderClassName?: string;
  gapClassName?: string;
  style?: CSSProperties;
  'data-rows'?: number;
}

/**
 * A grid of cells, each one action (the experiments' results): React Aria's table hooks (useTable,
 * useTableRow, useTableCell) give it role=grid with one tab stop, the focus ring on the cell, Enter
 * and clicks as the cell's action, Tab out at once and focus kept on the cell a dialog returns to;
 * `CellGridKeys` says where the arrows, Home/End (Ctrl: the corners) and Page keys go.
 *
 * It may draw only a window of a large grid: the collection holds every cell, so the keys reach
 * cells not drawn; moving to one calls `scrollToCell`, and React Aria focuses the cell once the
 * caller draws it (as its Virtualizer would). While focus is elsewhere, the tab stop follows the
 * window: a focused cell scrolled out of the drawing hands it to the first cell drawn.
 */
export function CellGrid(props: CellGridProps) {
  const { rowKeys, columns, rowHeaderName, drawn, pageRows, scrollToCell } = props;
  // One collection per change of rows or columns, built from plain nodes (see cellGridCollection).
  const collection = useMemo(
    () => cellGridCollection(rowKeys, columns, rowHeaderName),
    [rowKeys, columns, rowHeaderName],
  );
  const state = useTableState<object>({ collection, selectionMode: 'none' });
  const ref = useRef<HTMLTableElement>(null);
  const bodyRows = useMemo(() => [...state.collection], [state.collection]);
  const keys = useMemo(
    () => new CellGridKeys(rowKeys, columns.length, pageRows),
    [rowKeys, columns.length, pageRows],
  );
  const { gridProps } = useTable(
    {
      'aria-label': props['aria-label'],
      keyboardDelegate: keys,
      isVirtualized: true,
      disallowTypeAhead: true,
      scrollRef: SCROLLS_ITSELF,
      onCellAction: (key) => {
        const at = keys.posOf(key);
        const row = at ? rowKeys[at.row] : undefined;
        if (at && row !== undefined && at.col >= 0) props.onCellAction(row, at.col);
      },
    },
    state,
    ref,
  );

  const manager = state.selectionManager;
  const focusedKey = manager.focusedKey;
  const [first, last] = drawn.rows;
  const [left, right] = drawn.columns;
  const latest = useRef({ manager, focusedKey, keys, first, last, left, right });
  useLayoutEffect(() => {
    latest.current = { manager, focusedKey, keys, first, last, left, right };
  });
  useLayoutEffect(() => {
    const settle = () => {
      const now = latest.current;
      const at = now.focusedKey == null ? null : now.keys.posOf(now.focusedKey);
      const isDrawn =
        at && at.row >= now.first && at.row < now.last && at.col >= now.left && at.col < now.right;
      if (isDrawn || ref.current?.contains(document.activeElement)) return;
      // Focus is not in the grid (or its cell was scrolled out of the drawing): the first cell
      // drawn becomes the tab stop.
      const stop = now.keys.keyAt({ row: now.first, col: now.left });
      if (now.manager.isFocused) now.manager.setFocused(false);
      if (stop !== now.focusedKey) now.manager.setFocusedKey(stop);
    };
    // A key moving to a cell not drawn yet scrolls the grid, and the cell it leaves may go before
    // the one it reaches is drawn: focus falls to the page in between. Decided a frame later, once
    // the drawing has caught up; deciding at once left the grid believing itself unfocused, so the
    // next key moved nothing.
    if (manager.isFocused && document.activeElement === document.body) {
      const frame = requestAnimationFrame(settle);
      return () => cancelAnimationFrame(frame);
    }
    settle();
  }, [focusedKey, keys, manager, first, last, left, right]);
  useLayoutEffect(() => {
    const at = focusedKey == null || !manager.isFocused ? null : keys.posOf(focusedKey);
    if (at) scrollToCell(at.row, Math.max(0, at.col));
  }, [focusedKey, manager.isFocused, keys, scrollToCell]);

  // A key pressed in a cell moves from that cell. The grid can lose track of its focus while the
  // browser's stays (told focus left as a cell scrolled out of the drawing before the next was
  // drawn): React Aria would then ignore the key.
  const takeBackFocus = (event: KeyboardEvent) => {
    const cell = event.target instanceof Element ? event.target.closest('[data-grid-key]') : null;
    const key = cell && event.currentTarget.contains(cell) ? cell.getAttribute('data-grid-key') : null;
    if (key === null) return;
    if (!manager.isFocused) manager.setFocused(true);
    if (manager.focusedKey !== key) manager.setFocusedKey(key);
  };

  const headerRow = state.collection.headerRows[0];
  const before = left * props.columnWidth;
  const after = (columns.length - right) * props.columnWidth;
  const spanned = right - left + 1 + (before ? 1 : 0) + (after ? 1 : 0);
  const gap = (side: 'before' | 'after', width: number, Tag: 'th' | 'td') =>
    width ? <Tag key={side} aria-hidden="true" className={props.gapClassName} style={{ width }} /> : null;
  const { rowGroupProps } = useTableRowGroup();
  return (
    <table
      {...mergeProps(gridProps, {
        className: props.className,
        style: props.style,
        onKeyDown: keepGridKeys,
        onKeyDownCapture: takeBackFocus,
      })}
      ref={ref}
      data-rows={props['data-rows']}
    >
      <thead {...rowGroupProps}>
        {headerRow ? (
          <HeaderRow node={headerRow} state={state}>
            {cellsOf(headerRow, left, right).map(({ node, col }) =>
              col < 0 ? (
                [
                  <ColumnHeader key={node.key} node={node} state={state} className={props.rowHeaderClassName}>
                    {rowHeaderName}
                  </ColumnHeader>,
                  gap('before', before, 'th'),
                ]
              ) : (
                <ColumnHeader key={node.key} node={node} state={state}>
                  {props.renderColumnHeader(col)}
                </ColumnHeader>
              ),
            )}
            {gap('after', after, 'th')}
          </HeaderRow>
        ) : null}
      </thead>
      <tbody {...rowGroupProps}>
        {first > 0 ? <Spacer height={first * props.rowHeight} span={spanned} /> : null}
        {bodyRows.slice(first, last).map((row, i) => {
          const rowKey = rowKeys[first + i] ?? '';
          return (
            <BodyRow key={rowKey} node={row} state={state} className={props.rowClassName?.(rowKey)}>
              {cellsOf(row, left, right).map(({ node, col }) =>
                col < 0 ? (
                  [
                    <GridCell key={node.key} node={node} state={state} className={props.rowHeaderClassName}>
                      {props.renderRowHeader(rowKey)}
                    </GridCell>,
                    gap('before', before, 'td'),
                  ]
                ) : (
                  <GridCell
                    key={node.key}
                    node={node}
                    state={state}
                    className={props.cellClassName?.(rowKey, col)}
                    dataCell={`${rowKey}:${col}`}
                  >
                    {props.renderCell(rowKey, col)}
                  </GridCell>
                ),
              )}
              {gap('after', after, 'td')}
            </BodyRow>
          );
        })}
        {last < bodyRows.length ? (
          <Spacer height={(bodyRows.length - last) * props.rowHeight} span={spanned} />
        ) : null}
      </tbody>
    </table>
  );
}

/**
 * React Aria (3.53) moves the focus on Home / End / Page keys but leaves some of them their
 * default: the browser then also scrolls the box (Home/End to its top or bottom), the cell just
 * focused leaves the drawing and focus falls to the page. The grid has used these keys.
 */
const GRID_KEYS = new Set([
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
]);
function keepGridKeys(event: KeyboardEvent) {
  if (GRID_KEYS.has(event.key) && !event.altKey) event.preventDefault();
}

/** A row's row header cell (col -1) and its data cells in [left, right). */
function cellsOf(row: Node, left: number, right: number): { node: Node; col: number }[] {
  const cells = [...row.childNodes];
  const head = cells[0];
  return [
    ...(head ? [{ node: head, col: -1 }] : []),
    ...cells.slice(left + 1, right + 1).map((node, i) => ({ node, col: left + i })),
  ];
}

interface PartProps {
  node: Node;
  state: TableState<object>;
  className?: string;
  children: ReactNode;
}

function HeaderRow({ node, state, children }: Omit<PartProps, 'className'>) {
  const ref = useRef<HTMLTableRowElement>(null);
  const { rowProps } = useTableHeaderRow({ node, isVirtualized: true }, state, ref);
  return (
    <tr {...rowProps} ref={ref}>
      {children}
    </tr>
  );
}

function ColumnHeader({ node, state, className, children }: PartProps) {
  const ref = useRef<HTMLTableCellElement>(null);
  const { columnHeaderProps } = useTableColumnHeader({ node, isVirtualized: true }, state, ref);
  return (
    <th {...columnHeaderProps} ref={ref} className={className}>
      {children}
    </th>
  );
}

function BodyRow({ node, state, className, children }: PartProps) {
  const ref = useRef<HTMLTableRowElement>(null);
  const { rowProps } = useTableRow({ node, isVirtualized: true }, state, ref);
  return (
    <tr {...rowProps} ref={ref} className={className}>
      {children}
    </tr>
  );
}

function GridCell({ node, state, className, dataCell, children }: PartProps & { dataCell?: string }) {
  const ref = useRef<HTMLTableCellElement>(null);
  const { gridCellProps } = useTableCell({ node, isVirtualized: true }, state, ref);
  const Tag = gridCellProps.role === 'rowheader' ? 'th' : 'td';
  return (
    <Tag
      {...gridCellProps}
      ref={ref}
      className={className}
      data-cell={dataCell}
      data-grid-key={String(node.key)}
    >
      {children}
    </Tag>
  );
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={span} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}
