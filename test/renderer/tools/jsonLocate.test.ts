import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonPath, pathSegments, syntaxErrorOffset } from '../../../renderer/src/platform/jsonLocate';

const schemaText = `{
  "type": "object",
  "properties": {
    "city": { "type": "strin" },
    "tags": { "type": "array", "items": [ { "type": "string" }, { "minimum": "x" } ] }
  }
}`;

const at = (range: { from: number; to: number } | null) =>
  range ? schemaText.slice(range.from, range.to) : null;

describe('finding a path in JSON text', () => {
  it('underlines the key of an object member', () => {
    expect(at(locateJsonPath(schemaText, '/properties/city/type'))).toBe('"type"');
    expect(locateJsonPath(schemaText, '/properties/city/type')?.from).toBe(
      schemaText.indexOf('"type": "strin"'),
    );
  });

  it('reads pointer, dotted and $-paths alike', () => {
    const pointer = locateJsonPath(schemaText, '#/properties/tags/items/1/minimum');
    expect(locateJsonPath(schemaText, 'properties.tags.items[1].minimum')).toEqual(pointer);
    expect(locateJsonPath(schemaText, '$.properties.tags.items[1].minimum')).toEqual(pointer);
    expect(at(pointer)).toBe('"minimum"');
  });

  it('falls back to the deepest part that exists', () => {
    expect(at(locateJsonPath(schemaText, '/properties/city/format'))).toBe('"city"');
  });

  it('covers the whole document for the root', () => {
    expect(locateJsonPath(schemaText, '')).toEqual({ from: 0, to: schemaText.length });
  });

  it('gives up on text that is not JSON', () => {
    expect(locateJsonPath('{"a": ', '/a')).toBeNull();
  });

  it('splits quoted keys', () => {
    expect(pathSegments('$["a b"].c[2]')).toEqual(['a b', 'c', '2']);
    expect(pathSegments('/a~1b/~0c')).toEqual(['a/b', '~c']);
  });

  it('finds every member of any JSON object it is given', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue(), { minKeys: 1 }),
        (object) => {
          const text = JSON.stringify(object, null, 2);
          for (const key of Object.keys(object)) {
            const range = locateJsonPath(text, `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
            expect(range && JSON.parse(text.slice(range.from, range.to))).toBe(key);
          }
        },
      ),
    );
  });
});

describe('syntax error offsets', () => {
  it('points at the first character that breaks the document', () => {
    expect(syntaxErrorOffset('{"a": tru}')).toBe(6);
    expect(syntaxErrorOffset('{"a": 1} x')).toBe(9);
    expect(syntaxErrorOffset('{"a": 1}')).toBeNull();
  });
});
