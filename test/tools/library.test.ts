import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { toolHandlers } from '../../main/tools/handlers';
import { ToolsService } from '../../main/tools/service';

const ctx = { senderId: 1 };

function setup() {
  const { db } = openDatabase(':memory:', migrations);
  let clock = 1_000;
  let id = 0;
  const tools = new ToolsService(
    db,
    () => ++clock,
    () => `tool-${++id}`,
  );
  return { db, tools, handlers: toolHandlers({ tools }) };
}

const objectSchema = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] };

describe('the tools library', () => {
  it('creates, edits, duplicates and deletes tools', async () => {
    const { handlers } = setup();
    const created = await handlers['tools:create'](
      {
        name: 'search',
        description: 'Search things',
        parameters: objectSchema,
        cannedResult: '{"hits": []}',
      },
      ctx,
    );
    expect(created).toMatchObject({
      id: 'tool-1',
      name: 'search',
      description: 'Search things',
      cannedResult: '{"hits": []}',
    });

    const renamed = await handlers['tools:update']({ id: created.id, patch: { name: 'find' } }, ctx);
    expect(renamed).toMatchObject({
      name: 'find',
      description: 'Search things',
      cannedResult: '{"hits": []}',
    });
    expect(renamed.updatedAt).toBeGreaterThan(created.updatedAt);

    const copy = await handlers['tools:duplicate']({ id: created.id }, ctx);
    const second = await handlers['tools:duplicate']({ id: created.id }, ctx);
    const ofCopy = await handlers['tools:duplicate']({ id: copy.id }, ctx);
    expect([copy.name, second.name, ofCopy.name]).toEqual(['find-copy', 'find-copy-2', 'find-copy-3']);
    expect(copy.parameters).toEqual(objectSchema);

    expect(await handlers['tools:delete']({ id: second.id }, ctx)).toEqual({ deleted: true });
    expect((await handlers['tools:list']({}, ctx)).map((t) => t.name)).toEqual([
      'find',
      'find-copy',
      'find-copy-3',
    ]);
  });

  it('keeps a copy’s name within 64 characters', () => {
    const { tools } = setup();
    const long = tools.create({
      name: 'x'.repeat(64),
      description: '',
      parameters: objectSchema,
      cannedResult: null,
    });
    expect(tools.duplicate(long.id).name).toBe(`${'x'.repeat(59)}-copy`);
  });

  it('refuses a bad name, a taken name and a schema that does not check, saying why', () => {
    const { tools } = setup();
    tools.create({ name: 'lookup', description: '', parameters: objectSchema, cannedResult: null });
    expect(() =>
      tools.create({ name: 'lookup', description: '', parameters: objectSchema, cannedResult: null }),
    ).toThrow('A tool named lookup already exists.');
    expect(() =>
      tools.create({ name: 'look up', description: '', parameters: objectSchema, cannedResult: null }),
    ).toThrow(/name is not valid/);
    try {
      tools.create({
        name: 'other',
        description: '',
        parameters: { type: 'object', properties: { q: { type: 'text' } } },
        cannedResult: null,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        error: {
          code: 'invalid_request',
          detail: { field: 'parameters', issues: [{ path: '/properties/q/type' }] },
        },
      });
    }
  });

  it('returns the tools a thread asks for, in its order, skipping deleted ones', () => {
    const { tools } = setup();
    const a = tools.create({ name: 'a', description: '', parameters: objectSchema, cannedResult: null });
    const b = tools.create({ name: 'b', description: '', parameters: objectSchema, cannedResult: null });
    expect(tools.getMany([b.id, 'gone', a.id]).map((t) => t.name)).toEqual(['b', 'a']);
    expect(tools.getMany([])).toEqual([]);
  });

  it('offers weather, calculator and search examples that pass its own checks', async () => {
    const { handlers } = setup();
    const examples = await handlers['tools:examples']({}, ctx);
    expect(examples.map((e) => e.name)).toEqual(['get_weather', 'calculator', 'web_search']);
    for (const example of examples) {
      expect(
        await handlers['tools:validateSchema']({ schemaText: JSON.stringify(example.parameters) }, ctx),
      ).toEqual({ issues: [] });
      expect(() => JSON.parse(example.cannedResult ?? '')).not.toThrow();
      await handlers['tools:create'](example, ctx);
    }
  });
});

const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const property = fc.record({
  type: fc.constantFrom('string', 'number', 'integer', 'boolean'),
  description: fc.string({ maxLength: 30 }),
});
const parameters = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 12 }), property, { maxKeys: 4 })
  .map((properties) => ({ type: 'object', properties, required: Object.keys(properties).slice(0, 1) }));

describe('importing and exporting an OpenAI tools array', () => {
  it('round-trips any valid set of tools', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ name, description: fc.string({ maxLength: 40 }), parameters }), {
          selector: (t) => t.name,
          minLength: 1,
          maxLength: 5,
        }),
        async (list) => {
          const { handlers } = setup();
          const array = list.map((t) => ({ type: 'function', function: t }));
          const imported = await handlers['tools:import']({ text: JSON.stringify(array) }, ctx);
          expect(imported.map((t) => t.name)).toEqual(list.map((t) => t.name));
          const { text } = await handlers['tools:export']({ ids: imported.map((t) => t.id) }, ctx);
          expect(JSON.parse(text)).toEqual(array);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('updates same-named tools in place, keeping their id and canned result', () => {
    const { tools } = setup();
    const kept = tools.create({
      name: 'get_weather',
      description: 'old',
      parameters: objectSchema,
      cannedResult: 'sunny',
    });
    const imported = tools.importText(
      JSON.stringify({
        model: 'x',
        tools: [
          { type: 'function', function: { name: 'get_weather', description: 'new' } },
          { name: 'legacy_form', parameters: objectSchema },
        ],
      }),
    );
    expect(imported.map((t) => [t.id, t.name, t.description, t.cannedResult])).toEqual([
      [kept.id, 'get_weather', 'new', 'sunny'],
      ['tool-2', 'legacy_form', '', null],
    ]);
    expect(imported[0]?.parameters).toEqual({ type: 'object', properties: {} });
  });

  it('imports nothing when any tool is invalid, and points into the pasted JSON', () => {
    const { tools } = setup();
    const text = JSON.stringify([
      { type: 'function', function: { name: 'ok', parameters: objectSchema } },
      {
        type: 'function',
        function: { name: 'bad name', parameters: { type: 'object', properties: { a: { type: 'nope' } } } },
      },
      { type: 'retrieval' },
    ]);
    try {
      tools.importText(text);
      expect.unreachable();
    } catch (error) {
      const issues = (error as { error: { detail: { issues: { path: string }[] } } }).error.detail.issues.map(
        (i) => i.path,
      );
      expect(issues).toEqual(['/1/function/name', '/1/function/parameters/properties/a/type', '/2']);
    }
    expect(tools.list()).toEqual([]);
    expect(() => tools.importText('[]')).toThrow('The list has no tools in it.');
    expect(() => tools.importText('{"tools": 3}')).toThrow(/must be an array of tools/);
  });
});
