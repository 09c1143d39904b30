// @vitest-environment jsdom
import { act, useCallback, useEffect, useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CellGrid } from '../../../renderer/src/ui/CellGrid';
import { click, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const COLUMNS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
const ALL_ROWS = Array.from({ length: 30 }, (_, i) => String(i));
/** Rows and columns the grid draws at once, as a windowed grid would. */
const SHOWN_ROWS = 8;
const SHOWN_COLS = 3;

interface At {
  row: number;
  col: number;
}

/** The top-left cell a scroll box shows once scrolled just enough to show (row, col), from `a`. */
function showing(a: At, row: number, col: number): At {
  return {
    row: row < a.row ? row : row >= a.row + SHOWN_ROWS ? row - SHOWN_ROWS + 1 : a.row,
    col: col < a.col ? col : col >= a.col + SHOWN_COLS ? col - SHOWN_COLS + 1 : a.col,
  };
}

const pageRows = () => 5;

/** The grid drawing the window whose top-left cell is `at`. */
function GridAt(props: {
  rows: readonly string[];
  at: At;
  scrollToCell(row: number, col: number): void;
  onAction(row: string, col: number): void;
}) {
  const { rows, at } = props;
  return (
    <CellGrid
      aria-label="Results"
      rowKeys={rows}
      columns={COLUMNS}
      rowHeaderName="Case"
      drawn={{
        rows: [at.row, Math.min(rows.length, at.row + SHOWN_ROWS)],
        columns: [at.col, at.col + SHOWN_COLS],
      }}
      rowHeight={100}
      columnWidth={200}
      pageRows={pageRows}
      scrollToCell={props.scrollToCell}
      renderColumnHeader={(col) => COLUMNS[col]}
      renderRowHeader={(row) => `Case ${Number(row) + 1}`}
      renderCell={(row, col) => `answer ${row}:${col}`}
      onCellAction={props.onAction}
    />
  );
}

/** The grid drawn by window, the window following `scrollToCell` as a scroll box would. */
function Windowed({ rows, onAction }: { rows: readonly string[]; onAction(row: string, col: number): void }) {
  const [at, setAt] = useState<At>({ row: 0, col: 0 });
  const scrollToCell = useCallback((row: number, col: number) => setAt((a) => showing(a, row, col)), []);
  return <GridAt rows={rows} at={at} scrollToCell={scrollToCell} onAction={onAction} />;
}

/** Where a scroll box would show its top-left cell; `scrollBox` moves it, as the browser's scrolling does. */
let scrollBox: ((row: number, col: number) => void) | undefined;

/**
 * The grid in a scroll box as ResultsGrid has it: a scroll moves the box at once, and what is drawn
 * follows on the next frame (the scroll event's measure). `Element.scrollIntoView` scrolls this box.
 */
function InScrollBox() {
  const offset = useRef<At>({ row: 0, col: 0 });
  const frame = useRef(0);
  const [at, setAt] = useState(offset.current);
  const scrollToCell = useCallback((row: number, col: number) => {
    offset.current = showing(offset.current, row, col);
    frame.current ||= requestAnimationFrame(() => {
      frame.current = 0;
      setAt(offset.current);
    });
  }, []);
  useEffect(() => {
    scrollBox = scrollToCell;
    return () => {
      scrollBox = undefined;
    };
  }, [scrollToCell]);
  return <GridAt rows={ALL_ROWS} at={at} scrollToCell={scrollToCell} onAction={() => undefined} />;
}

function mount(rows: readonly string[] = ALL_ROWS) {
  const onAction = vi.fn<(row: string, col: number) => void>();
  view = render(<Windowed rows={rows} onAction={onAction} />);
  return {
    onAction,
    rerender: (next: readonly string[]) => view?.rerender(<Windowed rows={next} onAction={onAction} />),
  };
}

const focused = () => document.activeElement?.getAttribute('data-cell') ?? null;
const stops = () =>
  [...document.querySelectorAll('[data-cell][tabindex="0"]')].map((c) => c.getAttribute('data-cell'));
const cell = (key: string) => document.querySelector<HTMLElement>(`[data-cell="${key}"]`);

/** A key on the focused cell, as a keyboard sends it (keydown, keyup). */
function key(name: string, mods: { ctrlKey?: boolean } = {}): { browserDefault: boolean } {
  const target = document.activeElement;
  if (!target) throw new Error('nothing has focus');
  let browserDefault = true;
  act(() => {
    browserDefault = target.dispatchEvent(
      new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...mods }),
    );
    target.dispatchEvent(new KeyboardEvent('keyup', { key: name, bubbles: true, cancelable: true, ...mods }));
  });
  return { browserDefault };
}

describe('CellGrid', () => {
  it('is a named grid with one tab stop, the first cell', () => {
    mount();
    const grid = document.querySelector('[role="grid"]');
    expect(grid?.getAttribute('aria-label')).toBe('Results');
    expect(stops()).toEqual(['0:0']);
    expect(document.querySelectorAll('[role="columnheader"]')).toHaveLength(1 + SHOWN_COLS);
    expect(document.querySelector('[role="rowheader"]')?.textContent).toBe('Case 1');
  });

  it('arrows, Home/End (Ctrl: the corners) and Page keys reach every cell, drawing those not drawn yet', () => {
    mount();
    act(() => cell('0:0')?.focus());
    key('ArrowRight');
    expect(focused()).toBe('0:1');
    key('ArrowDown');
    expect(focused()).toBe('1:1');
    key('ArrowLeft');
    key('ArrowUp');
    expect(focused()).toBe('0:0');
    // The edges hold: nothing above the first row's cells but the column headers, which are no stop.
    key('ArrowUp');
    key('ArrowLeft');
    expect(focused()).toBe('0:0');
    // Column 6 is not drawn: the grid asks to scroll to it, then focuses it once drawn.
    key('End');
    expect(focused()).toBe('0:5');
    key('End', { ctrlKey: true });
    expect(focused()).toBe('29:5');
    key('Home');
    expect(focused()).toBe('29:0');
    key('Home', { ctrlKey: true });
    expect(focused()).toBe('0:0');
    // Every key the grid moves by is used up: the browser would also scroll the box (Home/End to
    // its top or bottom), taking the focused cell out of the drawing.
    for (const name of ['Home', 'End', 'PageDown', 'PageUp', 'ArrowDown', 'ArrowUp'])
      expect(key(name).browserDefault, name).toBe(false);
    key('Home', { ctrlKey: true });
    key('PageDown');
    expect(focused()).toBe('5:0');
    key('PageUp');
    expect(focused()).toBe('0:0');
    expect(stops()).toEqual(['0:0']);
  });

  it('moves from the focused cell even when the grid lost track of its focus', () => {
    mount();
    act(() => cell('0:0')?.focus());
    key('End', { ctrlKey: true });
    key('Home');
    expect(focused()).toBe('29:0');
    // The grid is told focus left (a cell scrolled out of the drawing while another was not drawn
    // yet), though the browser's focus is still on the cell: the next key must still move.
    act(() => {
      cell('29:0')?.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    });
    expect(focused()).toBe('29:0');
    key('Home', { ctrlKey: true });
    expect(focused()).toBe('0:0');
  });

  describe('in a scroll box that draws a frame after it scrolls', () => {
    const nextFrame = () => act(() => vi.advanceTimersToNextFrame());
    const own = {
      scrollIntoView: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView'),
      scrollTo: Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo'),
    };
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
      // The browser's scrolling: scrollIntoView on a cell scrolls the box to it; the table itself
      // is no scroll box.
      Element.prototype.scrollIntoView = function (this: Element) {
        const [row, col] = (this.getAttribute('data-cell') ?? '').split(':').map(Number);
        if (row !== undefined && col !== undefined && !Number.isNaN(row)) scrollBox?.(row, col);
      };
      Element.prototype.scrollTo = () => undefined;
    });
    afterEach(() => {
      vi.useRealTimers();
      for (const [name, descriptor] of Object.entries(own)) {
        if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
        else delete (Element.prototype as unknown as Record<string, unknown>)[name];
      }
    });

    it('a key pressed in the frame after a move is not undone by a scroll back to the cell it left', () => {
      view = render(<InScrollBox />);
      act(() => cell('0:0')?.focus());
      key('End', { ctrlKey: true });
      nextFrame();
      expect(focused()).toBe('29:5');
      // Home within the frame: column 0 is not drawn, the box scrolls to it. React Aria's own
      // scroll to the cell just left (29:5), due in that frame, scrolled it back, and column 0
      // was never drawn.
      key('Home');
      nextFrame();
      nextFrame();
      expect(focused()).toBe('29:0');
      key('Home', { ctrlKey: true });
      nextFrame();
      nextFrame();
      expect(focused()).toBe('0:0');
    });
  });

  it('Enter and a click are the cell’s action; the row header is not', () => {
    const { onAction } = mount();
    act(() => cell('0:0')?.focus());
    key('ArrowDown');
    key('Enter');
    expect(onAction).toHaveBeenLastCalledWith('1', 0);
    click(cell('2:1'));
    expect(onAction).toHaveBeenLastCalledWith('2', 1);
    onAction.mockClear();
    click(document.querySelector('[role="rowheader"]'));
    expect(onAction).not.toHaveBeenCalled();
  });

  it('a filter that hides the tab stop hands it to the first cell drawn', () => {
    const { rerender } = mount();
    act(() => cell('0:0')?.focus());
    key('ArrowDown');
    key('ArrowDown');
    expect(focused()).toBe('2:0');
    act(() => (document.activeElement as HTMLElement).blur());
    rerender(ALL_ROWS.filter((r) => r !== '2'));
    expect(stops()).toEqual(['0:0']);
    act(() => cell('0:0')?.focus());
    key('ArrowDown');
    key('ArrowDown');
    // Row 2 is gone: the row after 1 is 3.
    expect(focused()).toBe('3:0');
  });

  it('says its size and each row’s and cell’s place, filtered or not', () => {
    const { rerender } = mount();
    const grid = () => document.querySelector('[role="grid"]');
    const rowOf = (key: string) => cell(key)?.closest('tr');
    // 30 rows and the header row; the row header column and six data columns.
    expect(grid()?.getAttribute('aria-rowcount')).toBe('31');
    expect(grid()?.getAttribute('aria-colcount')).toBe('7');
    expect(rowOf('0:0')?.getAttribute('aria-rowindex')).toBe('2');
    expect(rowOf('3:0')?.getAttribute('aria-rowindex')).toBe('5');
    expect(cell('0:2')?.getAttribute('aria-colindex')).toBe('4');
    expect(rowOf('0:0')?.querySelector('[role="rowheader"]')?.getAttribute('aria-colindex')).toBe('1');
    rerender(ALL_ROWS.filter((r) => r !== '1' && r !== '2'));
    expect(grid()?.getAttribute('aria-rowcount')).toBe('29');
    expect(rowOf('3:0')?.getAttribute('aria-rowindex')).toBe('3');
  });

  it('keeps focus on its cell through a filter that keeps the cell’s row', () => {
    const { rerender } = mount();
    act(() => cell('0:0')?.focus());
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowRight');
    expect(focused()).toBe('3:1');
    rerender(ALL_ROWS.filter((r) => r !== '1'));
    expect(focused()).toBe('3:1');
    expect(stops()).toEqual(['3:1']);
    key('ArrowUp');
    expect(focused()).toBe('2:1');
    key('ArrowUp');
    expect(focused()).toBe('0:1');
  });

  it('takes any row keys, even ones shaped like its own keys', () => {
    const rows = ['body', 'r:0', '1:x', 'col:1', 'h:2', ''];
    const { onAction } = mount(rows);
    expect(document.querySelectorAll('tbody [role="row"]')).toHaveLength(rows.length);
    act(() => cell('body:0')?.focus());
    for (const row of rows.slice(1)) {
      key('ArrowDown');
      expect(focused()).toBe(`${row}:0`);
    }
    key('ArrowRight');
    key('Enter');
    expect(onAction).toHaveBeenLastCalledWith('', 1);
  });
});
