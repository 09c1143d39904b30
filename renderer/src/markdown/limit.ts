/**
 * How much of a message is rendered at first. Rendering and laying out text costs about its length
 * however it is done (Chromium lays out 64 KB of one unbroken line in 17 ms at best), so a frame
 * stays within budget only if what it renders is bounded: a longer message shows its first part
 * and a "Show all" that adds the rest a part per frame.
 */
export const PART = 32_000;

/** Where the part of `text` starting at `from` ends: at a line end in its last quarter when there is one. */
function partEnd(text: string, from: number): number {
  const limit = from + PART;
  if (limit >= text.length) return text.length;
  // Searched in the last quarter only: lastIndexOf over the whole text would scan a 5 MB line per part.
  const windowStart = from + PART * 0.75;
  const newline = text.slice(windowStart, limit).lastIndexOf('\n');
  if (newline !== -1) return windowStart + newline + 1;
  // Never split a surrogate pair: half an emoji would show as a replacement character.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The parts of `text`, in order; the first `count` of them (all when `count` is large enough). */
export function partsOf(text: string, count = Number.POSITIVE_INFINITY): string[] {
  const parts: string[] = [];
  let from = 0;
  while (from < text.length && parts.length < count) {
    const end = partEnd(text, from);
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
