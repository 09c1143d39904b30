const LF = 10;
const CR = 13;
const COLON = 58;

/** A field line (data:, event:, id:…) received bytes: the answer is moving. */
export const LINE_PROGRESS = 1;
/** A line passed the limit. */
export const LINE_TOO_LONG = 2;

const isEnd = (byte: number | undefined): boolean => byte === LF || byte === CR;

/**
 * Measures an event stream as bytes arrive, without decoding or copying them: how long the
 * unfinished line is (eventsource-parser buffers it whole, so an endless line would grow main
 * without bound), and whether anything but `: comment` lines came. Keep-alive comments alone are
 * not progress, so they cannot hold the idle timer open forever. The common chunk (starting in or
 * at a data line, far from the limit) costs two backward scans; only chunks that start with a
 * comment or come near the limit are walked line by line.
 */
export class LineMeter {
  private lineLength = 0;
  private comment = false;
  /** After LINE_TOO_LONG: where the overlong line's bytes begin in that chunk (what came before is whole). */
  cutOffset = 0;

  constructor(private readonly maxBytes: number) {}

  /** Flags (LINE_PROGRESS | LINE_TOO_LONG) for one chunk, in arrival order. */
  measure(bytes: Uint8Array): number {
    const n = bytes.length;
    if (n === 0) return 0;
    const first = bytes[0];
    const startsInField = !isEnd(first) && (this.lineLength > 0 ? !this.comment : first !== COLON);
    if (!startsInField || this.lineLength + n > this.maxBytes) return this.walk(bytes);
    // Fast path: progress is known, no line can pass the limit; only the tail line's state is kept.
    let last = bytes.lastIndexOf(LF);
    for (let i = n - 1; i > last; i -= 1) {
      if (bytes[i] === CR) {
        last = i;
        break;
      }
    }
    if (last === -1) {
      // Still the field line this chunk started in (or began).
      this.lineLength += n;
      this.comment = false;
    } else {
      this.lineLength = n - last - 1;
      this.comment = bytes[last + 1] === COLON;
    }
    return LINE_PROGRESS;
  }

  private walk(bytes: Uint8Array): number {
    let flags = 0;
    const n = bytes.length;
    let pos = 0;
    let nextLF = -2;
    let nextCR = -2;
    while (pos < n) {
      // Each index is searched again only once passed, so a chunk is scanned about twice at most.
      if (nextLF !== -1 && nextLF < pos) nextLF = bytes.indexOf(LF, pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = bytes.indexOf(CR, pos);
      const end = Math.min(nextLF === -1 ? n : nextLF, nextCR === -1 ? n : nextCR);
      if (end > pos) {
        if (this.lineLength === 0) this.comment = bytes[pos] === COLON;
        this.lineLength += end - pos;
        if (!this.comment) flags |= LINE_PROGRESS;
        if (this.lineLength > this.maxBytes && !(flags & LINE_TOO_LONG)) {
          this.cutOffset = pos;
          flags |= LINE_TOO_LONG;
        }
      }
      if (end === n) break;
      this.lineLength = 0;
      pos = end + 1;
    }
    return flags;
  }
}
