import { MAX_OPENERS, capEmphasisLine } from './emphasis';

/**
 * Nesting a model can write but the lexer cannot take. marked lexes each quote or list level by
 * recursion, so about 4 KB of `>` or `- ` overflows the stack (the whole message fails), and a
 * list nested by indentation costs the cube of its depth (1,000 levels: 11 s). Before lexing, each
 * line keeps at most MAX_MARKERS container markers (the rest is escaped and reads as text) and at
 * most MAX_INDENT columns of leading blanks. Inside a top-level fenced code block, where deep
 * indentation is ordinary code, the caps are looser but still there: a fence this scan misreads
 * must not let a hostile line through uncapped.
 *
 * The cap is line-local (apart from top-level fences, which a streaming tail never starts inside)
 * and idempotent, so capping a tail that starts at a block gives what capping the whole would.
 */
export const MAX_MARKERS = 16;
export const MAX_INDENT = 48;
const CODE_MARKERS = 128;
const CODE_INDENT = 256;

/** The deepest nesting of quotes and lists capped text can reach outside code blocks. */
export const MAX_DEPTH = MAX_MARKERS + MAX_INDENT / 2 + 1;
/** The deepest it can reach anywhere. */
export const MAX_DEPTH_ANYWHERE = CODE_MARKERS + CODE_INDENT / 2 + 1;

const SPACE = 32;
const TAB = 9;

const isBlank = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Length of a container marker at `i` (`>`, `-`, `*`, `+`, `1.`, `1)`), or 0. */
function markerAt(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c === 62) return 1; // >
  const after = (n: number) => {
    const next = line.charCodeAt(i + n);
    return Number.isNaN(next) || isBlank(next) ? n : 0;
  };
  if (c === 45 || c === 42 || c === 43) return after(1); // - * +
  let n = 0;
  while (n < 9 && isDigit(line.charCodeAt(i + n))) n++;
  if (n === 0) return 0;
  const end = line.charCodeAt(i + n);
  return end === 46 || end === 41 ? after(n + 1) : 0; // . )
}

/** The line with its markers and indentation within the caps (the line itself when they already are). */
function capLine(line: string, maxMarkers: number, maxIndent: number): string {
  let out = '';
  let from = 0;
  let i = 0;
  let markers = 0;
  for (;;) {
    let j = i;
    let columns = 0;
    while (j < line.length && isBlank(line.charCodeAt(j))) {
      columns += line.charCodeAt(j) === TAB ? 4 : 1;
      j++;
    }
    if (columns > maxIndent) {
      out += line.slice(from, i) + ' '.repeat(maxIndent);
      from = j;
    }
    const n = markerAt(line, j);
    if (n === 0) break;
    if (markers === maxMarkers) {
      // Escaping the marker's last character makes it, and everything after it, plain text.
      const at = j + n - 1;
      out += `${line.slice(from, at)}\\`;
      from = at;
      break;
    }
    markers++;
    i = j + n;
  }
  return from === 0 ? line : out + line.slice(from);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/u;

/** `src` (newlines normalised) with every line's nesting within the caps; unchanged when it already is. */
export function capNesting(src: string): string {
  let out: string[] | null = null;
  let fence = '';
  let start = 0;
  let index = 0;
  let openers = MAX_OPENERS;
  for (;;) {
    const end = src.indexOf('\n', start);
    const stop = end === -1 ? src.length : end;
    // Only a line's start matters: a 5 MB line costs a scan of its first few characters.
    const fenceLine = FENCE.exec(src.slice(start, Math.min(stop, start + 256)));
    const inCode = fence !== '';
    if (fenceLine) {
      const [, mark = '', rest = ''] = fenceLine;
      if (!inCode) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length && rest.trim() === '') fence = '';
    }
    const line = src.slice(start, stop);
    let capped = inCode ? capLine(line, CODE_MARKERS, CODE_INDENT) : capLine(line, MAX_MARKERS, MAX_INDENT);
    if (inCode || fenceLine || capped.trim() === '') openers = MAX_OPENERS;
    else {
      // Emphasis is capped per paragraph (emphasis.ts): a blank line or a fence starts a new one.
      const emphasis = capEmphasisLine(capped, openers);
      capped = emphasis.line;
      openers -= emphasis.used;
    }
    if (capped !== line) {
      out ??= [];
      out.push(src.slice(index, start), capped);
      index = stop;
    }
    if (end === -1) break;
    start = end + 1;
  }
  if (out === null) return src;
  out.push(src.slice(index));
  return out.join('');
}
