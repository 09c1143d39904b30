/** Longest query text considered, and most words: enough for any real search, bounded cost. */
const MAX_CHARS = 256;
const MAX_WORDS = 12;
/** A prefix shorter than this would fan out over most of the vocabulary; such a word matches whole. */
const MIN_PREFIX_CHARS = 2;

/** Characters the FTS tokenizer (unicode61) keeps inside a token; a word without one matches nothing. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const NON_TOKEN = /[^\p{L}\p{N}\p{Co}]+/u;
const CONTROL = /\p{Cc}/gu;

const quote = (word: string): string => `"${word.replaceAll('"', '""')}"`;

/**
 * Turns what the user typed into an FTS5 MATCH expression that cannot be a syntax error: every
 * word is a quoted string (so `NEAR`, `OR`, `-`, `col:` and quotes are plain text), words are
 * ANDed, and the word still being typed (no space after it yet) matches as a prefix.
 * Returns null when nothing searchable is left.
 */
export function toMatchExpression(input: string): string | null {
  const text = input.slice(0, MAX_CHARS).replace(CONTROL, ' ').normalize('NFC');
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const all = words.filter((w) => TOKEN_CHAR.test(w));
  const searchable = all.slice(0, MAX_WORDS);
  if (searchable.length === 0) return null;
  const last = words[words.length - 1] ?? '';
  const typing = !/\s$/u.test(text) && TOKEN_CHAR.test(last) && all.length <= MAX_WORDS;
  const lastToken =
    last
      .split(NON_TOKEN)
      .filter((t) => t !== '')
      .pop() ?? '';
  const prefix = typing && Array.from(lastToken).length >= MIN_PREFIX_CHARS;
  return searchable
    .map((w, i) => (prefix && i === searchable.length - 1 ? `${quote(w)}*` : quote(w)))
    .join(' ');
}
