import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../main/contract';
import { BUSY_FRAME_MS, FRAME_MS, FramePacer } from '../../../renderer/src/store/conversation/framePacing';

const text: StreamEvent = {
  type: 'delta',
  streamId: 's1',
  threadId: 't1',
  choices: [{ index: 0, messageId: 'a1', content: 'more' }],
};
const ended: StreamEvent = { type: 'ended', streamId: 's1', threadId: 't1', messages: [] };

/** Frames on a 60 Hz clock: `frames[i]` is how many vsyncs after the last one frame i starts. */
function run(pacer: FramePacer, frames: { gap: number; busyMs: number; end?: boolean }[]): boolean[] {
  let at = 1000;
  return frames.map(({ gap, busyMs, end }) => {
    at += gap * FRAME_MS;
    return pacer.drawNow(end ? [text, ended] : [text], at, at + busyMs);
  });
}

describe('stream text paced to the frames', () => {
  it('draws text in every frame while frames keep their budget', () => {
    const drawn = run(
      new FramePacer(),
      Array.from({ length: 30 }, () => ({ gap: 1, busyMs: 1 })),
    );
    expect(drawn.every(Boolean)).toBe(true);
  });

  it('draws text every other frame while frames run late, and in every frame again after', () => {
    const late = Array.from({ length: 8 }, () => ({ gap: 2, busyMs: 1 }));
    const onTime = Array.from({ length: 4 }, () => ({ gap: 1, busyMs: 1 }));
    const drawn = run(new FramePacer(), [{ gap: 1, busyMs: 1 }, ...late, ...onTime]);
    expect(drawn.slice(1, 9)).toEqual([false, true, false, true, false, true, false, true]);
    expect(drawn.slice(9)).toEqual([true, true, true, true]);
  });

  it('lets text wait a frame when keys already used the start of this one', () => {
    const drawn = run(new FramePacer(), [
      { gap: 1, busyMs: 1 },
      { gap: 1, busyMs: BUSY_FRAME_MS + 2 },
      { gap: 1, busyMs: BUSY_FRAME_MS + 2 },
      { gap: 1, busyMs: 1 },
    ]);
    expect(drawn).toEqual([true, false, true, true]);
  });

  it('does not count a quiet stream as late frames', () => {
    const drawn = run(new FramePacer(), [
      { gap: 1, busyMs: 1 },
      { gap: 6, busyMs: 1 },
      { gap: 30, busyMs: 1 },
    ]);
    expect(drawn).toEqual([true, true, true]);
  });

  it('never holds back the end of a stream, and never holds text two frames running', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gap: fc.integer({ min: 1, max: 8 }),
            busyMs: fc.double({ min: 0, max: 40, noNaN: true }),
            end: fc.boolean(),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (frames) => {
          const drawn = run(new FramePacer(), frames);
          frames.forEach((f, i) => {
            if (f.end) expect(drawn[i]).toBe(true);
            if (i > 0 && !drawn[i - 1]) expect(drawn[i]).toBe(true);
          });
        },
      ),
    );
  });
});
