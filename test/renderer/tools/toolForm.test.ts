import { describe, expect, it } from 'vitest';
import {
  draftFromTool,
  draftToInput,
  draftsEqual,
  emptyDraft,
  localSchemaProblems,
  nameProblem,
  problemsToDiagnostics,
  saveBlocker,
} from '../../../renderer/src/parts/tools/toolForm';

describe('the tool name rule', () => {
  it('accepts letters, digits, _ and - up to 64 characters', () => {
    expect(nameProblem('get_weather-2', [])).toBeNull();
    expect(nameProblem('a'.repeat(64), [])).toBeNull();
  });

  it('says what is wrong as the user types', () => {
    expect(nameProblem('', [])).toBe('A name is required.');
    expect(nameProblem('a'.repeat(65), [])).toBe('Too long: 65 of 64 characters.');
    expect(nameProblem('get weather!', [])).toBe(
      'Only letters, digits, _ and - are allowed (found space, “!”).',
    );
    expect(nameProblem('search', ['search'])).toBe('Another tool is already called search.');
  });
});

describe('schema problems found without main', () => {
  it('reports a syntax error with its place', () => {
    const [problem] = localSchemaProblems('{\n  "type": "object",\n}');
    expect(problem?.position).toBe(22);
    expect(problem?.message).toMatch(/^Not valid JSON: .*line 3, column 1/);
  });

  it('insists on an object schema', () => {
    expect(localSchemaProblems('[]')).toEqual([{ path: '$', message: 'The schema must be a JSON object.' }]);
    expect(localSchemaProblems('{"type": "string"}')).toEqual([
      { path: '/type', message: 'Function parameters must describe an object: set "type": "object".' },
    ]);
    expect(localSchemaProblems('{"type": "object", "properties": {}}')).toEqual([]);
  });

  it('turns problems into editor underlines at the right place', () => {
    const text = '{"type": "string"}';
    const diagnostics = problemsToDiagnostics(text, localSchemaProblems(text));
    expect(diagnostics).toHaveLength(1);
    expect(text.slice(diagnostics[0]?.from, diagnostics[0]?.to)).toBe('"type"');
  });
});

describe('drafts', () => {
  const tool = {
    name: 'search',
    description: 'Web search',
    parameters: { type: 'object' },
    cannedResult: null,
  };

  it('round-trip a saved tool', () => {
    expect(draftToInput(draftFromTool(tool))).toEqual(tool);
    expect(
      draftToInput({ ...draftFromTool(tool), hasCannedResult: true, cannedResult: '[]' })?.cannedResult,
    ).toBe('[]');
  });

  it('notice real edits only', () => {
    const a = draftFromTool(tool);
    expect(draftsEqual(a, { ...a, cannedResult: 'ignored while off' })).toBe(true);
    expect(draftsEqual(a, { ...a, description: 'changed' })).toBe(false);
  });

  it('block saving with the first reason', () => {
    expect(saveBlocker(emptyDraft(), [], [])).toBe('A name is required.');
    expect(saveBlocker({ ...emptyDraft(), name: 'ok' }, [], [{ path: '$', message: 'x' }])).toBe(
      'Fix the schema first (1 problem).',
    );
    expect(saveBlocker({ ...emptyDraft(), name: 'ok' }, [], [])).toBeNull();
  });
});
