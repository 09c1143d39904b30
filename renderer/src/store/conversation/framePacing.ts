import type { StreamEvent } from '../../../../main/contract';

/** One display frame at 60 Hz, the rate every frame budget here is counted in. */
export const FRAME_MS = 1000 / 60;
/**
 * Work done in this frame before the stream's turn (keys typed, a scroll, another animation
 * callback) beyond which new text waits a frame: drawing it now would push this frame, and the
 * key's echo with it, past the next vsync.
 */
export const BUSY_FRAME_MS = 4;

/** When the user last pressed a key or a pointer button, on performance.now()'s clock. */
let inputAt = Number.NEGATIVE_INFINITY;

/**
 * Notes each key and pointer press in the window (capture phase, before any handler runs): the
 * frame after it should show its echo, not a stream's text.
 */
export function watchInput(target: Pick<Window, 'addEventListener'>): void {
  const note = (event: Event) => {
    inputAt = event.timeStamp;
  };
  for (const type of ['keydown', 'pointerdown'])
    target.addEventListener(type, note, { capture: true, passive: true });
}

/** The last press `watchInput` saw. */
export const lastInputAt = (): number => inputAt;

/**
 * Decides, frame by frame, whether the text that arrived is drawn now or in the next frame.
 *
 * A fast stream gives every frame new text to lay out and paint. While frames keep their budget
 * that is what a reader wants; once they run late (the previous frame overran, or work in this
 * frame already used its start), or a key was just pressed, drawing the text in every other frame
 * leaves the other frames for typing and scrolling: a key's echo is painted in the first frame
 * after it instead of behind a frame of text. Text never waits more than one frame, and a batch
 * with anything but text (a stream starting, ending or failing) is never held back, so the final
 * text is drawn at once.
 */
export class FramePacer {
  /** The start of the last frame the stream was drawn or deferred in. */
  private last = Number.NEGATIVE_INFINITY;
  private deferred = false;

  /**
   * `frameStart` is the frame's time (requestAnimationFrame's argument), `now` the time the
   * stream's callback runs, `inputAt` the last key or pointer press, all on performance.now()'s
   * clock. True: draw the batch now.
   */
  drawNow(
    batch: readonly StreamEvent[],
    frameStart: number,
    now: number,
    inputAt = Number.NEGATIVE_INFINITY,
  ): boolean {
    const sinceLast = frameStart - this.last;
    this.last = frameStart;
    if (this.deferred || batch.some((e) => e.type !== 'delta')) {
      this.deferred = false;
      return true;
    }
    // The frame before ran late: a gap of 2–3 frames. A longer one means the stream was quiet.
    const lateBefore = sinceLast > FRAME_MS * 1.5 && sinceLast < FRAME_MS * 3.5;
    const busyNow = now - frameStart > BUSY_FRAME_MS;
    const justPressed = frameStart - inputAt < FRAME_MS * 1.5;
    this.deferred = lateBefore || busyNow || justPressed;
    return !this.deferred;
  }
}
