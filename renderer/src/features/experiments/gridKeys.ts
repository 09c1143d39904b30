import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CASE_WIDTH, COLUMN_WIDTH, ROW_HEIGHT } from './gridWindow';

/** A cell by its place in the rows shown (filtered or not) and its column. */
export interface GridPos {
  row: number;
  col: number;
}

/**
 * Where a key moves the focus in a grid of `rows` × `cols` cells, as in a spreadsheet: arrows by
 * one, Home / End to the row's ends (with Ctrl, the grid's), Page Up / Down by a page of rows.
 * Null: the key is not the grid's (it goes on to the cell, e.g. Enter opens it).
 */
export function nextPos(
  key: string,
  at: GridPos,
  size: { rows: number; cols: number; pageRows: number },
  ctrl = false,
): GridPos | null {
  const { rows, cols } = size;
  if (rows === 0 || cols === 0) return null;
  const page = Math.max(1, size.pageRows);
  const clamp = (row: number, col: number): GridPos => ({
    row: Math.min(rows - 1, Math.max(0, row)),
    col: Math.min(cols - 1, Math.max(0, col)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'Home':
      return clamp(ctrl ? 0 : at.row, 0);
    case 'End':
      return clamp(ctrl ? rows - 1 : at.row, cols - 1);
    case 'PageUp':
      return clamp(at.row - page, at.col);
    case 'PageDown':
      return clamp(at.row + page, at.col);
    default:
      return null;
  }
}

/**
 * Scroll offsets that bring a cell whole into a scroll box whose sticky header is `headerHeight`
 * tall and whose sticky case column is CASE_WIDTH wide (its top-left corner at least, in a box too
 * small for it); an offset already showing it is kept.
 */
export function scrollFor(
  pos: GridPos,
  box: { top: number; left: number; width: number; height: number },
  headerHeight: number,
): { top: number; left: number } {
  const cellTop = pos.row * ROW_HEIGHT;
  const cellBottom = cellTop + ROW_HEIGHT + headerHeight;
  // The far edge first, then the near one: in a box too small for a whole cell, its start shows.
  let top = box.top;
  if (cellBottom > top + box.height) top = cellBottom - box.height;
  if (cellTop < top) top = cellTop;
  const cellLeft = pos.col * COLUMN_WIDTH;
  const cellRight = CASE_WIDTH + cellLeft + COLUMN_WIDTH;
  let left = box.left;
  if (cellRight > left + box.width) left = cellRight - box.width;
  if (cellLeft < left) left = cellLeft;
  return { top: Math.max(0, top), left: Math.max(0, left) };
}

/** A drawn cell is marked `data-cell="<case index>:<column>"`: the case index is its row's key in the whole run. */
export interface ActiveCell {
  caseIndex: number;
  col: number;
}

const cellSelector = (cell: ActiveCell) => `[data-cell="${cell.caseIndex}:${cell.col}"]`;

function cellOf(target: EventTarget): ActiveCell | null {
  const element = (target as HTMLElement).closest<HTMLElement>('[data-cell]');
  const [caseIndex, col] = (element?.dataset.cell ?? '').split(':').map(Number);
  if (caseIndex === undefined || col === undefined || Number.isNaN(caseIndex) || Number.isNaN(col))
    return null;
  return { caseIndex, col };
}

/**
 * One tab stop for the whole grid (the cell last focused) and arrow keys between cells, by the
 * rows shown (`caseIndices`: each shown row's case, in order, so a filter skips the rows it hides).
 * The grid draws only the cells in view, so a move first scrolls the box to the cell's place;
 * the cell is focused once it is drawn.
 */
export function useGridFocus(box: HTMLElement | null, caseIndices: readonly number[], cols: number) {
  const [active, setActive] = useState<ActiveCell>({ caseIndex: caseIndices[0] ?? 0, col: 0 });
  const pending = useRef<ActiveCell | null>(null);

  useLayoutEffect(() => {
    if (!pending.current || !box) return;
    const cell = box.querySelector<HTMLElement>(cellSelector(pending.current));
    if (!cell) return;
    pending.current = null;
    cell.focus({ preventScroll: true });
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const from = cellOf(event.target);
      if (!from || !box) return;
      const row = caseIndices.indexOf(from.caseIndex);
      const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const pageRows = Math.floor((box.clientHeight - header) / ROW_HEIGHT);
      const size = { rows: caseIndices.length, cols, pageRows };
      const next = nextPos(event.key, { row, col: from.col }, size, event.ctrlKey || event.metaKey);
      if (!next || row < 0) return;
      event.preventDefault();
      const scroll = scrollFor(
        next,
        { top: box.scrollTop, left: box.scrollLeft, width: box.clientWidth, height: box.clientHeight },
        header,
      );
      box.scrollTo({ top: scroll.top, left: scroll.left, behavior: 'instant' });
      const target = { caseIndex: caseIndices[next.row] ?? 0, col: next.col };
      setActive(target);
      const cell = box.querySelector<HTMLElement>(cellSelector(target));
      // Drawn already (a small grid, or a move within the view): focus it now; else once drawn.
      if (cell) cell.focus({ preventScroll: true });
      else pending.current = target;
    },
    [box, caseIndices, cols],
  );

  /** A cell focused by a click or by Tab becomes the grid's tab stop. */
  const onFocus = useCallback((event: { target: EventTarget }) => {
    const cell = cellOf(event.target);
    if (cell) setActive((a) => (a.caseIndex === cell.caseIndex && a.col === cell.col ? a : cell));
  }, []);

  return { active, onKeyDown, onFocus };
}
