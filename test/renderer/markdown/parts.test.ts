import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONG_RUN } from '../../../renderer/src/markdown/longRuns';
import { MESSAGE_PREVIEW_CHARS } from '../../../main/contract';
import {
  PART,
  RUN_WEIGHT,
  WHOLE,
  partCost,
  partsOf,
  reopenFences,
} from '../../../renderer/src/markdown/limit';
import { renderMarkdown } from '../../../renderer/src/markdown/render';

const LINE = 'const answer = [1, 2, 3].map((n) => n * 2); // hostile\n';

describe('the parts of a huge answer', () => {
  it('of a 1 MB code block each show as code, cheaply', () => {
    const parts = reopenFences(partsOf(`intro\n\n\`\`\`js\n${LINE.repeat(18_000)}\`\`\`\n\nafter *it*`));
    expect(parts.length).toBeGreaterThan(30);
    for (const [index, part] of parts.entries()) {
      // Cheaply: each part is bounded by what it costs to show (its reopened fence aside), which
      // holds on a loaded machine where a stopwatch does not.
      expect(partCost(part)).toBeLessThanOrEqual(PART + '```js\n'.length);
      const html = renderMarkdown(part);
      // Every part is one code block labelled with its language; none reads as paragraphs of code.
      expect(html).toContain('<span class="md-code-lang">js</span>');
      if (index > 0 && index < parts.length - 1) expect(html).not.toContain('<p>');
    }
    expect(renderMarkdown(parts.at(-1) ?? '')).toContain('<em>it</em>');
  });

  it('are the text itself apart from the reopened fences', () => {
    const line = fc.oneof(
      fc.constantFrom('```', '~~~ py', '````', 'code', '  ```', ''),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n').repeat(400);
        const parts = partsOf(text);
        const reopened = reopenFences(parts);
        reopened.forEach((part, i) => {
          const own = parts[i] ?? '';
          expect(part.endsWith(own)).toBe(true);
          const prefix = part.slice(0, part.length - own.length);
          if (i === 0) expect(prefix).toBe('');
          else if (prefix !== '') expect(prefix).toMatch(/^ {0,3}(`{3,}|~{3,}).*\n$/u);
        });
      }),
      { numRuns: 50 },
    );
  });
});

/** Text of words, newlines and unbroken runs of every length, joined as drawn. */
const pieces = fc.array(
  fc.oneof(
    fc.constantFrom('word ', 'two words\n', '\n\n', '- item\n', '> quote\n', '😀', ' '),
    fc.integer({ min: 1, max: 30_000 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 1, max: 3_000 }).map((n) => 'lorem ipsum '.repeat(n)),
  ),
  { maxLength: 30 },
);

describe('a message small enough to show whole', () => {
  it('is every message under WHOLE characters, and every message main sends clipped is larger', () => {
    // main clips what threads:get sends at MESSAGE_PREVIEW_CHARS: a message the view shows whole
    // always arrives whole, so it never needs a "Show all" to read its rest.
    expect(MESSAGE_PREVIEW_CHARS).toBe(WHOLE);
    expect(partsOf('x'.repeat(WHOLE - 1))).toHaveLength(1);
    expect(partsOf('x'.repeat(WHOLE)).length).toBeGreaterThan(1);
  });
});

describe('the parts of a pathological answer', () => {
  it('hold at most PART / RUN_WEIGHT characters of an unbroken run (a 5 MB line is parts of 8,000)', () => {
    const parts = partsOf('x'.repeat(5_000_000));
    expect(parts).toHaveLength(625);
    expect(Math.max(...parts.map((p) => p.length))).toBe(PART / RUN_WEIGHT);
  });

  it('are bounded by what they cost to show, not by their length alone', () => {
    // 10,000 `>` on a line is a 10,000-character run: the first part of a message large enough
    // to have parts stops within it.
    const nested = `${'>'.repeat(10_000)} deep\n\n${'- '.repeat(30_000)}deep`;
    const [first = '', ...rest] = partsOf(nested);
    expect(first).toBe('>'.repeat(8_000));
    expect(rest.length).toBeGreaterThan(1);
    // Prose and code keep parts of PART characters.
    expect(partsOf('word '.repeat(20_000))[0]?.length).toBe(PART);
    expect(partCost('word '.repeat(1000))).toBe(5000);
    expect(partCost(`intro ${'x'.repeat(LONG_RUN)}`)).toBe(6 + LONG_RUN * RUN_WEIGHT);
  });

  it('are the text, each within budget, and the first is the same whether or not the text is all there', () => {
    fc.assert(
      fc.property(pieces, fc.integer({ min: 1, max: 2 * WHOLE }), (drawn, clip) => {
        const text = drawn.join('');
        const parts = partsOf(text);
        expect(parts.join('')).toBe(text);
        // A message too small for the budget to matter is shown whole, in one part.
        if (text.length < WHOLE) expect(parts).toEqual(text === '' ? [] : [text]);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          if (text.length >= WHOLE) expect(partCost(part)).toBeLessThanOrEqual(PART);
          // Never half an emoji at a part's end.
          expect(/[\ud800-\udbff]$/u.test(part) && part !== parts.at(-1)).toBe(false);
        }
        // A huge message is opened with its first MESSAGE_PREVIEW_CHARS characters (threads:get):
        // its first part must not change once the rest is read.
        const opened = text.slice(0, Math.min(clip, MESSAGE_PREVIEW_CHARS));
        if (opened.length === MESSAGE_PREVIEW_CHARS || opened.length === text.length)
          expect(partsOf(opened, 1, text.length)[0]).toBe(parts[0] ?? undefined);
      }),
      { numRuns: 60 },
    );
  });
});
