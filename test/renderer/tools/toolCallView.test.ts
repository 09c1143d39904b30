import { describe, expect, it } from 'vitest';
import { loadSchemaCheck } from '../../../renderer/src/platform/schemaCheck';
import { MESSAGE_DEFAULTS, type Message } from '../../../main/contract/chat';
import type { ToolDef } from '../../../main/contract/tools';
import {
  answersFor,
  buildResults,
  initialAnswer,
  toolsFromRequestBody,
  unknownFunctionText,
  viewToolCalls,
} from '../../../renderer/src/parts/tools/toolCallView';

// The check's code is its own chunk, loaded at the app's start.
await loadSchemaCheck();

const message = (over: Partial<Message> & Pick<Message, 'id' | 'role'>): Message => ({
  threadId: 't',
  parentId: null,
  ...MESSAGE_DEFAULTS,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const weatherSchema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
const library: ToolDef[] = [
  {
    id: 'w',
    name: 'get_weather',
    description: '',
    parameters: weatherSchema,
    cannedResult: '{"temp":21}',
    createdAt: 0,
    updatedAt: 0,
  },
];
const call = (id: string, name: string, args: string) => ({
  id,
  type: 'function' as const,
  function: { name, arguments: args },
});

const assistant = message({
  id: 'a1',
  role: 'assistant',
  toolCalls: [
    call('c1', 'get_weather', '{"city":"Oslo"}'),
    call('c2', 'get_weather', '{"town":1}'),
    call('c3', 'launch', '{'),
    call('c4', 'get_weather', '{"ci'),
  ],
});

describe('viewing tool calls', () => {
  it('checks each call against the schema the request sent, never hiding bad arguments', () => {
    const sent = toolsFromRequestBody(
      JSON.stringify({
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherSchema } }],
      }),
    );
    const views = viewToolCalls(assistant, sent, library, [assistant]);
    expect(views.map((v) => [v.id, v.known, v.state])).toEqual([
      ['c1', true, 'valid'],
      ['c2', true, 'invalid'],
      ['c3', false, 'unparsable'],
      ['c4', true, 'unparsable'],
    ]);
    expect(views[0]?.argumentsText).toBe('{\n  "city": "Oslo"\n}');
    expect(views[1]?.issues).toEqual([{ path: '$', message: 'missing required property "city"' }]);
    expect(views[3]?.argumentsText).toBe('{"ci');
    expect(views[0]?.cannedResult).toBe('{"temp":21}');
  });

  it('treats half-streamed arguments as incomplete, not broken', () => {
    const views = viewToolCalls({ ...assistant, status: 'streaming' }, null, library, []);
    expect(views[3]?.state).toBe('incomplete');
  });

  it('judges nothing against the library as it is now when no request was stored', () => {
    const views = viewToolCalls(assistant, null, library, []);
    expect(views.map((v) => [v.known, v.state])).toEqual([
      [true, 'unchecked'],
      [true, 'unchecked'],
      [true, 'unparsable'],
      [true, 'unparsable'],
    ]);
  });

  it('keeps judging against the tools that were sent after the library changes', () => {
    const sent = toolsFromRequestBody(
      JSON.stringify({
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherSchema } }],
      }),
    );
    const renamed = library.map((t) => ({ ...t, name: 'renamed', parameters: { type: 'object' } }));
    const views = viewToolCalls(assistant, sent, renamed, [assistant]);
    expect(views.map((v) => [v.known, v.state])).toEqual([
      [true, 'valid'],
      [true, 'invalid'],
      [false, 'unparsable'],
      [true, 'unparsable'],
    ]);
  });

  it('finds answers among the messages below the call, not in other branches', () => {
    const t1 = message({ id: 't1', role: 'tool', parentId: 'a1', toolCallId: 'c1', content: 'sunny' });
    const t2 = message({ id: 't2', role: 'tool', parentId: 't1', toolCallId: 'c2', content: 'err' });
    const elsewhere = message({ id: 'x', role: 'tool', parentId: 'other', toolCallId: 'c3', content: 'no' });
    const answers = answersFor('a1', [assistant, t1, t2, elsewhere]);
    expect([...answers.keys()]).toEqual(['c1', 'c2']);
  });
});

describe('answering', () => {
  const sent = toolsFromRequestBody(
    JSON.stringify({
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherSchema } }],
    }),
  );
  const views = viewToolCalls(assistant, sent, library, []);

  it('starts unknown and broken calls on an error answer', () => {
    expect(initialAnswer(views[2]!)).toEqual({ kind: 'error', text: 'Unknown function "launch"' });
    expect(initialAnswer(views[0]!)).toEqual({ kind: 'text', text: '' });
  });

  it('sends all parallel results together, in call order', () => {
    const outcome = buildResults(views, {
      c1: { kind: 'text', text: 'sunny' },
      c2: { kind: 'canned', text: '' },
      c4: { kind: 'error', text: '' },
    });
    expect(outcome).toEqual({
      ok: true,
      results: [
        { toolCallId: 'c1', name: 'get_weather', content: 'sunny' },
        { toolCallId: 'c2', name: 'get_weather', content: '{"temp":21}' },
        { toolCallId: 'c3', name: 'launch', content: '{"error":"Unknown function \\"launch\\""}' },
        { toolCallId: 'c4', name: 'get_weather', content: '{"error":"The tool failed"}' },
      ],
    });
  });

  it('refuses to send while a call has no answer', () => {
    expect(buildResults(views, { c1: { kind: 'text', text: '  ' } })).toEqual({ ok: false, missing: ['c1'] });
  });

  it('skips calls that were already answered', () => {
    const t1 = message({ id: 't1', role: 'tool', parentId: 'a1', toolCallId: 'c1', content: 'sunny' });
    const answered = viewToolCalls(assistant, sent, library, [assistant, t1]);
    const outcome = buildResults(answered, {
      c2: { kind: 'text', text: 'x' },
      c4: { kind: 'text', text: 'y' },
    });
    expect(outcome.ok && outcome.results.map((r) => r.toolCallId)).toEqual(['c2', 'c3', 'c4']);
  });
});

describe('an unknown function whose name hides characters', () => {
  it('spells the hidden characters out, so a right-to-left override cannot reorder the error text', () => {
    expect(unknownFunctionText('get_\u202Etxt.exe')).toBe('Unknown function "get_⟨U+202E⟩txt.exe"');
    expect(unknownFunctionText('launch')).toBe('Unknown function "launch"');
  });
});
