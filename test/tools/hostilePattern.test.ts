import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearRegExp, withLinearPatterns } from '../../main/contract/schemaPattern';
import type { ToolDef } from '../../main/contract/tools';
import { validateSchemaText } from '../../main/tools/schema';
import { checkAgainstSchema } from '../../main/contract/jsonSchemaCheck';

/** Catastrophic backtracking in JavaScript's RegExp: every split of the letters is tried. */
const EVIL = '^([a-zA-Z]+\\s?)*$';
/** 70 letters and a character that fails the match at the very end: 2^70 ways to fail. */
const ARGUMENT = `${'a'.repeat(70)}!`;

const evilTool: ToolDef = {
  id: 'tool-1',
  cannedResult: null,
  createdAt: 0,
  updatedAt: 0,
  name: 'lookup',
  description: 'Looks a word up',
  parameters: { type: 'object', properties: { word: { type: 'string', pattern: EVIL } }, required: ['word'] },
};

describe('a schema pattern that backtracks', () => {
  it('does not hang on a structured answer’s property name (patternProperties)', () => {
    const schema = { type: 'object', patternProperties: { [EVIL]: { type: 'number' } } };
    const issues = checkAgainstSchema({ [ARGUMENT]: 'x', word: 'y' }, schema);
    expect(issues.map((issue) => issue.path)).toEqual(['$.word']);
    expect(checkAgainstSchema({ word: 'two words' }, evilTool.parameters as Record<string, unknown>)).toEqual(
      [],
    );
  });

  it('does not freeze the window when the renderer checks the same arguments', () => {
    const issues = checkAgainstSchema({ word: ARGUMENT }, evilTool.parameters as Record<string, unknown>);
    expect(issues).toEqual([{ path: '$.word', message: 'String does not match pattern' }]);
  });

  it('leaves the global RegExp as it was', () => {
    const before = globalThis.RegExp;
    expect(() => withLinearPatterns(() => linearRegExp('(?=x)'))).toThrow();
    expect(globalThis.RegExp).toBe(before);
  });
});

describe('patterns the linear-time engine cannot run', () => {
  it('are refused where the tool is written, with the reason', () => {
    const issues = validateSchemaText(
      JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '^(?!admin).*$' } } }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('/properties/a/pattern');
    expect(issues[0]?.message).toMatch(/lookahead, lookbehind and backreferences cannot be checked/);
  });

  it('are reported, not thrown, when such a schema arrives anyway', () => {
    const tool = {
      ...evilTool,
      parameters: { type: 'object', properties: { a: { type: 'string', pattern: '(a)\\1' } } },
    };
    const issues = checkAgainstSchema({ a: 'aa' }, tool.parameters as Record<string, unknown>);
    expect(issues[0]?.message).toMatch(/^the schema could not be applied: .*backreferences/);
  });
});

describe('the linear-time engine', () => {
  const PATTERNS = [
    '^[A-Z]{3}$',
    '^\\d{4}-\\d{2}-\\d{2}$',
    '^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$',
    'ab|cd',
    '^(foo|bar)+baz?$',
    '[^\\s]+',
    '^\\w+$',
    '^#?[0-9a-fA-F]{6}$',
    '^\\p{L}+$',
    'x*y',
  ];
  it('agrees with JavaScript’s RegExp on the patterns schemas use', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATTERNS),
        fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[a-zA-Z0-9@.#_-]{0,20}$/)),
        (pattern, input) => {
          expect(linearRegExp(pattern, 'u').test(input)).toBe(new RegExp(pattern, 'u').test(input));
        },
      ),
      { numRuns: 600 },
    );
  });
});
