import { Validator } from '@cfworker/json-schema';
import type { OutputUnit, SchemaDraft } from '@cfworker/json-schema';
import { withLinearPatterns } from './schemaPattern';

/**
 * The one JSON Schema *value* check of the app (tool-call arguments, structured answers), pure
 * so both sides import it. It runs @cfworker/json-schema, an interpreter: Ajv compiles validators
 * with `new Function`, which the renderer's CSP forbids. Ajv stays the authority on schemas
 * themselves (main/tools/schema.ts: is this a usable schema?); this module is the authority on
 * whether a value fits one. Patterns run on RE2 in both (schemaPattern.ts).
 */

/** One failing place in a JSON document: `$.days[1]`-style path and a short reason. */
export interface JsonIssue {
  path: string;
  message: string;
}

// Ajv compiles validators with `new Function`, which the renderer's CSP forbids; this
// interpreter-style validator needs no eval, so schemas can be checked live in the window.
const draftOf = (schema: Record<string, unknown>): SchemaDraft => {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (declared.includes('draft-04')) return '4';
  if (declared.includes('2019-09')) return '2019-09';
  if (declared.includes('2020-12')) return '2020-12';
  // Main validates with Ajv's default dialect (draft-07); mirror it when the schema is silent.
  return '7';
};

const unescapeSegment = (segment: string): string => {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A segment that is not valid percent-encoding is shown as it is.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
};

/** `#/days/1` or `/days/1` → `$.days[1]`; keys that are not identifiers are bracket-quoted. */
export function pointerToPath(pointer: string): string {
  const body = pointer.replace(/^#/, '');
  if (body === '' || body === '/') return '$';
  const segments = body.slice(1).split('/').map(unescapeSegment);
  let path = '$';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

const friendly = (unit: OutputUnit): string => {
  const text = unit.error;
  const required = /^Instance does not have required property "(.*)"\.$/.exec(text);
  if (required) return `missing required property "${required[1]}"`;
  const type = /^Instance type "(.*)" is invalid\. Expected "(.*)"\.$/.exec(text);
  if (type) return `expected ${type[2]}, got ${type[1]}`;
  const extra = /^Property "(.*)" does not match additional properties schema\.$/.exec(text);
  if (extra) return `property "${extra[1]}" is not allowed`;
  if (unit.keyword === 'anyOf') return 'matches none of the allowed shapes (anyOf)';
  if (unit.keyword === 'oneOf') return 'must match exactly one allowed shape (oneOf)';
  return text.replace(/^Instance /, '').replace(/\.$/, '');
};

/** Keywords whose own message only says "a child failed": the child says what went wrong. */
const WRAPPERS = new Set([
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'additionalItems',
  '$ref',
  '$recursiveRef',
  'allOf',
  'dependentSchemas',
  'dependencies',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** Collapses the validator's nested output to the failures a person would fix. */
export function condenseErrors(units: readonly OutputUnit[]): JsonIssue[] {
  const alternatives = units.filter(
    (u) => u.keyword === 'anyOf' || u.keyword === 'oneOf' || u.keyword === 'not',
  );
  const underAlternative = (u: OutputUnit) =>
    alternatives.some((a) => a !== u && u.keywordLocation.startsWith(`${a.keywordLocation}/`));
  const rejectedExtras = new Set(
    units
      .filter((u) => u.keyword === 'additionalProperties')
      .map((u) => /^Property "(.*)" does not match/.exec(u.error)?.[1])
      .filter((k): k is string => k !== undefined),
  );
  const issues: JsonIssue[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (underAlternative(unit)) continue;
    if (
      WRAPPERS.has(unit.keyword) &&
      units.some((o) => o !== unit && o.keywordLocation.startsWith(`${unit.keywordLocation}/`))
    ) {
      continue;
    }
    if (unit.keyword === 'false') {
      const key = unescapeSegment(unit.instanceLocation.split('/').pop() ?? '');
      if (rejectedExtras.has(key)) continue;
    }
    const issue = {
      path: pointerToPath(unit.instanceLocation),
      message: unit.keyword === 'false' ? 'not allowed here' : friendly(unit),
    };
    const id = `${issue.path}\u0000${issue.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push(issue);
  }
  return issues;
}

/** Validates a parsed JSON value against a JSON Schema; an unusable schema is reported as an issue. */
export function checkAgainstSchema(value: unknown, schema: Record<string, unknown>): JsonIssue[] {
  try {
    // Patterns run on RE2 (linear time): a backtracking pattern and a long argument cannot freeze the window.
    const result = withLinearPatterns(() => new Validator(schema, draftOf(schema), false).validate(value));
    return result.valid ? [] : condenseErrors(result.errors);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path: '$', message: `the schema could not be applied: ${reason}` }];
  }
}
