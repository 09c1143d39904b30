import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_WIDTH,
  COLUMN_WIDTH,
  ROW_HEIGHT,
  WHOLE_CELLS,
  gridWindow,
  rangeInView,
} from '../../renderer/src/features/experiments/gridWindow';

const view = (patch: Partial<{ top: number; left: number; height: number; width: number }> = {}) => ({
  top: 0,
  left: 0,
  height: 700,
  width: 1200,
  ...patch,
});

describe('the results grid draws what is in view', () => {
  it('a small grid is drawn whole (find in page sees every answer)', () => {
    expect(gridWindow(20, 20, view())).toEqual({ rows: [0, 20], columns: [0, 20] });
    expect(gridWindow(WHOLE_CELLS + 1, 1, view()).rows[1]).toBeLessThan(WHOLE_CELLS + 1);
  });

  it('a 100 × 10 grid in a 1200 × 700 box draws under a tenth of its cells, and the far corner when scrolled there', () => {
    const start = gridWindow(100, 10, view());
    const cells = (w: typeof start) => (w.rows[1] - w.rows[0]) * (w.columns[1] - w.columns[0]);
    expect(start.rows[0]).toBe(0);
    expect(start.columns[0]).toBe(0);
    expect(cells(start)).toBeLessThan(100);
    const end = gridWindow(
      100,
      10,
      view({ top: 100 * ROW_HEIGHT - 700, left: CASE_WIDTH + 10 * COLUMN_WIDTH - 1200 }),
    );
    expect(end.rows[1]).toBe(100);
    expect(end.columns[1]).toBe(10);
    expect(cells(end)).toBeLessThan(100);
  });

  it('every item that meets the view is in the range drawn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 5 }),
        (count, size, start, extent, overscan) => {
          const [first, last] = rangeInView(count, size, start, extent, overscan);
          expect(first).toBeGreaterThanOrEqual(0);
          expect(last).toBeLessThanOrEqual(count);
          expect(first).toBeLessThanOrEqual(last);
          for (let i = 0; i < count; i += 1) {
            const meets = i * size < start + extent && (i + 1) * size > start;
            if (meets) expect(i >= first && i < last).toBe(true);
          }
        },
      ),
    );
  });
});
