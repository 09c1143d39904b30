/**
 * How the message list moves: "in flight" while it jumps more than a view at each scroll event,
 * one after another (the scrollbar dragged, a fling). Rows that come into view then are drawn as
 * sketches, a few elements each, instead of their whole markdown and buttons, which cost a frame
 * or more for a screen of new rows: the flight keeps its frame rate, and the rows are drawn in
 * full once it lands, a few per frame.
 *
 * A single jump (a search hit, End, a send) is not a flight: its rows are drawn in full at once.
 * Time is counted in frames as well as in milliseconds: on a busy machine a frame can take longer
 * than the whole wait, and a drag whose every frame is slow is still one flight.
 */

/** A jump this soon after the last one (or within LAND_FRAMES frames of it) makes a flight. */
const FLIGHT_GAP_MS = 250;
/** A flight lands once LAND_FRAMES frames and LAND_MS have passed without a jump. */
export const LAND_FRAMES = 3;
export const LAND_MS = 120;
/** Sketches drawn in full per frame once landed: a screen of rows over a few frames. */
export const ROWS_PER_FRAME = 2;

export interface Flight {
  /** While true, rows that mount are drawn as sketches. */
  readonly flying: boolean;
  /**
   * The list scrolled to `top` (its view `view` px high) at `now` (performance.now()'s clock, as
   * the frames' times are); called before it renders for it.
   */
  scrolled(top: number, view: number, now: number): void;
  /** Calls `draw` once landed, in a frame shared with at most ROWS_PER_FRAME - 1 others; returns the cancel. */
  whenLanded(draw: () => void): () => void;
  dispose(): void;
}

export function createFlight(): Flight {
  let flying = false;
  /** Where the list was at its last scroll event: none yet, so the first is never a jump. */
  let lastTop = Number.NaN;
  /** When the last jump of more than a view came, and how many frames have begun since. */
  let lastJumpAt = Number.NEGATIVE_INFINITY;
  let framesSinceJump = Number.POSITIVE_INFINITY;
  let ticking = 0;
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
  /** Counts the frames after a jump: while flying until it lands, else until LAND_FRAMES. */
  const tick = (time: number) => {
    ticking = 0;
    framesSinceJump += 1;
    if (flying && framesSinceJump >= LAND_FRAMES && time - lastJumpAt >= LAND_MS) {
      flying = false;
      if (waiting.size > 0 && pumping === 0) pumping = requestAnimationFrame(pump);
      return;
    }
    if (flying || framesSinceJump < LAND_FRAMES) ticking = requestAnimationFrame(tick);
  };

  return {
    get flying() {
      return flying;
    },
    scrolled(top, view, now) {
      const jumped = Math.abs(top - lastTop) > view;
      lastTop = top;
      // Smaller moves in between (the list setting its position as new rows are measured) neither
      // end a flight nor start one.
      if (!jumped) return;
      if (framesSinceJump < LAND_FRAMES || now - lastJumpAt <= FLIGHT_GAP_MS) flying = true;
      lastJumpAt = now;
      framesSinceJump = 0;
      if (ticking === 0) ticking = requestAnimationFrame(tick);
    },
    whenLanded(draw) {
      waiting.add(draw);
      if (!flying && pumping === 0) pumping = requestAnimationFrame(pump);
      return () => waiting.delete(draw);
    },
    dispose() {
      cancelAnimationFrame(ticking);
      cancelAnimationFrame(pumping);
      waiting.clear();
    },
  };
}
