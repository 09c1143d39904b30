import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followEnd } from '../../../renderer/src/features/conversation/followEnd';

/**
 * A scroll box as the browser keeps it: the position is clamped to what the content allows, and
 * its scroll event comes at the next frame (`frame`), only when the position changed since the last.
 * `content` is everything in it; `answer`, the part of it that is the answer being written at its end.
 */
function box(content: number, height = 500) {
  let top = 0;
  let heard = 0;
  const state = {
    content,
    answer: 0,
    height,
    get scrollHeight() {
      return Math.max(state.content, state.height);
    },
    /** The answer at the end grows by `by`. */
    write(by: number) {
      state.answer += by;
      state.content += by;
    },
    /**
     * On a busy machine: `written` px of answer come in after the position last changed and before
     * that scroll is heard; then the frame is laid out (the follower's `resized`).
     */
    heardLate(follow: { scrolled(): void; resized(): void }, written: number) {
      state.write(written);
      state.frame(follow);
      follow.resized();
    },
    get clientHeight() {
      return state.height;
    },
    get scrollTop() {
      return top;
    },
    set scrollTop(value: number) {
      top = Math.max(0, Math.min(value, state.scrollHeight - state.height));
    },
    distance() {
      return state.scrollHeight - state.height - top;
    },
    /** The next frame: the scroll event, if the box moved. */
    frame(follow: { scrolled(): void }) {
      if (top === heard) return;
      heard = top;
      follow.scrolled();
    },
  };
  return state;
}

const THRESHOLD = 48;

describe('following the end of the message list', () => {
  it('keeps an answer that grows faster than the frames at the end of the view', () => {
    const list = box(2000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    expect(list.distance()).toBe(0);
    // The follower scrolls; before that scroll's event comes, another 900 px of answer arrive.
    list.content += 300;
    follow.resized();
    list.content += 900;
    list.frame(follow);
    follow.resized();
    expect(list.distance()).toBe(0);
  });

  it('stops when the reader scrolls up, and follows again once they scroll back down to the end', () => {
    const list = box(3000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    list.scrollTop -= 400;
    list.frame(follow);
    list.content += 500;
    follow.resized();
    expect(list.distance()).toBe(900);
    list.scrollTop += 900;
    list.frame(follow);
    list.content += 200;
    follow.resized();
    expect(list.distance()).toBe(0);
  });

  it('follows again when the reader drags to the end they see, though the answer grew before the scroll was heard', () => {
    const list = box(3000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    list.scrollTop -= 1000;
    list.frame(follow);
    list.content += 400;
    follow.resized();
    // Dragged to the end on screen; 150 px more come in before the scroll's event.
    list.scrollTop = list.scrollHeight;
    list.content += 150;
    list.frame(follow);
    follow.resized();
    expect(list.distance()).toBe(0);
  });

  it('follows again when the reader scrolls to the end, though many screens of answer came before the scroll was heard', () => {
    // On a busy machine: the reader scrolls up, then back to the end; before that scroll's event
    // is handled, 4,500 px (nine views) of answer are written below what they saw.
    const list = box(3000);
    const follow = followEnd(list, THRESHOLD, () => list.answer);
    list.write(1000);
    follow.resized();
    list.scrollTop -= 1500;
    list.frame(follow);
    list.write(600);
    follow.resized();
    expect(list.distance()).toBe(2100);
    list.scrollTop = list.scrollHeight;
    list.heardLate(follow, 4500);
    expect(list.distance()).toBe(0);
  });

  it('does not follow when the reader scrolls down short of the end while the answer grows', () => {
    const list = box(3000);
    const follow = followEnd(list, THRESHOLD, () => list.answer);
    follow.resized();
    list.scrollTop -= 2000;
    list.frame(follow);
    list.scrollTop += 1000;
    list.heardLate(follow, 4500);
    expect(list.distance()).toBe(5500);
  });

  it('stays where the reader is when earlier messages load above them', () => {
    const list = box(20_000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    list.scrollTop = 900;
    list.frame(follow);
    // 50,000 px of messages arrive above; the list keeps the reader's message in place, moving
    // the position down by as much (the virtualizer's anchoring).
    list.content += 50_000;
    list.scrollTop += 50_000;
    list.frame(follow);
    follow.resized();
    expect(list.scrollTop).toBe(50_900);
  });

  it('stays where the reader is when earlier messages load above them as an answer is written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 60_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (above, written, at) => {
          const list = box(20_000);
          const follow = followEnd(list, THRESHOLD, () => list.answer);
          follow.resized();
          list.frame(follow);
          list.scrollTop = Math.min(at, 20_000 - 500 - 1000);
          list.frame(follow);
          const reading = list.scrollTop;
          // In the same frame: rows arrive above (the position moves down by their height) and
          // the answer grows below.
          list.content += above;
          list.scrollTop += above;
          list.heardLate(follow, written);
          expect(list.scrollTop).toBe(reading + above);
        },
      ),
    );
  });

  it('goes to the end and follows when the reader asks for an answer, wherever they were', () => {
    const list = box(6000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    follow.stop();
    list.scrollTop = 1000;
    list.frame(follow);
    follow.hold();
    follow.follow();
    expect(list.distance()).toBe(0);
    list.content += 400;
    list.frame(follow);
    follow.resized();
    expect(list.distance()).toBe(0);
  });

  it('keeps following when the reader scrolls up less than the threshold', () => {
    const list = box(3000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    list.scrollTop -= 20;
    list.frame(follow);
    list.content += 100;
    follow.resized();
    expect(list.distance()).toBe(0);
  });

  it('holds the reader where they are after Show all, until they move on', () => {
    const list = box(3000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    const at = list.scrollTop;
    follow.hold();
    list.content += 30_000;
    follow.resized();
    list.frame(follow);
    expect(list.scrollTop).toBe(at);
    // A key pressed far from the end: still not following.
    follow.release();
    list.content += 100;
    follow.resized();
    expect(list.scrollTop).toBe(at);
  });

  it('lets a jump to a message stay where it went', () => {
    const list = box(10_000);
    const follow = followEnd(list, THRESHOLD);
    follow.resized();
    follow.stop();
    list.scrollTop = 1200;
    list.content += 300;
    follow.resized();
    list.frame(follow);
    expect(list.scrollTop).toBe(1200);
  });

  it('comes back to the end from anywhere once scrolled down to it, whatever happened before', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('grow' as const), by: fc.integer({ min: -400, max: 2000 }) }),
      fc.record({ kind: fc.constant('write' as const), by: fc.integer({ min: 0, max: 2000 }) }),
      fc.record({ kind: fc.constant('scroll' as const), by: fc.integer({ min: -3000, max: 3000 }) }),
      fc.record({
        kind: fc.constantFrom('hold' as const, 'release' as const, 'stop' as const, 'follow' as const),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 6000 }),
        (steps, tail, unheard) => {
          const list = box(4000);
          const follow = followEnd(list, THRESHOLD, () => list.answer);
          follow.resized();
          for (const s of steps) {
            if (s.kind === 'grow') {
              list.content = Math.max(list.answer, list.content + s.by);
              follow.resized();
            } else if (s.kind === 'write') {
              list.write(s.by);
              follow.resized();
            } else if (s.kind === 'scroll') {
              list.scrollTop += s.by;
              list.frame(follow);
            } else follow[s.kind]();
          }
          // The reader moves (releasing any hold), scrolls up a little and down to the end, and
          // however much is written before that scroll is heard, the answer is followed.
          follow.release();
          list.scrollTop -= 100;
          list.frame(follow);
          list.scrollTop = list.scrollHeight;
          list.write(unheard);
          list.frame(follow);
          list.content += tail;
          follow.resized();
          list.frame(follow);
          list.content += tail;
          follow.resized();
          expect(list.distance()).toBe(0);
        },
      ),
    );
  });
});
