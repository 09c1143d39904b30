// Deterministic markdown of the kind answers contain (prose, lists, fenced code, the odd table),
// so every run renders the same work.

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to and in is that for it with as on be this by are from or an which at not have can ' +
  'request stream token model thread message answer render frame cache parser block buffer value ' +
  'function latency index query result provider context window batch update layout paint scroll ' +
  'returns because while before after each every only when since until whether instead usually'
).split(' ');
const STYLED = [
  '**important**',
  '`config.json`',
  '*briefly*',
  '[the docs](https://example.com/docs)',
  '`useMemo`',
];

const pickOf = <T>(items: readonly T[], next: () => number): T =>
  items[Math.floor(next() * items.length)] as T;

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 14);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(next() < 0.05 ? pickOf(STYLED, next) : pickOf(WORDS, next));
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function paragraph(next: () => number): string {
  const count = 2 + Math.floor(next() * 4);
  return Array.from({ length: count }, () => sentence(next)).join(' ');
}

function list(next: () => number): string {
  const count = 3 + Math.floor(next() * 4);
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${sentence(next)}`).join('\n');
}

const CODE_LINES = [
  'const result = await fetch(url, { method: "POST", body: JSON.stringify(payload) });',
  'for (let i = 0; i < items.length; i += 1) total += items[i].tokens;',
  'if (!response.ok) throw new Error(`request failed: ${response.status}`);',
  'export function mergeChunks(chunks: string[]): string { return chunks.join(""); }',
  'const cache = new Map<string, number>(); // keyed by message id',
  'return rows.filter((row) => row.status === "complete").map((row) => row.id);',
  'setState((prev) => ({ ...prev, text: prev.text + delta }));',
  'await db.exec("CREATE INDEX IF NOT EXISTS usage_at ON usage (at)");',
];

function code(next: () => number): string {
  const lang = pickOf(['ts', 'python', 'sql', 'bash', 'json'], next);
  const count = 4 + Math.floor(next() * 12);
  const lines = Array.from({ length: count }, () => `${next() < 0.3 ? '  ' : ''}${pickOf(CODE_LINES, next)}`);
  return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

function table(next: () => number): string {
  const rows = Array.from(
    { length: 3 + Math.floor(next() * 4) },
    () => `| ${pickOf(WORDS, next)} | ${Math.floor(next() * 1000)} | ${pickOf(WORDS, next)} |`,
  );
  return ['| name | tokens | note |', '| --- | ---: | --- |', ...rows].join('\n');
}

/** One markdown block: mostly prose, regularly code. */
function block(next: () => number, withCode: boolean): string {
  const r = next();
  if (withCode && r < 0.22) return code(next);
  if (r < 0.32) return list(next);
  if (r < 0.35) return table(next);
  if (r < 0.4) return `## ${sentence(next).slice(0, -1)}`;
  return paragraph(next);
}

/** A whole answer of about `chars` characters. */
export function markdownOf(seed: number, chars: number, withCode = true): string {
  const next = random(seed);
  const blocks: string[] = [];
  let length = 0;
  while (length < chars) {
    const b = block(next, withCode);
    blocks.push(b);
    length += b.length + 2;
  }
  return blocks.join('\n\n');
}

/**
 * Exactly `count` tokens as the mock provider counts them (`\s*\S+`): whole blocks (so no code
 * fence is left open), prose words to make up the count, and `marker` (one token) last.
 */
export function tokensOf(seed: number, count: number, marker: string): string {
  const next = random(seed);
  const parts: string[] = [];
  let used = 0;
  for (;;) {
    const b = `${parts.length === 0 ? '' : '\n\n'}${block(next, true)}`;
    const n = countTokens(b);
    if (used + n > count - 1) break;
    parts.push(b);
    used += n;
  }
  for (let i = 0; used < count - 1; i++, used++)
    parts.push(`${i === 0 ? '\n\n' : ' '}${pickOf(WORDS, next)}`);
  return `${parts.join('')}\n\n${marker}`;
}

export const countTokens = (text: string): number => (text.match(/\s*\S+/g) ?? []).length;
