import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../main/tools/jsonText';
import { checkFunctionName, validateSchemaText } from '../../main/tools/schema';

const text = (value: unknown) => JSON.stringify(value, null, 2);
const lines = (issues: { path: string; message: string }[]) => issues.map((i) => `${i.path}: ${i.message}`);

describe('live validation of a tool’s parameters schema', () => {
  it('accepts an object schema', () => {
    expect(
      validateSchemaText(
        text({
          type: 'object',
          properties: { city: { type: 'string', format: 'email' } },
          required: ['city'],
        }),
      ),
    ).toEqual([]);
  });

  it('names the JSON path of a keyword with a wrong value', () => {
    const issues = validateSchemaText(text({ type: 'object', properties: { city: { type: 'strin' } } }));
    expect(lines(issues)).toEqual([
      '/properties/city/type: must be equal to one of the allowed values (array, boolean, integer, null, number, object, string)',
    ]);
    expect(
      lines(
        validateSchemaText(text({ type: 'object', properties: { n: { type: 'integer', minimum: 'one' } } })),
      ),
    ).toEqual(['/properties/n/minimum: must be number']);
  });

  it('points at a misspelt keyword instead of ignoring it', () => {
    expect(
      lines(
        validateSchemaText(
          text({ type: 'object', properties: { city: { type: 'string' } }, require: ['city'] }),
        ),
      ),
    ).toEqual(['/require: unknown keyword "require"']);
  });

  it('reports schemas that cannot compile: dangling $ref, bad pattern, unknown format', () => {
    expect(
      lines(validateSchemaText(text({ type: 'object', properties: { a: { $ref: '#/$defs/place' } } }))),
    ).toEqual(["/properties/a/$ref: can't resolve reference #/$defs/place"]);
    expect(
      lines(
        validateSchemaText(text({ type: 'object', properties: { a: { type: 'string', pattern: '([a-z' } } })),
      )[0],
    ).toMatch(/^\/properties\/a\/pattern: invalid regular expression/);
    expect(
      lines(
        validateSchemaText(
          text({ type: 'object', properties: { a: { type: 'string', format: 'postcode' } } }),
        ),
      ),
    ).toEqual(['/properties/a/format: unknown format "postcode"']);
  });

  it('insists on an object schema, since arguments are named fields', () => {
    expect(lines(validateSchemaText(text({ type: 'string' })))).toEqual([
      '/type: must be "object", not "string"',
    ]);
    expect(lines(validateSchemaText(text({ properties: {} })))).toEqual([
      '/type: must be "object": tool arguments are an object of named fields',
    ]);
    expect(lines(validateSchemaText('[]'))[0]).toMatch(/^: must be a JSON Schema object/);
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(validateSchemaText('{\n  "type": "object",\n  "properties": {,}\n}')).toEqual([
      {
        path: '',
        message: 'line 3, column 18: expected a property name in double quotes but found ","',
        line: 3,
        column: 18,
      },
    ]);
    expect(validateSchemaText('{"type": "object",}')[0]).toMatchObject({
      line: 1,
      column: 19,
      message: "line 1, column 19: trailing comma before '}'",
    });
    expect(validateSchemaText("{'type': 'object'}")[0]).toMatchObject({ line: 1, column: 2 });
    expect(validateSchemaText('{"type": "object"')[0]).toMatchObject({ line: 1, column: 18 });
    expect(validateSchemaText('')[0]).toMatchObject({ message: 'empty: expected JSON' });
  });

  it('locates every syntax error inside the text, and never flags valid JSON', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', "'"),
        (json, at, junk) => {
          expect(parseJsonText(json).ok).toBe(true);
          const cut = at % (json.length + 1);
          const broken = json.slice(0, cut) + junk + json.slice(cut);
          const result = parseJsonText(broken);
          let valid = true;
          try {
            JSON.parse(broken);
          } catch {
            valid = false;
          }
          expect(result.ok).toBe(valid);
          if (!result.ok) {
            const { line = 0, column = 0 } = result.issue;
            const rows = broken.split('\n');
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(rows.length);
            expect(column).toBeGreaterThanOrEqual(1);
            expect(column).toBeLessThanOrEqual((rows[line - 1]?.length ?? 0) + 1);
          }
        },
      ),
    );
  });
});

describe('the function name rule', () => {
  it('allows 1–64 letters, digits, _ and -', () => {
    expect(checkFunctionName('get_weather-2')).toEqual([]);
    expect(checkFunctionName('a'.repeat(64))).toEqual([]);
    expect(checkFunctionName('')[0]?.message).toMatch(/is empty/);
    expect(checkFunctionName('a'.repeat(65))[0]?.message).toMatch(/65 characters/);
    expect(checkFunctionName('get weather')[0]).toEqual({
      path: '/name',
      message: 'must be 1–64 letters, digits, _ or - (this one has other characters)',
    });
    expect(checkFunctionName('météo')).toHaveLength(1);
  });
});
