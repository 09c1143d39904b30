import { LONG_RUN } from './longRuns';

/**
 * How much of a message is rendered at once. Rendering and laying out text costs about its length
 * however it is done, so a frame stays within budget only if what it renders is bounded: a longer
 * message shows its first part and a "Show all" that adds the rest a part per frame. A part is
 * bounded by its cost, not only its length (see RUN_WEIGHT).
 */
export const PART = 32_000;

/**
 * What one character of a long unbroken run (LONG_RUN or more, longRuns.ts) costs, in ordinary
 * characters. Chromium lays out and paints such a run at a cost that grows faster than its
 * length (measured, thread time on this project's machine: 8 KB about 10 ms, 32 KB about 50 ms,
 * where 32 KB of code or prose lays out in 15), so a part holds at most PART / RUN_WEIGHT
 * characters of runs: a 5 MB line is parts of 8,000 characters.
 */
export const RUN_WEIGHT = 4;

/**
 * A message shorter than this is shown whole, in one part: the part budget is for messages large
 * enough for it to matter. A normal answer holding a long base64 token or URL (a run over 8,000
 * characters) used to open as "the first 8 KB" with Show all. Laying out this much costs a frame
 * well within budget even as one long run (break-all, longRuns.ts), and a finished message's
 * costly first part is put in the page in a frame of its own (EAGER_COST). Equal to main's
 * MESSAGE_PREVIEW_CHARS, so a message that arrives clipped is always one with parts (tested).
 */
export const WHOLE = 64_000;

/** Above this cost a finished message's first part is put in the page in a frame of its own (MessageParts). */
export const EAGER_COST = 8_000;

/** Whitespace as `\s` has it: where an unbroken run ends. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const SPACE = /\s/u;

/**
 * Where the first run of LONG_RUN non-space characters in `text` at or after `from` starts, or -1.
 * A candidate with a space is skipped past its last space, so ordinary prose costs a few reads
 * per LONG_RUN characters, not a regex step per character.
 */
function runStart(text: string, from: number): number {
  let start = from;
  while (start + LONG_RUN <= text.length) {
    // Inside a run the regex engine reads the candidate; JavaScript only looks for the last space.
    if (!SPACE.test(text.slice(start, start + LONG_RUN))) return start;
    let at = start + LONG_RUN - 1;
    while (!isSpace(text.charCodeAt(at))) at--;
    start = at + 1;
  }
  return -1;
}

interface Budgeted {
  /** How far from the window's start the budget reaches (the window's length when it all fits). */
  end: number;
  /** What that much costs. */
  cost: number;
  /** The budget ran out inside a long run. */
  inRun: boolean;
}

/**
 * How much of `window` fits in a part's budget, long runs costing RUN_WEIGHT a character.
 * Each run is walked only as far as the budget reaches, so the parts of a 5 MB line cost their
 * own length to find, not the rest of the line each.
 */
function budget(window: string): Budgeted {
  let cost = 0;
  let at = 0;
  for (let start = runStart(window, 0); start !== -1; start = runStart(window, at)) {
    cost += start - at;
    const room = Math.floor((PART - cost) / RUN_WEIGHT);
    // The run's end within reach of the budget, found by the regex engine (a 5 MB line is walked
    // a part at a time, and a loop in JavaScript is slow until it is optimised).
    const reach = window.slice(start + LONG_RUN, start + room + 1);
    const space = reach.search(SPACE);
    const end = start + LONG_RUN + (space === -1 ? reach.length : space);
    if (end - start > room) return { end: start + room, cost: PART, inRun: true };
    cost += (end - start) * RUN_WEIGHT;
    at = end;
  }
  const rest = window.length - at;
  if (cost + rest <= PART) return { end: window.length, cost: cost + rest, inRun: false };
  return { end: at + (PART - cost), cost: PART, inRun: false };
}

/** What rendering `part` costs, in ordinary characters (at most PART for a part of partsOf). */
export function partCost(part: string): number {
  return budget(part.length > PART ? part.slice(0, PART) : part).cost;
}

/**
 * Where the part of `text` starting at `from` ends: where its budget runs out, at a line end in
 * the last quarter when there is one. `whole` is the length of the text `text` begins (a huge
 * message is opened with only its beginning): its first part must be the same either way.
 */
function partEnd(text: string, from: number, whole: number): number {
  const window = text.slice(from, from + PART);
  const { end, inRun } = budget(window);
  const limit = from + end;
  if (limit >= whole) return text.length;
  // The text held ended before the budget did: it is all there is to show of this part.
  if (end === window.length && window.length < PART) return text.length;
  if (!inRun) {
    // Searched in the last quarter only: lastIndexOf over the whole text would scan a 5 MB line per part.
    const windowStart = from + Math.floor(end * 0.75);
    const newline = text.slice(windowStart, limit).lastIndexOf('\n');
    if (newline !== -1) return windowStart + newline + 1;
  }
  // Never split a surrogate pair: half an emoji would show as a replacement character.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff && limit - 1 > from ? limit - 1 : limit;
}

/**
 * The parts of `text`, in order; the first `count` of them (all when `count` is large enough).
 * `whole` is the length of the whole text when `text` is only its beginning. A text shorter than
 * WHOLE is one part.
 */
export function partsOf(text: string, count = Number.POSITIVE_INFINITY, whole = text.length): string[] {
  const total = Math.max(whole, text.length);
  if (total < WHOLE) return text === '' || count < 1 ? [] : [text];
  const parts: string[] = [];
  let from = 0;
  while (from < text.length && parts.length < count) {
    const end = partEnd(text, from, total);
    parts.push(text.slice(from, end));
    from = end;
  }
  return parts;
}

/** Sizes as a person reads them: 5.0 MB, 48 KB, 900 characters. */
export function sizeLabel(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} MB`;
  if (chars >= 1000) return `${Math.round(chars / 1000)} KB`;
  return `${chars} characters`;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/u;

/**
 * Markdown parts as they render on their own: a part that starts inside a fenced code block gets
 * the fence's opening line again, so the rest of a 1 MB code block still shows as code, not as
 * paragraphs of code-like text. (A part ending inside a block is closed by its end, as in marked.)
 */
export function reopenFences(parts: readonly string[]): string[] {
  let fence = '';
  let opening = '';
  let lineStart = true;
  return parts.map((part) => {
    const text = fence === '' ? part : `${opening}\n${part}`;
    for (let start = 0; start < part.length;) {
      const end = part.indexOf('\n', start);
      const stop = end === -1 ? part.length : end;
      // Only a line's start matters: a 5 MB line costs a scan of its first few characters.
      const line = lineStart || start > 0 ? FENCE.exec(part.slice(start, Math.min(stop, start + 256))) : null;
      if (line) {
        const [whole, mark = '', rest = ''] = line;
        if (fence === '') {
          fence = mark;
          opening = whole.trim();
        } else if (mark[0] === fence[0] && mark.length >= fence.length && rest.trim() === '') fence = '';
      }
      if (end === -1) break;
      start = end + 1;
    }
    lineStart = part.endsWith('\n');
    return text;
  });
}
