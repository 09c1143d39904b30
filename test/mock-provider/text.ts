/** Deterministic reply texts and the token splitter shared by stream and non-stream answers. */

const CODE_WORDS =
  /\b(code|function|script|program|snippet|typescript|javascript|python|rust|sql|regex|class)\b/i;

function quote(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

function keywords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  return [...new Set(words)].slice(0, 3);
}

/** Choice index > 0 gets a different opening so `n > 1` choices are distinct. */
const OPENINGS = [
  'You asked',
  'Another take on your question',
  'A third angle on what you wrote',
  'Put differently, you asked',
];

export function defaultReply(userText: string, model: string, choiceIndex: number): string {
  const asked = quote(userText, 160) || '(an empty message)';
  const topics = keywords(userText);
  const opening = OPENINGS[choiceIndex % OPENINGS.length] ?? 'You asked';
  const suffix = choiceIndex >= OPENINGS.length ? ` (variant ${choiceIndex + 1})` : '';
  const lines = [
    `${opening}: "${asked}"${suffix}.`,
    '',
    `This is a **deterministic** answer from the mock provider running \`${model}\`. ` +
      'It restates your message in a few sentences so streaming, rendering and storage can be checked.',
    '',
    `- Main topic: ${topics[0] ?? 'general'}`,
    `- Related: ${topics.slice(1).join(', ') || 'none'}`,
  ];
  if (CODE_WORDS.test(userText)) {
    lines.push('', '```ts', 'function echo(text: string): string {', '  return text;', '}', '```');
  }
  lines.push('', 'Let me know if you want more detail.');
  return lines.join('\n');
}

export function defaultReasoning(userText: string): string {
  const asked = quote(userText, 80) || 'an empty message';
  return `The user wrote "${asked}". I should restate it briefly, keep the answer short and use markdown.`;
}

export function toolResultReply(toolName: string, result: string): string {
  return `The tool \`${toolName}\` returned: ${quote(result, 400)}\n\nBased on that result, here is the answer you asked for.`;
}

/** Word-sized pieces that keep their leading whitespace, so joining them restores the text. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

export function splitBySize(text: string, size: number): string[] {
  const pieces: string[] = [];
  const chars = Array.from(text); // code points, so a piece never splits a surrogate pair
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

export function splitIntoCount(text: string, count: number): string[] {
  const chars = Array.from(text);
  if (count <= 1 || chars.length <= 1) return chars.length === 0 ? [] : [text];
  const parts = Math.min(count, chars.length);
  const pieces: string[] = [];
  for (let i = 0; i < parts; i += 1) {
    const start = Math.floor((i * chars.length) / parts);
    const end = Math.floor(((i + 1) * chars.length) / parts);
    pieces.push(chars.slice(start, end).join(''));
  }
  return pieces;
}

const FILLER = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit'];

/** `count` one-token pieces; a blank line every 64 tokens keeps long outputs renderable as paragraphs. */
export function fillerPieces(count: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const word = FILLER[i % FILLER.length] ?? 'lorem';
    const sep = i === 0 ? '' : i % 64 === 0 ? '\n\n' : ' ';
    pieces.push(`${sep}${word}`);
  }
  return pieces;
}

/** Rough prompt size: about four characters per token plus a little per message. */
export function estimateTokens(texts: readonly string[]): number {
  return texts.reduce((sum, t) => sum + 4 + Math.ceil(t.length / 4), 0);
}

/** Small stable hash for ids, fingerprints and logprob values. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
