import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_WIDTH,
  COLUMN_WIDTH,
  ROW_HEIGHT,
  scrollFor,
} from '../../renderer/src/features/experiments/gridWindow';

describe('scrolling the results grid to a cell', () => {
  it('scroll so the cell is whole in view beside the sticky header and case column, and not at all when it is', () => {
    const box = { top: 0, left: 0, width: 1000, height: 700 };
    const header = 80;
    expect(scrollFor({ row: 2, col: 1 }, box, header)).toEqual({ top: 0, left: 0 });
    // Row 9 ends at 10 × 104 + 80 = 1120 px: the box's bottom is brought there.
    expect(scrollFor({ row: 9, col: 0 }, box, header)).toEqual({ top: 1120 - 700, left: 0 });
    // Column 5 ends at 240 + 6 × 260 = 1800 px.
    expect(scrollFor({ row: 0, col: 5 }, box, header)).toEqual({ top: 0, left: 1800 - 1000 });
    // Back up and left: the cell's top and left edge meet the header's and the case column's.
    const scrolled = { ...box, top: 2000, left: 1500 };
    expect(scrollFor({ row: 3, col: 2 }, scrolled, header)).toEqual({ top: 3 * 104, left: 2 * 260 });
  });

  it('always leave the cell inside the box, whole where it fits and its corner where not (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(99),
        fc.nat(9),
        fc.nat(20_000),
        fc.nat(3_000),
        fc.integer({ min: 200, max: 1400 }),
        fc.integer({ min: 120, max: 1000 }),
        (row, col, top, left, width, height) => {
          const header = 76;
          const to = scrollFor({ row, col }, { top, left, width, height }, header);
          // In the box's coordinates: below the sticky header, right of the sticky case column.
          const cellTop = row * ROW_HEIGHT + header - to.top;
          const cellLeft = CASE_WIDTH + col * COLUMN_WIDTH - to.left;
          expect(cellTop).toBeGreaterThanOrEqual(header);
          expect(cellLeft).toBeGreaterThanOrEqual(CASE_WIDTH);
          // Whole, where the box can hold a whole cell.
          if (height >= header + ROW_HEIGHT) expect(cellTop + ROW_HEIGHT).toBeLessThanOrEqual(height);
          if (width >= CASE_WIDTH + COLUMN_WIDTH) expect(cellLeft + COLUMN_WIDTH).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
