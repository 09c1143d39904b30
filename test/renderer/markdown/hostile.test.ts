import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_DEPTH_ANYWHERE, capNesting } from '../../../renderer/src/markdown/depth';
import { emptyMarkdown, updateMarkdown } from '../../../renderer/src/markdown/incremental';
import { renderMarkdown } from '../../../renderer/src/markdown/render';
import { stableChunkHtml, tailHtml } from '../../../renderer/src/markdown/streamingCache';
import type { IncrementalMarkdown } from '../../../renderer/src/markdown/incremental';
import { loadMath } from '../../../renderer/src/markdown/mathRender';

// The app fetches KaTeX on the first formula; here it is loaded before any render.
beforeAll(() => loadMath());

/** The deepest nesting of quotes and lists in rendered HTML. */
function containerDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const [, close] of html.matchAll(/<(\/?)(?:blockquote|ul|ol)\b/g)) {
    depth += close === '/' ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}

/** What a streaming view shows for `text` fed in `pieces` steps. */
function streamed(text: string, pieces: number): string {
  let state: IncrementalMarkdown = emptyMarkdown;
  const step = Math.max(1, Math.ceil(text.length / pieces));
  for (let end = step; end < text.length + step; end += step)
    state = updateMarkdown(state, text.slice(0, end));
  return state.chunks.map(stableChunkHtml).join('') + tailHtml(state, false);
}

const indentedList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

const HOSTILE: Record<string, string> = {
  'quotes, 4 KB': `${'>'.repeat(4000)} deep`,
  'spaced quotes, 4 KB': `${'> '.repeat(2000)}deep`,
  'list markers, 4 KB': `${'- '.repeat(2000)}deep`,
  'ordered markers': `${'1. '.repeat(1500)}deep`,
  'mixed markers': `${'> - 1) * '.repeat(600)}deep`,
  'a list nested by indentation, 1,000 levels': indentedList(1000),
  'quotes on every line': Array.from({ length: 300 }, (_, i) => '>'.repeat(i * 10) + ' line').join('\n'),
};

describe('hostile nesting', () => {
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`renders ${name} within the depth cap, finished and streaming`, () => {
      const finished = renderMarkdown(text);
      expect(finished).toMatch(/deep|level|line/);
      expect(containerDepth(finished)).toBeLessThanOrEqual(MAX_DEPTH);
      const live = streamed(text, 7);
      expect(containerDepth(live)).toBeLessThanOrEqual(MAX_DEPTH);
    });
  }

  it('keeps what a capped line says: the excess markers read as text', () => {
    const html = renderMarkdown(`${'>'.repeat(40)} deep`);
    expect(containerDepth(html)).toBeLessThan(40);
    expect(html).toMatch(/&gt;+ deep/);
  });

  it('leaves ordinary nesting and code alone', () => {
    const text = `> quote\n> > inner\n\n- a\n  - b\n    - c\n\n\`\`\`\n${'>'.repeat(50)}\n${' '.repeat(80)}x\n\`\`\``;
    expect(capNesting(text)).toBe(text);
  });

  it('is idempotent and line-local, so the streaming tail caps like the whole', () => {
    const line = fc.oneof(
      fc.stringMatching(/^[ \t>*+\-1.)x`~]{0,120}$/),
      fc.constantFrom('```', '~~~~', '    code', ''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 12 }), (a, b) => {
        const whole = [...a, ...b].join('\n');
        const once = capNesting(whole);
        expect(capNesting(once)).toBe(once);
        const fences = (a.join('\n').match(/(^|\n) {0,3}(`{3,}|~{3,})/g) ?? []).length;
        if (a.length > 0 && b.length > 0 && fences === 0) {
          expect(capNesting(a.join('\n')) + '\n' + capNesting(b.join('\n'))).toBe(once);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Random nested structures: containers stacked to any depth, around code, tables and html. */
const LEAF = [
  'text *em* `code`',
  '```js\nx\n```',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '<div>html</div>',
  '$x^2$',
  '',
];
const CONTAINER = ['>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '  ', '\t'];
const nested = fc
  .array(
    fc.tuple(
      fc.array(fc.constantFrom(...CONTAINER), { maxLength: 60 }),
      fc.integer({ min: 1, max: 120 }),
      fc.constantFrom(...LEAF),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((blocks) =>
    blocks
      .map(
        ([prefix, repeat, leaf]) =>
          `${prefix.join('').repeat(repeat)}${leaf.replaceAll('\n', `\n${prefix.join('')}`)}`,
      )
      .join('\n'),
  );

describe('fuzzing the renderer with nested structures', () => {
  it('never throws and never nests past the cap, finished or streaming', () => {
    fc.assert(
      fc.property(nested, fc.integer({ min: 1, max: 9 }), (text, pieces) => {
        // A fence this scan misreads gets the looser caps of code; without fences the strict ones hold.
        const cap = /`{3}|~{3}/.test(text) ? MAX_DEPTH_ANYWHERE : MAX_DEPTH;
        expect(containerDepth(renderMarkdown(text))).toBeLessThanOrEqual(cap);
        expect(containerDepth(streamed(text, pieces))).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 120 },
    );
  });
});
