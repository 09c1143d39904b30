import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFlight,
  LAND_FRAMES,
  LAND_MS,
  ROWS_PER_FRAME,
} from '../../../renderer/src/features/conversation/flight';

/** Frames run when the test says so, each `ms` after the one before, on the clock `now`. */
let now = 0;
let nextId = 1;
let callbacks = new Map<number, FrameRequestCallback>();
const frame = (ms = 16) => {
  now += ms;
  const run = callbacks;
  callbacks = new Map();
  for (const callback of run.values()) callback(now);
};
/** Enough quiet frames for any flight to land and its sketches to be drawn. */
const settle = (rows = 0) => {
  for (let i = 0; i < LAND_FRAMES + Math.ceil(LAND_MS / 16) + rows; i++) frame();
};

beforeEach(() => {
  now = 0;
  callbacks = new Map();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callbacks.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
});
afterEach(() => vi.unstubAllGlobals());

const VIEW = 900;

/** A list opened at 50,000 px (its first scroll event), long ago. */
function opened() {
  const flight = createFlight();
  flight.scrolled(50_000, VIEW, -10_000);
  return flight;
}

/** Jumps to each of `tops`, one a frame `ms` long. */
function drag(flight: ReturnType<typeof createFlight>, tops: number[], ms = 16) {
  for (const top of tops) {
    flight.scrolled(top, VIEW, now);
    frame(ms);
  }
}

describe('the message list in flight', () => {
  it('is not in flight after one jump (a search hit, End), so its rows are drawn in full at once', () => {
    const flight = createFlight();
    // The list opening at its end: its first scroll event, not a jump from anywhere.
    flight.scrolled(50_000, VIEW, 0);
    settle();
    flight.scrolled(10_000, VIEW, now);
    expect(flight.flying).toBe(false);
    // A wheel scroll a frame later is not a second jump.
    frame();
    flight.scrolled(9_900, VIEW, now);
    expect(flight.flying).toBe(false);
  });

  it('flies from the second jump of more than a view in a row, and lands once the jumps stop', () => {
    const flight = opened();
    drag(flight, [45_000, 40_000]);
    expect(flight.flying).toBe(true);
    // The list's own small corrections as it measures the new rows do not end the flight.
    flight.scrolled(39_700, VIEW, now);
    drag(flight, [35_000]);
    // That jump's frame, then quiet ones: it lands with the LAND_FRAMES-th.
    for (let quiet = 2; quiet < LAND_FRAMES; quiet++) frame(LAND_MS);
    expect(flight.flying).toBe(true);
    frame(LAND_MS);
    expect(flight.flying).toBe(false);
  });

  it('stays one flight when every frame is slow (a busy machine), and lands after quiet frames', () => {
    const flight = opened();
    drag(flight, [45_000, 40_000, 35_000, 30_000, 25_000], 400);
    for (let quiet = 2; quiet < LAND_FRAMES; quiet++) frame(400);
    expect(flight.flying).toBe(true);
    frame(400);
    expect(flight.flying).toBe(false);
  });

  it('does not fly on two jumps far apart (two search hits, one after another)', () => {
    const flight = opened();
    flight.scrolled(10_000, VIEW, now);
    settle();
    frame(2_000);
    flight.scrolled(30_000, VIEW, now);
    expect(flight.flying).toBe(false);
  });

  it('draws the sketched rows in full once landed, a few per frame, in the order they came', () => {
    const flight = opened();
    drag(flight, [45_000, 40_000]);
    const drawn: number[] = [];
    for (let row = 0; row < 5; row++) flight.whenLanded(() => drawn.push(row));
    frame();
    expect(drawn).toEqual([]);
    while (flight.flying) frame();
    frame();
    expect(drawn).toEqual([0, 1, 2, 3, 4].slice(0, ROWS_PER_FRAME));
    settle(5);
    expect(drawn).toEqual([0, 1, 2, 3, 4]);
    expect(callbacks.size).toBe(0);
  });

  it('stops drawing when a new flight starts before every row is drawn, and goes on once it lands', () => {
    const flight = opened();
    drag(flight, [45_000, 40_000]);
    const drawn: number[] = [];
    for (let row = 0; row < 6; row++) flight.whenLanded(() => drawn.push(row));
    while (flight.flying) frame();
    frame();
    expect(drawn).toHaveLength(ROWS_PER_FRAME);
    drag(flight, [30_000, 20_000, 10_000]);
    expect(drawn).toHaveLength(ROWS_PER_FRAME);
    settle(6);
    expect(drawn).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('never draws a row whose wait was cancelled (it left the view), nor anything once disposed', () => {
    const flight = opened();
    drag(flight, [45_000, 40_000]);
    const drawn: string[] = [];
    const cancel = flight.whenLanded(() => drawn.push('gone'));
    flight.whenLanded(() => drawn.push('kept'));
    cancel();
    settle(2);
    expect(drawn).toEqual(['kept']);
    drag(flight, [30_000, 20_000]);
    flight.whenLanded(() => drawn.push('late'));
    flight.dispose();
    settle(2);
    expect(drawn).toEqual(['kept']);
    expect(callbacks.size).toBe(0);
  });

  it('draws every waiting row in full once the list has been still, whatever moves came before', () => {
    const move = fc.record({
      by: fc.integer({ min: -20_000, max: 20_000 }),
      ms: fc.integer({ min: 1, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), fc.integer({ min: 0, max: 12 }), (moves, rows) => {
        callbacks = new Map();
        const flight = opened();
        let top = 50_000;
        const drawn = new Set<number>();
        let row = 0;
        for (const m of moves) {
          top = Math.max(0, top + m.by);
          flight.scrolled(top, VIEW, now);
          if (flight.flying && row < rows) {
            const id = row++;
            flight.whenLanded(() => drawn.add(id));
          }
          frame(m.ms);
        }
        settle(rows);
        expect(flight.flying).toBe(false);
        expect(drawn.size).toBe(row);
        flight.dispose();
      }),
    );
  });
});
