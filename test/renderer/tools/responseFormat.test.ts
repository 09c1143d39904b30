import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSE_SCHEMA,
  draftOf,
  formatForKind,
  formatFromDraft,
  kindOf,
  nameRuleProblem,
} from '../../../renderer/src/parts/tools/responseFormat';

describe('the response_format editor model', () => {
  const draft = { name: 'report', description: '', schemaText: DEFAULT_RESPONSE_SCHEMA, strict: true };

  it('leaves plain text unsent and sends the JSON modes', () => {
    expect(formatForKind('text', draft)).toBeUndefined();
    expect(formatForKind('json_object', draft)).toEqual({ type: 'json_object' });
    expect(formatForKind('json_schema', draft)).toEqual({
      type: 'json_schema',
      json_schema: { name: 'report', schema: JSON.parse(DEFAULT_RESPONSE_SCHEMA), strict: true },
    });
  });

  it('holds back a schema format that cannot be sent as typed', () => {
    expect(formatFromDraft({ ...draft, schemaText: '{"type":' })).toBeNull();
    expect(formatFromDraft({ ...draft, name: 'bad name' })).toBeNull();
    expect(nameRuleProblem('bad name')).toBe('Use 1–64 letters, digits, _ or -.');
    expect(nameRuleProblem('')).toBe('A name is required.');
  });

  it('keeps a description only when there is one', () => {
    const format = formatFromDraft({ ...draft, description: '  For the weather card ' });
    expect(format?.type === 'json_schema' && format.json_schema.description).toBe('For the weather card');
  });

  it('reads a stored format back into the form', () => {
    const stored = {
      type: 'json_schema' as const,
      json_schema: { name: 'x', schema: { type: 'object' }, strict: false },
    };
    expect(kindOf(stored)).toBe('json_schema');
    expect(kindOf(undefined)).toBe('text');
    expect(draftOf(stored)).toEqual({
      name: 'x',
      description: '',
      schemaText: '{\n  "type": "object"\n}',
      strict: false,
    });
    expect(draftOf(undefined).schemaText).toBe(DEFAULT_RESPONSE_SCHEMA);
  });
});
