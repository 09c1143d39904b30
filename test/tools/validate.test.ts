import { describe, expect, it } from 'vitest';
import type { ToolDef } from '../../main/contract';
import { TOOL_EXAMPLES } from '../../main/tools/examples';
import { checkArguments, validateJsonAgainstSchema } from '../../main/tools/validate';

const weather: ToolDef = {
  ...(TOOL_EXAMPLES[0] as (typeof TOOL_EXAMPLES)[number]),
  id: 'tool-weather',
  description: 'Get the current weather for a city.',
  cannedResult: null,
  createdAt: 0,
  updatedAt: 0,
};

describe('checking a model’s tool-call arguments', () => {
  it('passes arguments that fit the schema and hands back the parsed value', () => {
    expect(checkArguments(weather, '{"city":"Lisbon","unit":"celsius"}')).toEqual({
      ok: true,
      parsed: { city: 'Lisbon', unit: 'celsius' },
      issues: [],
      unknownFunction: false,
    });
  });

  it('flags invalid arguments with the path of each problem', () => {
    const result = checkArguments(weather, '{"unit":"kelvin","country":"PT"}');
    expect(result.ok).toBe(false);
    expect(result.parsed).toEqual({ unit: 'kelvin', country: 'PT' });
    expect(result.issues).toEqual([
      { path: '', message: 'must have required property "city"' },
      { path: '/unit', message: 'must be equal to one of the allowed values: "celsius", "fahrenheit"' },
      { path: '', message: 'must NOT have additional property "country"' },
    ]);
  });

  it('flags arguments that are not JSON, with where they broke', () => {
    const result = checkArguments(weather, '{"city": "Lis');
    expect(result).toMatchObject({ ok: false, unknownFunction: false });
    expect(result.parsed).toBeUndefined();
    expect(result.issues).toEqual([
      {
        path: '',
        message: 'line 1, column 10: this string is never closed (missing ")',
        line: 1,
        column: 10,
      },
    ]);
    expect(checkArguments(weather, '').issues[0]?.message).toBe('empty: expected JSON');
  });

  it('marks a call to a function the thread does not have as unknown, still showing its arguments', () => {
    const result = checkArguments(undefined, '{"q":"news"}');
    expect(result).toMatchObject({ ok: false, unknownFunction: true, parsed: { q: 'news' } });
    expect(result.issues[0]?.message).toMatch(/not among this thread’s tools/);
    expect(checkArguments(undefined, 'nope').issues).toHaveLength(2);
  });

  it('describes nested, typed and alternative failures in plain words', () => {
    const tool: ToolDef = {
      ...weather,
      parameters: {
        type: 'object',
        properties: {
          stops: {
            type: 'array',
            items: {
              type: 'object',
              properties: { lat: { type: 'number', minimum: -90 } },
              required: ['lat'],
            },
          },
          when: { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer' }] },
          code: { type: 'string', pattern: '^[A-Z]{3}$' },
        },
      },
    };
    const result = checkArguments(
      tool,
      JSON.stringify({ stops: [{ lat: -100 }, { lng: 1 }, 'x'], when: true, code: 'lis' }),
    );
    expect(result.issues).toEqual([
      { path: '/stops/0/lat', message: '-100 is less than -90' },
      { path: '/stops/1', message: 'must have required property "lat"' },
      { path: '/stops/2', message: 'must be object' },
      { path: '/when', message: 'must match at least one of the schemas in anyOf' },
      { path: '/code', message: 'must match pattern "^[A-Z]{3}$"' },
    ]);
  });

  it('leaves the stored schema untouched', () => {
    const before = JSON.stringify(weather.parameters);
    checkArguments(
      Object.freeze({ ...weather, parameters: Object.freeze(weather.parameters) }),
      '{"city": 3}',
    );
    expect(JSON.stringify(weather.parameters)).toBe(before);
  });
});

describe('structured output badges', () => {
  const schema = {
    type: 'object',
    properties: { answer: { type: 'string' }, confidence: { type: 'number', maximum: 1 } },
    required: ['answer'],
  };

  it('passes an answer that follows the schema', () => {
    expect(validateJsonAgainstSchema(schema, '{"answer":"Paris","confidence":0.9}')).toEqual({
      ok: true,
      parsed: { answer: 'Paris', confidence: 0.9 },
      issues: [],
    });
  });

  it('fails with the failing paths listed', () => {
    const result = validateJsonAgainstSchema(schema, '{"confidence": 3}');
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toEqual(['', '/confidence']);
  });

  it('fails an answer that is not JSON, and only parses when there is no schema', () => {
    expect(validateJsonAgainstSchema(schema, 'Paris').ok).toBe(false);
    expect(validateJsonAgainstSchema(undefined, '[1, 2]')).toEqual({ ok: true, parsed: [1, 2], issues: [] });
  });
});
