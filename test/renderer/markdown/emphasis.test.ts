import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capNesting } from '../../../renderer/src/markdown/depth';
import { MAX_OPENERS } from '../../../renderer/src/markdown/emphasis';
import { emptyMarkdown, updateMarkdown } from '../../../renderer/src/markdown/incremental';
import type { IncrementalMarkdown } from '../../../renderer/src/markdown/incremental';
import { renderMarkdown } from '../../../renderer/src/markdown/render';
import { stableChunkHtml, tailHtml } from '../../../renderer/src/markdown/streamingCache';

function timed<T>(f: () => T): [T, number] {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
}

const textOf = (html: string) => html.replace(/<[^>]*>/gu, '');

const BOMBS: Record<string, string> = {
  'a thousand unclosed openers': '*a '.repeat(1000),
  'a thousand nested levels': `${'*a '.repeat(1000)}${'a* '.repeat(1000)}`,
  'underscores and tildes': `${'_a '.repeat(700)}${'~~a '.repeat(700)}`,
  'ten thousand stacked stars': `${'*'.repeat(10_000)}x${'*'.repeat(10_000)} after`,
  'over many lines of one paragraph': Array.from({ length: 1000 }, () => '*a *b').join('\n'),
};

describe('an emphasis bomb', () => {
  for (const [name, text] of Object.entries(BOMBS)) {
    it(`of ${name} renders in well under a frame budget per 32 KB, keeping its text`, () => {
      const [html, ms] = timed(() => renderMarkdown(text));
      expect(ms).toBeLessThan(250);
      // Nothing is lost: every letter is there, and the capped delimiters read as themselves.
      const letters = (s: string) => s.replace(/[^a-z]/gu, '').length;
      expect(letters(textOf(html).replace(/&[a-z]+;/gu, ''))).toBe(letters(text.replace(/<[^>]*>/gu, '')));
      expect((html.match(/<(em|strong|del)>/gu) ?? []).length).toBeLessThanOrEqual(MAX_OPENERS * 2);
    });
  }

  it('streams to what the finished message shows', () => {
    const text = `intro\n\n${BOMBS['a thousand nested levels']}\n\nafter *it*`;
    let state: IncrementalMarkdown = emptyMarkdown;
    for (let end = 997; end < text.length + 997; end += 997)
      state = updateMarkdown(state, text.slice(0, end));
    expect(state.chunks.map(stableChunkHtml).join('') + tailHtml(state, false)).toBe(renderMarkdown(text));
  });
});

describe('ordinary emphasis', () => {
  it('is left as written', () => {
    const text = [
      '**bold**, *em*, _em_, ~~gone~~, ***both*** and snake_case_name',
      '`a*b*c` and ``x_y``',
      '',
      '* * *',
      '- item *one*',
      '* item **two**',
      '***',
      '',
      `${'*word* '.repeat(MAX_OPENERS)}`,
    ].join('\n');
    expect(capNesting(text)).toBe(text);
  });

  it('after the cap reads as the characters written', () => {
    const html = renderMarkdown(`${'*a* '.repeat(MAX_OPENERS + 2)}`);
    expect((html.match(/<em>/gu) ?? []).length).toBe(MAX_OPENERS);
    expect(textOf(html)).toContain('*a* *a*');
  });

  it('is capped per paragraph, idempotently, so a streaming tail caps like the whole', () => {
    const line = fc.stringMatching(/^[ *_~`ab\\]{0,60}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.array(line, { maxLength: 10 }), (a, b) => {
        const whole = `${a.join('\n')}\n\n${b.join('\n')}`;
        const once = capNesting(whole);
        expect(capNesting(once)).toBe(once);
        expect(`${capNesting(a.join('\n'))}\n\n${capNesting(b.join('\n'))}`).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
