import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, pointerToPath } from '../../../main/contract/jsonSchemaCheck';
import { parseJson } from '../../../renderer/src/platform/jsonParse';

const weather = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { enum: ['celsius', 'fahrenheit'] },
    days: { type: 'array', items: { type: 'integer' } },
  },
  required: ['city'],
  additionalProperties: false,
};

describe('checking JSON against a schema', () => {
  it('passes a value that fits', () => {
    expect(checkAgainstSchema({ city: 'Oslo', unit: 'celsius', days: [1, 2] }, weather)).toEqual([]);
  });

  it('names each failing place once, with a path a person can read', () => {
    const issues = checkAgainstSchema({ unit: 'kelvin', days: [1, 'two'], extra: true }, weather);
    expect(issues).toEqual([
      { path: '$', message: 'missing required property "city"' },
      { path: '$.unit', message: 'does not match any of ["celsius","fahrenheit"]' },
      { path: '$.days[1]', message: 'expected integer, got string' },
      { path: '$', message: 'property "extra" is not allowed' },
    ]);
  });

  it('reports an anyOf failure once instead of every rejected alternative', () => {
    const schema = { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'number' }] } } };
    expect(checkAgainstSchema({ a: true }, schema)).toEqual([
      { path: '$.a', message: 'matches none of the allowed shapes (anyOf)' },
    ]);
  });

  it('follows local $ref definitions', () => {
    const schema = {
      type: 'object',
      properties: { point: { $ref: '#/definitions/point' } },
      definitions: { point: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } } },
    };
    expect(checkAgainstSchema({ point: { x: 'far' } }, schema)).toEqual([
      { path: '$.point.x', message: 'expected number, got string' },
    ]);
  });

  it('runs without eval, so it works under the renderer CSP', () => {
    const original = globalThis.Function;
    const trap = new Proxy(original, {
      construct() {
        throw new EvalError('eval is forbidden');
      },
      apply() {
        throw new EvalError('eval is forbidden');
      },
    });
    globalThis.Function = trap;
    try {
      expect(checkAgainstSchema({ city: 3 }, weather)).toEqual([
        { path: '$.city', message: 'expected string, got number' },
      ]);
    } finally {
      globalThis.Function = original;
    }
  });
});

describe('paths', () => {
  it('turns JSON pointers into $-paths with brackets for odd keys', () => {
    expect(pointerToPath('#')).toBe('$');
    expect(pointerToPath('#/a/0/b')).toBe('$.a[0].b');
    expect(pointerToPath('#/with%20space/a~1b')).toBe('$["with space"]["a/b"]');
  });
});

describe('parsing', () => {
  it('keeps the position of a syntax error', () => {
    const parsed = parseJson('{"a": tru}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.position).toBe(6);
      expect(parsed.message).toBe("Unexpected token '}' (line 1, column 7)");
    }
  });

  it('points at the place the engine names', () => {
    const parsed = parseJson('{\n  "a": 1,\n}');
    expect(parsed).toEqual({
      ok: false,
      message: 'Expected double-quoted property name (line 3, column 1)',
      position: 12,
    });
  });

  it('says plainly that empty text is not JSON', () => {
    expect(parseJson('  ')).toEqual({ ok: false, message: 'empty: expected a JSON value', position: 0 });
  });
});
