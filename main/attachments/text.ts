/** Names and text as they go on the wire: fenced, named, with nothing hidden in the name. */

// Controls, format characters (bidi overrides, zero-widths), line and paragraph separators.
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export interface WireName {
  name: string;
  /** Set when the name held characters that would hide or reorder what it says. */
  note: string | null;
}

/**
 * The file name sent to the provider and written into fences. A right-to-left override or a
 * newline in a name would let a file pose as another or break out of its fence; each such
 * character becomes `_` and the chip says so.
 */
export function wireName(name: string): WireName {
  const trimmed = name.trim() === '' ? 'file' : name.trim();
  const hidden = [...trimmed.matchAll(HIDDEN)].map(
    (m) => `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  const cleaned = trimmed.replace(HIDDEN, '_').replace(/`/g, "'").slice(0, 255);
  if (hidden.length === 0) return { name: cleaned, note: null };
  const unique = [...new Set(hidden)];
  return {
    name: cleaned,
    note: `the name held hidden or direction-changing characters (${unique.slice(0, 4).join(', ')}${unique.length > 4 ? ', …' : ''}); sent as “${cleaned}”`,
  };
}

/** A fence longer than any run of backticks inside, so the text cannot close it early. */
function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A text or code file as one text part: its name on the fence, so the model can cite it. */
export function fencedFile(name: string, text: string): string {
  const fence = fenceFor(text);
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${name}\n${body}${fence}`;
}

/** The page marker that precedes each page of text extracted from a PDF. */
export const pageMarker = (page: number, pages: number): string => `--- Page ${page} of ${pages} ---`;

/** A PDF sent as text: a header saying what it is, then each page after its marker. */
export function pdfTextPart(name: string, pages: number, text: string): string {
  return `${name} (PDF, ${pages} page${pages === 1 ? '' : 's'}, text extracted)\n\n${text}`;
}
