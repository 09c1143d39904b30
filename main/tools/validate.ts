import type { OutputUnit, Schema } from '@cfworker/json-schema';
import { Validator } from '@cfworker/json-schema';
import { withLinearPatterns } from '../contract/schemaPattern';
import type { SchemaIssue, ToolDef } from '../contract/tools';
import { parseJsonText } from './jsonText';

/**
 * Checks a value (tool-call arguments, a structured answer) against a JSON Schema. Pure and free of
 * Node and the DOM so the renderer imports it as well. Ajv compiles validators with `new
 * Function`, which the renderer's CSP (`script-src 'self'`) forbids, so values are checked with
 * @cfworker/json-schema, an interpreter; Ajv stays in main, where schemas are checked as schemas.
 */

export interface ValueCheck {
  ok: boolean;
  parsed?: unknown;
  issues: SchemaIssue[];
}

export interface ArgumentsCheck extends ValueCheck {
  unknownFunction: boolean;
}

const pointer = (location: string): string => location.replace(/^#/, '');
const decode = (segment: string): string => segment.replaceAll('~1', '/').replaceAll('~0', '~');
const escape = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** The part of the schema a keyword location points at, when it can be followed. */
function schemaAt(root: unknown, location: string): unknown {
  let node = root;
  for (const segment of pointer(location).split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decode(segment)];
  }
  return node;
}

const quotedName = (error: string): string | null => /"((?:[^"\\]|\\.)*)"/.exec(error)?.[1] ?? null;
const list = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

// Keywords whose failure only says "a child failed"; the child's own unit says what and where.
const WRAPPERS = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'unevaluatedProperties',
  'allOf',
  '$ref',
  'then',
  'else',
  'dependentSchemas',
]);

/** Plain-words issues from the validator's units: leaves only, alternatives folded into their anyOf/oneOf. */
function describeUnits(schema: unknown, units: OutputUnit[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  const forbidden = new Set<string>();
  const push = (path: string, message: string) => {
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) issues.push({ path, message });
    seen.add(key);
  };
  for (const unit of units) {
    const path = pointer(unit.instanceLocation);
    const at = schemaAt(schema, unit.keywordLocation);
    if (WRAPPERS.has(unit.keyword)) continue;
    if (/\/(?:anyOf|oneOf)\/\d+\//.test(unit.keywordLocation) || /\/not\//.test(unit.keywordLocation))
      continue;
    switch (unit.keyword) {
      case 'additionalProperties': {
        const name = quotedName(unit.error);
        if (at === false && name !== null) {
          forbidden.add(`${path}/${escape(name)}`);
          push(path, `must NOT have additional property "${name}"`);
        }
        break;
      }
      case 'false':
        if (!forbidden.has(path)) push(path, 'is not allowed here');
        break;
      case 'required':
        push(path, `must have required property "${quotedName(unit.error) ?? '?'}"`);
        break;
      case 'type': {
        const expected = Array.isArray(at) ? at.map(String).join(' or ') : String(at);
        push(path, `must be ${expected}`);
        break;
      }
      case 'enum':
        push(
          path,
          Array.isArray(at)
            ? `must be equal to one of the allowed values: ${list(at)}`
            : 'must be equal to one of the allowed values',
        );
        break;
      case 'const':
        push(path, `must be equal to ${JSON.stringify(at)}`);
        break;
      case 'anyOf':
        push(path, 'must match at least one of the schemas in anyOf');
        break;
      case 'oneOf':
        push(path, 'must match exactly one of the schemas in oneOf');
        break;
      case 'not':
        push(path, 'must NOT match the schema in "not"');
        break;
      case 'pattern':
        push(path, typeof at === 'string' ? `must match pattern "${at}"` : unit.error);
        break;
      case 'format':
        push(path, typeof at === 'string' ? `must be a valid ${at}` : unit.error);
        break;
      default:
        push(path, unit.error.replace(/\.$/, ''));
    }
  }
  return issues;
}

/** Checks a parsed value against a schema; a schema the validator cannot use is reported, not thrown. */
export function checkValue(schema: Record<string, unknown> | boolean, value: unknown): SchemaIssue[] {
  try {
    // The validator marks up the schema it is given (resolved ids and refs), so it gets a copy:
    // a stored tool or a frozen store object must stay as it is. Draft 7 is what Ajv (main's
    // schema check) accepts by default, so both read schemas alike.
    const own = structuredClone(schema) as Schema | boolean;
    // Patterns run on RE2 (linear time): a backtracking pattern cannot hang main.
    const result = withLinearPatterns(() => new Validator(own, '7', false).validate(value));
    return result.valid ? [] : describeUnits(schema, result.errors);
  } catch (error) {
    return [
      {
        path: '',
        message: `the schema cannot be used: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

/** Structured output: parses the answer and checks it against the `json_schema` schema (if any). */
export function validateJsonAgainstSchema(
  schema: Record<string, unknown> | undefined,
  text: string,
): ValueCheck {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const issues = schema === undefined ? [] : checkValue(schema, parsed.value);
  return { ok: issues.length === 0, parsed: parsed.value, issues };
}

/**
 * A model's tool call: are the arguments JSON, and do they fit the tool's parameters? A call to a
 * function that is not among the thread's tools is flagged as unknown (its arguments still parsed).
 */
export function checkArguments(tool: ToolDef | undefined, argumentsJson: string): ArgumentsCheck {
  const parsed = parseJsonText(argumentsJson);
  if (tool === undefined) {
    const issue = { path: '', message: 'the model called a function that is not among this thread’s tools' };
    return {
      ok: false,
      ...(parsed.ok ? { parsed: parsed.value } : {}),
      issues: parsed.ok ? [issue] : [issue, parsed.issue],
      unknownFunction: true,
    };
  }
  if (!parsed.ok) return { ok: false, issues: [parsed.issue], unknownFunction: false };
  const issues = checkValue(tool.parameters, parsed.value);
  return { ok: issues.length === 0, parsed: parsed.value, issues, unknownFunction: false };
}
