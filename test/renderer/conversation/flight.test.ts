import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlight, LAND_MS, ROWS_PER_FRAME } from '../../../renderer/src/features/conversation/flight';

/** Frames run when the test says so. */
let frames: FrameRequestCallback[] = [];
const nextFrame = () => {
  const run = frames;
  frames = [];
  for (const callback of run) callback(0);
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames.splice(id - 1, 1, () => undefined);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const VIEW = 900;

/** A list opened at 50,000 px (its first scroll event) a while ago. */
function opened() {
  const flight = createFlight();
  flight.scrolled(50_000, VIEW, -10_000);
  return flight;
}

describe('the message list in flight', () => {
  it('is not in flight after one jump (a search hit, End), so its rows are drawn in full at once', () => {
    const flight = createFlight();
    // The list opening at its end: its first scroll event, not a jump from anywhere.
    flight.scrolled(50_000, VIEW, 0);
    flight.scrolled(10_000, VIEW, 16);
    expect(flight.flying).toBe(false);
    // A wheel scroll a frame later is not a second jump.
    flight.scrolled(9_900, VIEW, 32);
    expect(flight.flying).toBe(false);
  });

  it('flies from the second jump of more than a view in a row, and lands once the jumps stop', () => {
    const flight = opened();
    flight.scrolled(45_000, VIEW, 0);
    flight.scrolled(40_000, VIEW, 16);
    expect(flight.flying).toBe(true);
    // The list's own small corrections as it measures the new rows do not end the flight.
    flight.scrolled(39_700, VIEW, 20);
    flight.scrolled(35_000, VIEW, 33);
    expect(flight.flying).toBe(true);
    vi.advanceTimersByTime(LAND_MS - 1);
    expect(flight.flying).toBe(true);
    vi.advanceTimersByTime(1);
    expect(flight.flying).toBe(false);
  });

  it('does not fly on two jumps far apart in time (two search hits, one after another)', () => {
    const flight = opened();
    flight.scrolled(10_000, VIEW, 0);
    flight.scrolled(30_000, VIEW, 2_000);
    expect(flight.flying).toBe(false);
  });

  it('draws the sketched rows in full once landed, a few per frame, in the order they came', () => {
    const flight = opened();
    flight.scrolled(45_000, VIEW, 0);
    flight.scrolled(40_000, VIEW, 16);
    const drawn: number[] = [];
    for (let row = 0; row < 5; row++) flight.whenLanded(() => drawn.push(row));
    nextFrame();
    expect(drawn).toEqual([]);
    vi.advanceTimersByTime(LAND_MS);
    nextFrame();
    expect(drawn).toEqual([0, 1].slice(0, ROWS_PER_FRAME));
    nextFrame();
    nextFrame();
    expect(drawn).toEqual([0, 1, 2, 3, 4]);
    expect(frames).toEqual([]);
  });

  it('stops drawing when a new flight starts before every row is drawn, and goes on once it lands', () => {
    const flight = opened();
    flight.scrolled(45_000, VIEW, 0);
    flight.scrolled(40_000, VIEW, 16);
    const drawn: number[] = [];
    for (let row = 0; row < 6; row++) flight.whenLanded(() => drawn.push(row));
    vi.advanceTimersByTime(LAND_MS);
    nextFrame();
    flight.scrolled(30_000, VIEW, 500);
    flight.scrolled(20_000, VIEW, 516);
    nextFrame();
    expect(drawn).toHaveLength(ROWS_PER_FRAME);
    vi.advanceTimersByTime(LAND_MS);
    for (let i = 0; i < 6; i++) nextFrame();
    expect(drawn).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('never draws a row whose wait was cancelled (it left the view), nor anything once disposed', () => {
    const flight = opened();
    flight.scrolled(45_000, VIEW, 0);
    flight.scrolled(40_000, VIEW, 16);
    const drawn: string[] = [];
    const cancel = flight.whenLanded(() => drawn.push('gone'));
    flight.whenLanded(() => drawn.push('kept'));
    cancel();
    vi.advanceTimersByTime(LAND_MS);
    nextFrame();
    expect(drawn).toEqual(['kept']);
    flight.whenLanded(() => drawn.push('late'));
    flight.dispose();
    nextFrame();
    expect(drawn).toEqual(['kept']);
  });

  it('draws every waiting row in full once the list has been still for LAND_MS, whatever moves came before', () => {
    const move = fc.record({
      by: fc.integer({ min: -20_000, max: 20_000 }),
      after: fc.integer({ min: 1, max: 300 }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), fc.integer({ min: 0, max: 12 }), (moves, rows) => {
        frames = [];
        const flight = opened();
        let top = 50_000;
        let now = 0;
        const drawn = new Set<number>();
        let row = 0;
        for (const m of moves) {
          top = Math.max(0, top + m.by);
          now += m.after;
          vi.advanceTimersByTime(m.after);
          flight.scrolled(top, VIEW, now);
          nextFrame();
          if (flight.flying && row < rows) {
            const id = row++;
            flight.whenLanded(() => drawn.add(id));
          }
        }
        vi.advanceTimersByTime(LAND_MS);
        for (let i = 0; i <= rows; i++) nextFrame();
        expect(flight.flying).toBe(false);
        expect(drawn.size).toBe(row);
        flight.dispose();
      }),
    );
  });
});
