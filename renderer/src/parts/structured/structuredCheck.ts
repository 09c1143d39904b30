import type { MessageStatus } from '../../../../main/contract/chat';
import type { JsonIssue } from '../../../../main/contract/jsonSchemaCheck';
import { parseJson } from '../../platform/jsonParse';
import { schemaCheckNow, type SchemaCheck } from '../../platform/schemaCheck';

/**
 * Closes what a half-streamed JSON text left open (a string, arrays, objects) and drops a
 * dangling `,` or `:` so the part received so far can be shown formatted. Null when even that
 * does not parse.
 */
export function closePartialJson(text: string): string | null {
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') closers.pop();
  }
  let attempt = inString ? `${text}${escaped ? '\\' : ''}"` : text;
  const suffix = [...closers].reverse().join('');
  for (let step = 0; step < 8; step++) {
    const closed = attempt + suffix;
    if (parseJson(closed).ok) return closed;
    const trimmed = attempt.replace(/\s+$/, '');
    const next = /[,:]$/.test(trimmed)
      ? trimmed.slice(0, -1)
      : /[-+.\w]+$/.test(trimmed)
        ? trimmed.replace(/[-+.\w]+$/, '')
        : trimmed.replace(/"(?:[^"\\]|\\.)*"$/, '');
    if (next === attempt) break;
    attempt = next;
  }
  return null;
}

export type StructuredState = 'incomplete' | 'unparsable' | 'pass' | 'fail' | 'unchecked';

export interface StructuredView {
  state: StructuredState;
  /** Formatted JSON when it parses (or the received part closes up); the exact text otherwise. */
  text: string;
  formatted: boolean;
  issues: JsonIssue[];
}

const fenced = (content: string) => /^\s*```/.test(content);

export function checkStructured(
  content: string,
  schema: Record<string, unknown> | null | undefined,
  status: MessageStatus,
  /** Null while the check's code loads: the answer shows unchecked until it is here. */
  check: SchemaCheck | null = schemaCheckNow(),
): StructuredView {
  if (status === 'streaming') {
    const closed = closePartialJson(content);
    const preview = closed === null ? null : parseJson(closed);
    return preview?.ok
      ? { state: 'incomplete', text: JSON.stringify(preview.value, null, 2), formatted: true, issues: [] }
      : { state: 'incomplete', text: content, formatted: false, issues: [] };
  }
  const parsed = parseJson(content);
  if (!parsed.ok) {
    if (status === 'interrupted' || status === 'error')
      return { state: 'incomplete', text: content, formatted: false, issues: [] };
    const why = fenced(content)
      ? 'not JSON: the answer is wrapped in a Markdown code fence'
      : `not valid JSON: ${parsed.message}`;
    return { state: 'unparsable', text: content, formatted: false, issues: [{ path: '$', message: why }] };
  }
  const text = JSON.stringify(parsed.value, null, 2);
  if (!schema || !check) return { state: 'unchecked', text, formatted: true, issues: [] };
  const issues = check(parsed.value, schema);
  return { state: issues.length === 0 ? 'pass' : 'fail', text, formatted: true, issues };
}
