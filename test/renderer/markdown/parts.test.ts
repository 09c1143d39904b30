import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partsOf, reopenFences } from '../../../renderer/src/markdown/limit';
import { renderMarkdown } from '../../../renderer/src/markdown/render';

const LINE = 'const answer = [1, 2, 3].map((n) => n * 2); // hostile\n';

describe('the parts of a huge answer', () => {
  it('of a 1 MB code block each show as code, cheaply', () => {
    const parts = reopenFences(partsOf(`intro\n\n\`\`\`js\n${LINE.repeat(18_000)}\`\`\`\n\nafter *it*`));
    expect(parts.length).toBeGreaterThan(30);
    for (const [index, part] of parts.entries()) {
      const started = performance.now();
      const html = renderMarkdown(part);
      expect(performance.now() - started).toBeLessThan(100);
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
