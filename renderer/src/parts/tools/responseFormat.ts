import type { ResponseFormat } from '../../../../main/contract/chat';
import { parseSchemaObject, TOOL_NAME_RULE } from './toolForm';

export type FormatKind = ResponseFormat['type'];

export interface SchemaFormatDraft {
  name: string;
  description: string;
  schemaText: string;
  strict: boolean;
}

export const DEFAULT_RESPONSE_SCHEMA = `{
  "type": "object",
  "properties": {
    "answer": { "type": "string" }
  },
  "required": ["answer"],
  "additionalProperties": false
}`;

export const kindOf = (value: ResponseFormat | undefined): FormatKind => value?.type ?? 'text';

export function draftOf(value: ResponseFormat | undefined): SchemaFormatDraft {
  if (value?.type === 'json_schema') {
    const spec = value.json_schema;
    return {
      name: spec.name,
      description: spec.description ?? '',
      schemaText: spec.schema ? JSON.stringify(spec.schema, null, 2) : '{}',
      strict: spec.strict ?? false,
    };
  }
  return { name: 'answer', description: '', schemaText: DEFAULT_RESPONSE_SCHEMA, strict: true };
}

export function nameRuleProblem(name: string): string | null {
  if (name === '') return 'A name is required.';
  return TOOL_NAME_RULE.test(name) ? null : 'Use 1–64 letters, digits, _ or -.';
}

/** The response_format a draft stands for, or null while it cannot be sent as typed. */
export function formatFromDraft(draft: SchemaFormatDraft): ResponseFormat | null {
  const schema = parseSchemaObject(draft.schemaText);
  if (schema === null || nameRuleProblem(draft.name) !== null) return null;
  const description = draft.description.trim();
  return {
    type: 'json_schema',
    json_schema: { name: draft.name, ...(description ? { description } : {}), schema, strict: draft.strict },
  };
}

/** `text` is what providers do anyway, so choosing it removes the field instead of sending it. */
export function formatForKind(kind: FormatKind, draft: SchemaFormatDraft): ResponseFormat | undefined | null {
  if (kind === 'text') return undefined;
  if (kind === 'json_object') return { type: 'json_object' };
  return formatFromDraft(draft);
}
