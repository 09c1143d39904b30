/** The scroll box's side of following: its position and sizes. */
export type ScrollBox = Pick<HTMLElement, 'scrollTop' | 'scrollHeight' | 'clientHeight'>;

export interface EndFollower {
  /** The box scrolled, by anyone: the reader scrolling up leaves the end, scrolling down to it follows again. */
  scrolled(): void;
  /** The box or what it shows changed size, laid out: back to the end when following. */
  resized(): void;
  /** "Show all" on a finished answer: the reader stays where they are until they move. */
  hold(): void;
  /** The reader moved on: following again when at the end. */
  release(): void;
  /** A jump to a message is coming: no longer following (the scroll it makes decides again). */
  stop(): void;
  /** The reader asked for an answer: to the end now, and following it. */
  follow(): void;
}

/**
 * Keeps `box` at its end while the reader is there, as the answer at its end grows.
 *
 * It writes the position only in `resized`, which a ResizeObserver calls after layout: reading the
 * height and writing the position there costs no layout of its own. The scroll event of that write
 * comes a frame later, and more text may have come in between: it is recognised as the follower's
 * own by its position, and does not count as the reader leaving the end.
 *
 * `answer` is the height of the answer being written at the end (0 when none is): what it grew by
 * since the last paint is text the reader has not seen, and does not keep them from its end.
 */
export function followEnd(box: ScrollBox, threshold: number, answer: () => number = () => 0): EndFollower {
  let following = true;
  let held = false;
  /** Where the box was at its last scroll event, and where the follower last put it. */
  let lastTop = box.scrollTop;
  let written = Number.NaN;
  /** The answer's height as last laid out and painted (read in `resized`, after layout). */
  let seenAnswer = answer();
  const toGo = () => box.scrollHeight - box.clientHeight - box.scrollTop;
  const atEnd = () => toGo() <= threshold;
  const toEnd = () => {
    box.scrollTop = box.scrollHeight;
    // A reader's scroll in the same frame comes in the same event: it is measured from here.
    written = lastTop = box.scrollTop;
  };
  return {
    scrolled() {
      const top = box.scrollTop;
      const previous = lastTop;
      lastTop = top;
      // Only the first scroll event after a write can be the write's own.
      const own = top === written;
      written = Number.NaN;
      if (held || own) return;
      // Up leaves the end unless it stays within the threshold. Down never leaves it, and comes back
      // to it within a third of the view from the end, not counting what the answer grew by since
      // the reader saw it: on a busy machine many lines can come in between the reader's scroll to
      // the end and its event. (Not "at the end they saw" by the whole height: rows loaded above
      // move the position down by their height, and the end with them.)
      const unseen = Math.max(0, answer() - seenAnswer);
      following =
        top < previous ? atEnd() : following || toGo() - unseen <= Math.max(threshold, box.clientHeight / 3);
    },
    resized() {
      seenAnswer = answer();
      if (following) toEnd();
    },
    hold() {
      held = true;
      following = false;
    },
    release() {
      if (!held) return;
      held = false;
      following = atEnd();
    },
    stop() {
      following = false;
    },
    follow() {
      held = false;
      following = true;
      toEnd();
    },
  };
}
