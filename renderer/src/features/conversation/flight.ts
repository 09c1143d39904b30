/**
 * How the message list moves: "in flight" while it jumps more than a view at each scroll event,
 * one after another (the scrollbar dragged, a fling). Rows that come into view then are drawn as
 * sketches, a few elements each, instead of their whole markdown and buttons, which cost a frame
 * or more for a screen of new rows: the flight keeps its frame rate, and the rows are drawn in
 * full once it lands, a few per frame.
 *
 * A single jump (a search hit, End, a send) is not a flight: its rows are drawn in full at once.
 */

/** Between two jumps of one flight, at most this long: a few frames, slow ones included. */
const FLIGHT_GAP_MS = 250;
/** After the last scroll event, the flight has landed once this long has passed without another. */
export const LAND_MS = 120;
/** Sketches drawn in full per frame once landed: a screen of rows over a few frames. */
export const ROWS_PER_FRAME = 2;

export interface Flight {
  /** While true, rows that mount are drawn as sketches. */
  readonly flying: boolean;
  /** The list scrolled to `top` (its view `view` px high) at `now`; called before it renders for it. */
  scrolled(top: number, view: number, now: number): void;
  /** Calls `draw` once landed, in a frame shared with at most ROWS_PER_FRAME - 1 others; returns the cancel. */
  whenLanded(draw: () => void): () => void;
  dispose(): void;
}

export function createFlight(): Flight {
  let flying = false;
  /** Where the list was at its last scroll event: none yet, so the first is never a jump. */
  let lastTop = Number.NaN;
  /** When the last scroll event that jumped more than a view came. */
  let lastJumpAt = Number.NEGATIVE_INFINITY;
  let landing: ReturnType<typeof setTimeout> | undefined;
  let pumping = 0;
  const waiting = new Set<() => void>();

  const pump = () => {
    pumping = 0;
    if (flying) return;
    let drawn = 0;
    for (const draw of waiting) {
      if (drawn++ === ROWS_PER_FRAME) break;
      waiting.delete(draw);
      draw();
    }
    if (waiting.size > 0) pumping = requestAnimationFrame(pump);
  };
  const land = () => {
    clearTimeout(landing);
    landing = undefined;
    flying = false;
    if (waiting.size > 0 && pumping === 0) pumping = requestAnimationFrame(pump);
  };

  return {
    get flying() {
      return flying;
    },
    scrolled(top, view, now) {
      const jumped = Math.abs(top - lastTop) > view;
      lastTop = top;
      // Smaller moves in between (the list setting its position as new rows are measured) neither
      // end a flight nor start one: it lands LAND_MS after its last jump.
      if (!jumped) return;
      if (now - lastJumpAt <= FLIGHT_GAP_MS) flying = true;
      lastJumpAt = now;
      if (!flying) return;
      clearTimeout(landing);
      landing = setTimeout(land, LAND_MS);
    },
    whenLanded(draw) {
      waiting.add(draw);
      if (!flying && pumping === 0) pumping = requestAnimationFrame(pump);
      return () => waiting.delete(draw);
    },
    dispose() {
      clearTimeout(landing);
      cancelAnimationFrame(pumping);
      waiting.clear();
    },
  };
}
