import type { McpFlag } from '../contract';

/**
 * Tool descriptions go to the model verbatim, so a server can hide instructions in them: text the
 * user cannot see (Unicode tags, bidi overrides, zero-width characters) or text that speaks to the
 * model instead of describing the tool. Both are flagged; nothing is removed silently.
 */

interface HiddenRange {
  from: number;
  to: number;
  kind: string;
}

const HIDDEN: readonly HiddenRange[] = [
  { from: 0xe0000, to: 0xe007f, kind: 'Unicode tag characters' },
  { from: 0x202a, to: 0x202e, kind: 'bidirectional overrides' },
  { from: 0x2066, to: 0x2069, kind: 'bidirectional isolates' },
  { from: 0x200e, to: 0x200f, kind: 'direction marks' },
  { from: 0x061c, to: 0x061c, kind: 'direction marks' },
  { from: 0x200b, to: 0x200d, kind: 'zero-width characters' },
  { from: 0x2060, to: 0x2064, kind: 'zero-width characters' },
  { from: 0xfeff, to: 0xfeff, kind: 'zero-width characters' },
  { from: 0x180e, to: 0x180e, kind: 'zero-width characters' },
  { from: 0x00ad, to: 0x00ad, kind: 'soft hyphens' },
  { from: 0xe0100, to: 0xe01ef, kind: 'variation selectors' },
];

export interface HiddenChar {
  index: number;
  codePoint: number;
  kind: string;
}

/** Every invisible or direction-changing character in `text`, with its position (UTF-16 index). */
export function findHiddenUnicode(text: string): HiddenChar[] {
  const found: HiddenChar[] = [];
  let index = 0;
  let previous = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const range = HIDDEN.find((r) => codePoint >= r.from && codePoint <= r.to);
    if (range) found.push({ index, codePoint, kind: range.kind });
    else if (isBmpSelector(codePoint) && (previous < 0x2000 || isBmpSelector(previous)))
      // After an emoji a selector picks its style; after a letter, or in a run, it only hides bytes.
      found.push({ index, codePoint, kind: 'variation selectors' });
    previous = codePoint;
    index += char.length;
  }
  return found;
}

const isBmpSelector = (cp: number): boolean => cp >= 0xfe00 && cp <= 0xfe0f;

/** The tag characters decoded (they mirror ASCII): what a hidden tag message says. */
export function decodeTags(text: string): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp > 0xe0000 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out;
}

/** Phrases that address the model rather than describe a tool (tool-poisoning patterns seen in the wild). */
const INSTRUCTION_LIKE: readonly RegExp[] = [
  /\bignore (?:all |any )?(?:previous|prior|above|other) (?:instructions|prompts|rules)\b/i,
  /\b(?:do not|don't|never) (?:tell|inform|mention|reveal|show)\b[^.]{0,40}\b(?:user|human)\b/i,
  /<\s*(?:important|system|instructions?|secret)\s*>/i,
  /\b(?:system prompt|developer message)\b/i,
  /\bbefore (?:using|calling) (?:this|any) tool\b[^.]{0,80}\b(?:read|send|call|pass|include)\b/i,
  /\b(?:~\/\.ssh|id_rsa|\.env\b|\.aws\/credentials|mcp\.json|api[_ ]?keys?)\b/i,
  /\byou (?:must|should) (?:always|first|now)\b/i,
  /\bact as\b|\bpretend (?:to be|you are)\b/i,
];

export function instructionLike(text: string): string[] {
  const hits: string[] = [];
  for (const pattern of INSTRUCTION_LIKE) {
    const match = pattern.exec(text);
    if (match) hits.push(match[0]);
  }
  return hits;
}

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The flags shown beside a tool: hidden characters (by kind, with the first few code points) and instruction-like text. */
export function descriptionFlags(text: string): McpFlag[] {
  const flags: McpFlag[] = [];
  const hidden = findHiddenUnicode(text);
  if (hidden.length > 0) {
    const kinds = [...new Set(hidden.map((h) => h.kind))].join(', ');
    const sample = hidden
      .slice(0, 4)
      .map((h) => hex(h.codePoint))
      .join(' ');
    const tags = decodeTags(text);
    flags.push({
      kind: 'hidden_unicode',
      detail: `${hidden.length} hidden character${hidden.length === 1 ? '' : 's'} (${kinds}: ${sample}${hidden.length > 4 ? ' …' : ''})${tags ? `; the tags spell "${tags.slice(0, 200)}"` : ''}`,
    });
  }
  for (const hit of instructionLike(text)) {
    flags.push({
      kind: 'instruction_like',
      detail: `reads like an instruction to the model: "${hit.slice(0, 120)}"`,
    });
  }
  return flags;
}

/** The text with each hidden character shown as ⟦U+XXXX⟧, for the consent and diff views. */
export function revealHidden(text: string): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    out += HIDDEN.some((r) => cp >= r.from && cp <= r.to) || isBmpSelector(cp) ? `⟦${hex(cp)}⟧` : char;
  }
  return out;
}
