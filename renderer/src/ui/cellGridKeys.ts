import type { AriaTableProps, Key } from 'react-aria';

type KeyboardDelegate = NonNullable<AriaTableProps['keyboardDelegate']>;

/** A cell's place: its row among the rows shown, its column among the data columns (-1: the row header). */
export interface CellPos {
  row: number;
  col: number;
}

/**
 * The collection keys of a row and of its cells (col -1: the row header cell), as
 * `cellGridCollection` builds them: prefixed by kind, so no row key a caller picks can meet a
 * column's, the body's or another cell's, and a cell's place reads back from its key.
 */
export const rowNodeKey = (rowKey: string): Key => `r:${rowKey}`;
export const cellNodeKey = (rowKey: string, col: number): Key => `${col < 0 ? 'h' : col}:${rowKey}`;

/**
 * Where React Aria's grid keyboard handling (useTable → useSelectableCollection) moves the focus,
 * as in a spreadsheet: arrows by one cell, Home / End to the row's ends (with Ctrl, the grid's
 * corners), Page Up / Down by a page of rows; the edges hold. Only data cells are reached; a row
 * header cell focused by a click moves into its row. Column headers are not stops (they sort
 * nothing). It knows every row shown, so it reaches cells the grid has not drawn (React Aria's own
 * delegate reads the DOM, which holds only the window in view). Built per filter from the row keys
 * alone: a cell's place is read from its key, not from a map of every cell.
 */
export class CellGridKeys implements KeyboardDelegate {
  private readonly rowIndex = new Map<string, number>();

  constructor(
    private readonly rowKeys: readonly string[],
    private readonly columns: number,
    private readonly pageRows: () => number,
  ) {
    rowKeys.forEach((key, i) => this.rowIndex.set(key, i));
  }

  keyAt(pos: CellPos): Key | null {
    const rowKey = this.rowKeys[pos.row];
    return pos.col < 0 || pos.col >= this.columns || rowKey === undefined
      ? null
      : cellNodeKey(rowKey, pos.col);
  }

  posOf(key: Key): CellPos | null {
    if (typeof key !== 'string') return null;
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const row = this.rowIndex.get(key.slice(colon + 1));
    const col = kind === 'h' ? -1 : /^\d+$/.test(kind) ? Number(kind) : Number.NaN;
    return colon > 0 && row !== undefined && col < this.columns ? { row, col } : null;
  }

  private move(key: Key, rows: number, cols: number): Key | null {
    const at = this.posOf(key);
    if (!at || this.rowKeys.length === 0 || this.columns === 0) return null;
    return this.keyAt({
      row: Math.min(this.rowKeys.length - 1, Math.max(0, at.row + rows)),
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
    return this.keyAt({ row: at && !global ? at.row : this.rowKeys.length - 1, col: this.columns - 1 });
  };
}
