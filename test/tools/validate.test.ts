import { describe, expect, it } from 'vitest';
import { checkAgainstSchema } from '../../main/contract/jsonSchemaCheck';
import { TOOL_EXAMPLES } from '../../main/tools/examples';

// The one value check both sides use (main/contract/jsonSchemaCheck.ts); how the renderer shows
// its issues on tool calls and structured answers is tested in test/renderer/tools and /structured.
const weather = (TOOL_EXAMPLES[0] as (typeof TOOL_EXAMPLES)[number]).parameters as Record<string, unknown>;

describe('checking a value against a JSON Schema', () => {
  it('passes a value that fits', () => {
    expect(checkAgainstSchema({ city: 'Lisbon', unit: 'celsius' }, weather)).toEqual([]);
  });

  it('names each problem by its path', () => {
    expect(checkAgainstSchema({ unit: 'kelvin', country: 'PT' }, weather)).toEqual([
      { path: '$', message: 'missing required property "city"' },
      { path: '$.unit', message: 'does not match any of ["celsius","fahrenheit"]' },
      { path: '$', message: 'property "country" is not allowed' },
    ]);
  });

  it('describes nested, typed and alternative failures in plain words', () => {
    const schema = {
      type: 'object',
      properties: {
        stops: {
          type: 'array',
          items: { type: 'object', properties: { lat: { type: 'number', minimum: -90 } }, required: ['lat'] },
        },
        when: { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer' }] },
      },
    };
    expect(checkAgainstSchema({ stops: [{ lat: -100 }, { lng: 1 }, 'x'], when: true }, schema)).toEqual([
      { path: '$.stops[0].lat', message: '-100 is less than -90' },
      { path: '$.stops[1]', message: 'missing required property "lat"' },
      { path: '$.stops[2]', message: 'expected object, got string' },
      { path: '$.when', message: 'matches none of the allowed shapes (anyOf)' },
    ]);
  });

  it('leaves the stored schema untouched, even a frozen one', () => {
    const before = JSON.stringify(weather);
    expect(checkAgainstSchema({ city: 3 }, Object.freeze({ ...weather }))).not.toEqual([]);
    expect(JSON.stringify(weather)).toBe(before);
  });
});
