import type { AriaTableProps, Key } from 'react-aria';

type KeyboardDelegate = NonNullable<AriaTableProps['keyboardDelegate']>;

/** A cell's place: its row among the rows shown, its column among the data columns (-1: the row header). */
export interface CellPos {
  row: number;
  col: number;
}

/** A row of React Aria's table collection: its cells, the row header first. */
export interface GridRowNode {
  key: Key;
  childNodes: Iterable<{ key: Key }>;
}

/**
 * Where React Aria's grid keyboard handling (useTable → useSelectableCollection) moves the focus,
 * as in a spreadsheet: arrows by one cell, Home / End to the row's ends (with Ctrl, the grid's
 * corners), Page Up / Down by a page of rows; the edges hold. Only data cells are reached; a row
 * header cell focused by a click moves into its row. Column headers are not stops (they sort
 * nothing). Built from the collection's rows, so it knows cells the grid has not drawn (React
 * Aria's own delegate reads the DOM, which holds only the window in view).
 */
export class CellGridKeys implements KeyboardDelegate {
  /** Each row's cell keys, the row header's first. */
  private readonly cells: Key[][];
  private readonly places = new Map<Key, CellPos>();

  constructor(
    rows: readonly GridRowNode[],
    private readonly pageRows: () => number,
  ) {
    this.cells = rows.map((row, r) => {
      const keys = [...row.childNodes].map((cell) => cell.key);
      keys.forEach((key, c) => this.places.set(key, { row: r, col: c - 1 }));
      return keys;
    });
  }

  keyAt(pos: CellPos): Key | null {
    return pos.col < 0 ? null : (this.cells[pos.row]?.[pos.col + 1] ?? null);
  }

  posOf(key: Key): CellPos | null {
    return this.places.get(key) ?? null;
  }

  private get columns(): number {
    return Math.max(0, (this.cells[0]?.length ?? 0) - 1);
  }

  private move(key: Key, rows: number, cols: number): Key | null {
    const at = this.posOf(key);
    if (!at || this.cells.length === 0 || this.columns === 0) return null;
    return this.keyAt({
      row: Math.min(this.cells.length - 1, Math.max(0, at.row + rows)),
      col: Math.min(this.columns - 1, Math.max(0, at.col + cols)),
    });
  }

  getKeyBelow = (key: Key) => this.move(key, 1, 0);
  getKeyAbove = (key: Key) => this.move(key, -1, 0);
  getKeyRightOf = (key: Key) => this.move(key, 0, 1);
  getKeyLeftOf = (key: Key) => this.move(key, 0, -1);
  getKeyPageBelow = (key: Key) => this.move(key, Math.max(1, this.pageRows()), 0);
  getKeyPageAbove = (key: Key) => this.move(key, -Math.max(1, this.pageRows()), 0);

  getFirstKey = (key?: Key | null, global?: boolean): Key | null => {
    const at = key == null ? null : this.posOf(key);
    return this.keyAt({ row: at && !global ? at.row : 0, col: 0 });
  };

  getLastKey = (key?: Key | null, global?: boolean): Key | null => {
    const at = key == null ? null : this.posOf(key);
    return this.keyAt({ row: at && !global ? at.row : this.cells.length - 1, col: this.columns - 1 });
  };
}
