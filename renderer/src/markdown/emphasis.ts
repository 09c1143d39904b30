/**
 * Emphasis a model can write but the inline lexer cannot take. marked matches each opening `*`,
 * `_` or `~` run by searching the rest of its paragraph for a closer, so a paragraph of hundreds
 * of unclosed openers (`*a *a *a …`) costs the square of its length (1,000: about a second), and
 * a run of thousands of `*` overflows the stack. Before lexing, a paragraph keeps at most
 * MAX_OPENERS runs that can open emphasis, and no run longer than MAX_RUN: the rest are escaped
 * and read as the characters they are. Ordinary text has far fewer, and is left as it is.
 *
 * The budget is per paragraph (it restarts at a blank line), so capping a streaming tail that
 * starts at a block gives what capping the whole would; capping is idempotent (an escaped run
 * is no longer a run).
 */
export const MAX_OPENERS = 64;
export const MAX_RUN = 8;

const isBlank = (c: number) => c === 32 || c === 9 || Number.isNaN(c);
const isDelimiter = (c: number) => c === 42 || c === 95 || c === 126; // * _ ~
const BACKTICK = 96;
const BACKSLASH = 92;
/** A line of only these is a thematic break or a setext underline, never emphasis. */
const RULE = /^[ \t]*[*_~=-][*_~=\- \t]*$/u;

/** `line` with its runs past the budget escaped; `used` is how many openers it spent. */
export function capEmphasisLine(line: string, budget: number): { line: string; used: number } {
  if (!/[*_~]/u.test(line) || RULE.test(line)) return { line, used: 0 };
  let out = '';
  let from = 0;
  let used = 0;
  let code = 0; // length of the backtick run that opened a code span on this line, 0 outside
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
      continue;
    }
    let j = i + 1;
    while (line.charCodeAt(j) === c) j++;
    if (c === BACKTICK) {
      // Code spans are shown as written: an escape inside one would show.
      if (code === 0) code = j - i;
      else if (code === j - i) code = 0;
    } else if (code === 0 && isDelimiter(c)) {
      const opens = !isBlank(line.charCodeAt(j));
      const tooLong = j - i > MAX_RUN;
      if (opens && used < budget && !tooLong) used++;
      else if (opens || tooLong) {
        out += line.slice(from, i) + line.slice(i, j).replace(/[*_~]/gu, '\\$&');
        from = j;
      }
    }
    i = j;
  }
  return { line: from === 0 ? line : out + line.slice(from), used };
}
