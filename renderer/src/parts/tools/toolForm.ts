import type { ToolDef, ToolInput } from '../../../../main/contract/tools';
import { parseJson } from '../../platform/jsonParse';
import { locateJsonPath } from '../../platform/jsonLocate';

/** The function-name rule OpenAI-compatible APIs enforce. */
export const TOOL_NAME_RULE = /^[A-Za-z0-9_-]{1,64}$/;

export interface SchemaProblem {
  /** Where in the schema document; `$` for the whole document. */
  path: string;
  message: string;
  /** Character offset of a syntax error, when the parser told us. */
  position?: number;
}

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ToolDraft {
  name: string;
  description: string;
  schemaText: string;
  cannedResult: string;
  hasCannedResult: boolean;
}

const EMPTY_SCHEMA_TEXT = `{
  "type": "object",
  "properties": {},
  "required": []
}`;

export const emptyDraft = (): ToolDraft => ({
  name: '',
  description: '',
  schemaText: EMPTY_SCHEMA_TEXT,
  cannedResult: '',
  hasCannedResult: false,
});

export const draftFromTool = (
  tool: Pick<ToolDef, 'name' | 'description' | 'parameters' | 'cannedResult'>,
): ToolDraft => ({
  name: tool.name,
  description: tool.description,
  schemaText: JSON.stringify(tool.parameters, null, 2),
  cannedResult: tool.cannedResult ?? '',
  hasCannedResult: tool.cannedResult !== null,
});

export function nameProblem(name: string, otherNames: readonly string[]): string | null {
  if (name.length === 0) return 'A name is required.';
  if (name.length > 64) return `Too long: ${name.length} of 64 characters.`;
  if (!TOOL_NAME_RULE.test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))].map((c) => (c === ' ' ? 'space' : `“${c}”`));
    return `Only letters, digits, _ and - are allowed (found ${bad.join(', ')}).`;
  }
  if (otherNames.includes(name)) return `Another tool is already called ${name}.`;
  return null;
}

/** What can be told without main: syntax, and whether the document describes an object. */
export function localSchemaProblems(schemaText: string, subject = 'Function parameters'): SchemaProblem[] {
  const parsed = parseJson(schemaText);
  if (!parsed.ok) {
    return [
      {
        path: '$',
        message: `Not valid JSON: ${parsed.message}`,
        ...(parsed.position === null ? {} : { position: parsed.position }),
      },
    ];
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ path: '$', message: `The schema must be a JSON object.` }];
  }
  const type = (value as Record<string, unknown>).type;
  if (type !== undefined && type !== 'object') {
    return [{ path: '/type', message: `${subject} must describe an object: set "type": "object".` }];
  }
  return [];
}

export function parseSchemaObject(schemaText: string): Record<string, unknown> | null {
  const parsed = parseJson(schemaText);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
    return null;
  return parsed.value as Record<string, unknown>;
}

/** Turns problems into editor underlines: a syntax error at its offset, others at their path. */
export function problemsToDiagnostics(text: string, problems: readonly SchemaProblem[]): EditorDiagnostic[] {
  return problems.map((p) => {
    if (p.position !== undefined) {
      const from = Math.min(p.position, text.length);
      return { from, to: Math.min(from + 1, text.length), severity: 'error', message: p.message };
    }
    const range = locateJsonPath(text, p.path) ?? { from: 0, to: Math.min(1, text.length) };
    return { ...range, severity: 'error', message: p.message };
  });
}

export function draftToInput(draft: ToolDraft): ToolInput | null {
  const parameters = parseSchemaObject(draft.schemaText);
  if (parameters === null) return null;
  return {
    name: draft.name,
    description: draft.description,
    parameters,
    cannedResult: draft.hasCannedResult ? draft.cannedResult : null,
  };
}

export const draftsEqual = (a: ToolDraft, b: ToolDraft): boolean =>
  a.name === b.name &&
  a.description === b.description &&
  a.schemaText === b.schemaText &&
  a.hasCannedResult === b.hasCannedResult &&
  (!a.hasCannedResult || a.cannedResult === b.cannedResult);

/** Names the problems that block saving, or null when the draft can be saved. */
export function saveBlocker(
  draft: ToolDraft,
  otherNames: readonly string[],
  problems: readonly SchemaProblem[],
): string | null {
  const name = nameProblem(draft.name, otherNames);
  if (name) return name;
  if (problems.length > 0)
    return `Fix the schema first (${problems.length} problem${problems.length === 1 ? '' : 's'}).`;
  return null;
}
