import type { ThreadSettings } from '../contract';

export const DEFAULT_TITLE = 'New thread';
const TITLE_MAX_CHARS = 60;

/** What a new thread starts with; provider and model come from the last used thread. */
export function defaultSettings(): ThreadSettings {
  return {
    providerId: null,
    model: null,
    systemPrompt: '',
    params: { stream: true, include_usage: true },
    toolIds: [],
    toolMode: 'manual',
    maxToolRounds: 5,
  };
}

/**
 * A thread title from the first user message: its first non-blank line, whitespace collapsed,
 * at most 60 characters (cut at a word when one ends late enough, marked with an ellipsis).
 * Returns '' when the text has nothing to show.
 */
export function titleFrom(firstUserText: string): string {
  const line = firstUserText
    .split(/\r?\n/u)
    .map((l) =>
      l
        .replace(/^\s*(?:#{1,6}\s+|>\s*)/u, '')
        .replace(/\s+/gu, ' ')
        .trim(),
    )
    .find((l) => l.length > 0);
  if (line === undefined) return '';
  const chars = Array.from(line);
  if (chars.length <= TITLE_MAX_CHARS) return line;
  const cut = chars.slice(0, TITLE_MAX_CHARS - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  const head = lastSpace >= TITLE_MAX_CHARS / 2 ? cut.slice(0, lastSpace) : cut;
  return `${head.trimEnd()}…`;
}
