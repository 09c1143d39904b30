import fc from 'fast-check';

/** Markdown fragments that exercise every block and inline rule the app renders. */
export const INLINE = [
  'plain words',
  '*em*',
  '**strong**',
  '`code span`',
  '$x^2$',
  '$$\\frac{a}{b}$$',
  'costs $5 and $10',
  '[a link](https://example.com)',
  '[ref one][r1]',
  '[r2]',
  '<b>html</b>',
  '~~gone~~',
  'https://auto.example.org',
  '\\$escaped',
  'trailing  ',
  'ünïcödé ✓',
];

export const BLOCKS = [
  ...INLINE,
  '# Heading',
  'Setext\n===',
  'Setext two\n---',
  '- item\n- item two',
  '* star\n\n* loose',
  '1. one\n2. two',
  '1. one\n\n2',
  '- [ ] task\n- [x] done',
  '- nested\n  - deeper\n    - deepest',
  '- item\n\n  continued paragraph',
  '```js\nconst x = 1;\n\nconsole.log(x);\n```',
  '~~~\nplain\n~~~',
  '```python\nunclosed = True',
  '    indented code\n\n    more code',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'a | b\n--|--',
  '> quote\ncontinued',
  '> quote\n\n> another',
  '---',
  '[r1]: https://example.com/one',
  '[r2]: https://example.com/two "Title"',
  '<div>\nblock html\n</div>',
  '<!-- comment\n\nstill comment -->',
  '$$\nE = mc^2\n$$',
];

export const SEPARATORS = ['\n', '\n\n', '\n\n\n', ' ', '', '\n  \n', '\r\n', '\r\n\r\n', '\r'];

/** Documents of fragments joined by the separators that change how blocks split. */
export const documentOf = (blocks: readonly string[], maxLength = 14) =>
  fc
    .array(fc.tuple(fc.constantFrom(...blocks), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength })
    .map((parts) => parts.map(([block, sep]) => block + sep).join(''));

export const documentArb = documentOf(BLOCKS);
