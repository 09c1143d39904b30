import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCode, renderLiveCode } from '../../../renderer/src/markdown/code';
import { escapeHtml } from '../../../renderer/src/markdown/escape';

/** Lines of the kinds models write, including strings and comments that span lines. */
const LINES: Record<string, string[]> = {
  ts: [
    'const result = await fetch(url, { method: "POST", body: JSON.stringify(payload) });',
    'for (let i = 0; i < items.length; i += 1) total += items[i].tokens;',
    'if (!response.ok) throw new Error(`request failed: ${response.status}`);',
    'export function mergeChunks(chunks: string[]): string {',
    '  return chunks.join("");',
    '}',
    '/* a comment',
    '   that spans lines */',
    'const template = `first line',
    'second line ${value}`;',
    'class Cache<T> extends Map<string, T> { // keyed by id',
    '',
  ],
  python: [
    'def merge(chunks: list[str]) -> str:',
    '    """Join the chunks.',
    '    Keeps order."""',
    '    return "".join(chunks)',
    '@dataclass',
    'class Usage:',
    '    tokens: int = 0  # counted by the server',
    "x = f'{value!r:>10}'",
    '',
  ],
  json: [
    '{',
    '  "model": "gpt-4o",',
    '  "messages": [',
    '    {"role": "user", "content": "hi"}',
    '  ],',
    '  "n": 2',
    '}',
  ],
  sql: [
    'SELECT id, created_at',
    'FROM messages',
    "WHERE content LIKE '%multi",
    "line%'",
    '  AND thread_id = ?;',
    '-- done',
  ],
};

const blockArb = fc
  .constantFrom(...Object.keys(LINES))
  .chain((lang) =>
    fc
      .array(fc.constantFrom(...(LINES[lang] ?? [])), { minLength: 1, maxLength: 30 })
      .map((lines) => ({ lang, code: lines.join('\n') })),
  );

/** What a code block being written should show: its finished lines highlighted as a whole, the last one plain. */
function expectedOpen(text: string, lang: string): string {
  const lineEnd = text.lastIndexOf('\n') + 1;
  const done = renderCode(text.slice(0, lineEnd), lang);
  return done.replace('</code></pre></div>', `${escapeHtml(text.slice(lineEnd))}</code></pre></div>`);
}

function steps(code: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * code.length))), code.length];
  return points.sort((a, b) => a - b).map((p) => code.slice(0, p));
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 });

describe('code blocks highlighted while they stream', () => {
  it('shows a block being written with its finished lines exactly as highlighting them whole would', () => {
    fc.assert(
      fc.property(blockArb, cutsArb, ({ lang, code }, cuts) => {
        for (const text of steps(code, cuts))
          expect(renderLiveCode(text, lang, true)).toBe(expectedOpen(text, lang));
      }),
      { numRuns: 300 },
    );
  });

  it('highlights a finished block exactly as a whole, after streaming it or not', () => {
    fc.assert(
      fc.property(blockArb, cutsArb, fc.boolean(), ({ lang, code }, cuts, streamedFirst) => {
        if (streamedFirst) for (const text of steps(code, cuts)) renderLiveCode(text, lang, true);
        expect(renderLiveCode(code, lang)).toBe(renderCode(code, lang));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves code in an unknown or missing language plain', () => {
    expect(renderLiveCode('a < b\nc', 'nonsense')).toBe(renderCode('a < b\nc', 'nonsense'));
    expect(renderLiveCode('a < b\nc', undefined, true)).toContain('a &lt; b\nc');
  });
});
