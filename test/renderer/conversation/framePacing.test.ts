import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../main/contract';
import {
  BUSY_FRAME_MS,
  FRAME_MS,
  FramePacer,
  lastInputAt,
  watchInput,
} from '../../../renderer/src/store/conversation/framePacing';

const text: StreamEvent = {
  type: 'delta',
  streamId: 's1',
  threadId: 't1',
  choices: [{ index: 0, messageId: 'a1', content: 'more' }],
};
const ended: StreamEvent = { type: 'ended', streamId: 's1', threadId: 't1', messages: [] };

/**
 * A frame on a 60 Hz clock: it starts `gap` vsyncs after the one before, `busyMs` of it went to
 * other work before the stream's turn, and a key was pressed `pressedAgo` ms before it began.
 */
interface Frame {
  gap: number;
  busyMs: number;
  end?: boolean;
  pressedAgo?: number | null;
}

function run(pacer: FramePacer, frames: Frame[]): boolean[] {
  let at = 1000;
  return frames.map(({ gap, busyMs, end, pressedAgo }) => {
    at += gap * FRAME_MS;
    const pressed = pressedAgo == null ? undefined : at - pressedAgo;
    return pacer.drawNow(end ? [text, ended] : [text], at, at + busyMs, pressed);
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

  it('leaves the frame after a key press to the key, and draws the text in the one after', () => {
    const pacer = new FramePacer();
    const at = (frame: number) => 1000 + frame * FRAME_MS;
    const drawn = [
      pacer.drawNow([text], at(1), at(1) + 1),
      // A key pressed halfway between frames 1 and 2.
      pacer.drawNow([text], at(2), at(2) + 1, at(1.5)),
      pacer.drawNow([text], at(3), at(3) + 1, at(1.5)),
      pacer.drawNow([text], at(4), at(4) + 1, at(1.5)),
    ];
    expect(drawn).toEqual([true, false, true, true]);
  });

  it('hears the keys and pointer presses of the whole window, before any handler', () => {
    const window = new EventTarget();
    watchInput(window as unknown as Window);
    const key = new Event('keydown', { cancelable: true });
    window.dispatchEvent(key);
    expect(lastInputAt()).toBe(key.timeStamp);
    const press = new Event('pointerdown');
    window.dispatchEvent(press);
    expect(lastInputAt()).toBe(press.timeStamp);
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
            pressedAgo: fc.option(fc.double({ min: -5, max: 60, noNaN: true })),
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
