export interface SnippetPart {
  text: string;
  hit: boolean;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Splits a search snippet into plain and matched parts. Main wraps matches in \u0001 … \u0002;
 * an unbalanced marker (a snippet cut mid-match) still yields readable text.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text !== '') {
      const last = parts.at(-1);
      if (last && last.hit === hit) last.text += text;
      else parts.push({ text, hit });
    }
    text = '';
  };
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      hit = ch === OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}
