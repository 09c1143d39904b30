import { useEffect, useState } from 'react';

/** Every row has this height (CSS says the same), so the rows in view follow from the scroll offset. */
export const ROW_HEIGHT = 104;
/** The sticky case column and every result column are this wide (CSS says the same). */
export const CASE_WIDTH = 240;
export const COLUMN_WIDTH = 260;
/** Rows and columns drawn beyond the view, so a scroll by a wheel notch shows no gap. */
const ROW_OVERSCAN = 2;
const COLUMN_OVERSCAN = 1;
/** A grid of up to this many cells is drawn whole (find in page sees every answer); a bigger one by window. */
export const WHOLE_CELLS = 400;

export interface Viewport {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** A cell by its place in the rows shown (filtered or not) and its column. */
export interface GridPos {
  row: number;
  col: number;
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

/** The half-open range [first, last) of `count` items of `size` px that meet [start, start + extent), widened by `overscan`. */
export function rangeInView(
  count: number,
  size: number,
  start: number,
  extent: number,
  overscan: number,
): [number, number] {
  const first = Math.max(0, Math.floor(start / size) - overscan);
  const last = Math.min(count, Math.ceil((start + extent) / size) + overscan);
  return [Math.min(first, last), last];
}

/** The rows and columns a grid draws for a viewport: everything when small, else what is in view. */
export function gridWindow(
  rows: number,
  columns: number,
  view: Viewport,
): { rows: [number, number]; columns: [number, number] } {
  if (rows * columns <= WHOLE_CELLS) return { rows: [0, rows], columns: [0, columns] };
  return {
    rows: rangeInView(rows, ROW_HEIGHT, view.top, view.height, ROW_OVERSCAN),
    // The sticky case column covers the first CASE_WIDTH pixels of the view.
    columns: rangeInView(
      columns,
      COLUMN_WIDTH,
      view.left,
      Math.max(0, view.width - CASE_WIDTH),
      COLUMN_OVERSCAN,
    ),
  };
}

/**
 * The scroll box's offset and size, read once a frame at most. Before the first measure the
 * window's size stands in (the box is never bigger), so the first render draws what the
 * first paint needs, not a guess that a second render corrects.
 */
export function useViewport(element: HTMLElement | null): Viewport {
  const [view, setView] = useState<Viewport>(() => ({
    top: 0,
    left: 0,
    height: typeof window === 'undefined' ? 900 : window.innerHeight,
    width: typeof window === 'undefined' ? 1440 : window.innerWidth,
  }));
  useEffect(() => {
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const next = {
        top: element.scrollTop,
        left: element.scrollLeft,
        height: element.clientHeight,
        width: element.clientWidth,
      };
      setView((v) =>
        v.top === next.top && v.left === next.left && v.height === next.height && v.width === next.width
          ? v
          : next,
      );
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    const resize = new ResizeObserver(schedule);
    resize.observe(element);
    element.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      element.removeEventListener('scroll', schedule);
    };
  }, [element]);
  return view;
}
