import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStructured, closePartialJson } from '../../../renderer/src/parts/structured/structuredCheck';
import { loadSchemaCheck } from '../../../renderer/src/platform/schemaCheck';

// The check's code is its own chunk, loaded at the app's start.
await loadSchemaCheck();

const schema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name', 'age'],
  additionalProperties: false,
};

describe('structured answers', () => {
  it("shows an answer unchecked while the check's code loads, and judges it once it is here", async () => {
    const text = '{"name":"Ada","age":-1}';
    expect(checkStructured(text, schema, 'complete', null).state).toBe('unchecked');
    expect(checkStructured(text, schema, 'complete', await loadSchemaCheck()).state).toBe('fail');
  });

  it('pass when the answer fits the schema, formatted for reading', () => {
    const view = checkStructured('{"name":"Ada","age":36}', schema, 'complete');
    expect(view).toEqual({
      state: 'pass',
      text: '{\n  "name": "Ada",\n  "age": 36\n}',
      formatted: true,
      issues: [],
    });
  });

  it('fail with every failing path listed', () => {
    const view = checkStructured('{"name":7,"age":-1}', schema, 'complete');
    expect(view.state).toBe('fail');
    expect(view.issues).toEqual([
      { path: '$.name', message: 'expected string, got number' },
      { path: '$.age', message: '-1 is less than 0' },
    ]);
  });

  it('call out an answer that is not JSON, and a code fence in particular', () => {
    expect(checkStructured('Sure! {"name":', schema, 'complete').state).toBe('unparsable');
    expect(checkStructured('```json\n{}\n```', schema, 'complete').issues).toEqual([
      { path: '$', message: 'not JSON: the answer is wrapped in a Markdown code fence' },
    ]);
  });

  it('say "incomplete" while streaming, showing what arrived formatted', () => {
    const view = checkStructured('{"name":"Ad', schema, 'streaming');
    expect(view).toEqual({ state: 'incomplete', text: '{\n  "name": "Ad"\n}', formatted: true, issues: [] });
  });

  it('treat a cut stream as incomplete rather than wrong', () => {
    expect(checkStructured('{"name":"Ad', schema, 'interrupted').state).toBe('incomplete');
  });

  it('only format when there is no schema to check', () => {
    expect(checkStructured('{"a":1}', null, 'complete').state).toBe('unchecked');
  });
});

describe('closing half-streamed JSON', () => {
  it('closes open strings, arrays and objects and drops dangling parts', () => {
    expect(closePartialJson('{"a": [1, 2')).toBe('{"a": [1, 2]}');
    expect(closePartialJson('{"a": 1, "b')).toBe('{"a": 1}');
    expect(closePartialJson('{"a": tr')).toBe('{}');
    expect(closePartialJson('{"a": "x\\')).toBe('{"a": "x\\\\"}');
  });

  it('turns every prefix of any JSON document into JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue())),
        fc.boolean(),
        (value, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined);
          for (let end = 1; end <= text.length; end++) {
            const closed = closePartialJson(text.slice(0, end));
            expect(closed, text.slice(0, end)).not.toBeNull();
            expect(() => JSON.parse(closed ?? '')).not.toThrow();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
