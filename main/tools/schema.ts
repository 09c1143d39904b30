import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SchemaIssue } from '../contract';
import { linearRegExp } from '../contract/schemaPattern';
import { parseJsonText } from './jsonText';

/** The function name rule of the OpenAI tools API. */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function checkFunctionName(name: string): SchemaIssue[] {
  if (FUNCTION_NAME.test(name)) return [];
  const why =
    name.length === 0
      ? 'is empty'
      : name.length > 64
        ? `is ${name.length} characters long`
        : 'has other characters';
  return [{ path: '/name', message: `must be 1–64 letters, digits, _ or - (this one ${why})` }];
}

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  typeof addFormatsModule === 'function'
    ? addFormatsModule
    : (addFormatsModule as unknown as { default: AddFormats }).default;

/**
 * Patterns are compiled with the same linear-time engine that tests them (contract/schemaPattern):
 * one it cannot run (lookahead, backreferences) is refused here, where the schema is written.
 * `code` only names the engine in standalone code, which is never generated.
 */
type RegExpEngine = NonNullable<NonNullable<Options['code']>['regExp']>;
const linearEngine: RegExpEngine = Object.assign(linearRegExp, { code: 'linearRegExp' });

/**
 * Unknown keywords are errors (a typo such as `require` would otherwise be silently ignored and
 * the model never told the field is required); type/tuple/required pedantry is not, because real
 * tool schemas often leave `type` implied on nested schemas.
 */
const ajv = new Ajv({
  code: { regExp: linearEngine },
  allErrors: true,
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  logger: false,
});
addFormats(ajv);

const escape = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** JSON Pointer of the first object (depth first) that has `key` (with `value`, when given). */
function findKey(node: unknown, key: string, value?: unknown, path = ''): string | null {
  if (node === null || typeof node !== 'object') return null;
  if (
    !Array.isArray(node) &&
    Object.hasOwn(node, key) &&
    (value === undefined || (node as Record<string, unknown>)[key] === value)
  ) {
    return `${path}/${escape(key)}`;
  }
  for (const [k, child] of Object.entries(node)) {
    const found = findKey(child, key, value, `${path}/${escape(k)}`);
    if (found !== null) return found;
  }
  return null;
}

function describeMetaErrors(errors: ErrorObject[]): SchemaIssue[] {
  // Where a keyword failed an anyOf (e.g. `type` must be a name or a list of names), the first
  // alternative's complaint is the useful one; the others just restate it.
  const withAnyOf = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    if (withAnyOf.has(error.instancePath) && seen.has(error.instancePath)) continue;
    if (error.keyword === 'anyOf') continue;
    seen.add(error.instancePath);
    const allowed =
      error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
    const message = error.message ?? 'is invalid';
    issues.push({
      path: error.instancePath,
      message: allowed ? `${message} (${allowed.map(String).join(', ')})` : message,
    });
  }
  return issues;
}

/** Where in the schema a compile error happened, from the patterns of Ajv's messages. */
function describeCompileError(schema: Record<string, unknown>, message: string): SchemaIssue {
  const keyword = /unknown keyword: "([^"]+)"/.exec(message);
  if (keyword?.[1])
    return { path: findKey(schema, keyword[1]) ?? '', message: `unknown keyword "${keyword[1]}"` };
  const ref = /can't resolve reference (\S+)/.exec(message);
  if (ref?.[1])
    return { path: findKey(schema, '$ref', ref[1]) ?? '', message: `can't resolve reference ${ref[1]}` };
  const regex = /^Invalid regular expression: \/(.*)\/[a-z]*: (.*)$/.exec(message);
  if (regex?.[1] !== undefined)
    return {
      path: findKey(schema, 'pattern', regex[1]) ?? '',
      message: `invalid regular expression: ${regex[2] ?? ''}`,
    };
  const format = /unknown format "([^"]+)" ignored in schema at path "#([^"]*)"/.exec(message);
  if (format?.[1]) return { path: `${format[2] ?? ''}/format`, message: `unknown format "${format[1]}"` };
  const at = /at "#([^"]*)"/.exec(message);
  return { path: at?.[1] ?? '', message: message.replace(/^strict mode: /, '') };
}

/**
 * Checks a tool's `parameters`: a JSON Schema that Ajv can compile and that describes an object.
 * Issues carry the JSON Pointer of the offending place in the schema.
 */
export function checkParametersSchema(schema: unknown): SchemaIssue[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    return [{ path: '', message: 'must be a JSON Schema object, e.g. {"type": "object", "properties": {}}' }];
  }
  const record = schema as Record<string, unknown>;
  if (!ajv.validateSchema(record)) return describeMetaErrors(ajv.errors ?? []);
  const issues: SchemaIssue[] = [];
  try {
    ajv.compile(record);
  } catch (error) {
    issues.push(describeCompileError(record, error instanceof Error ? error.message : String(error)));
  } finally {
    // Live validation compiles a schema per keystroke; Ajv would otherwise cache every one.
    ajv.removeSchema(record);
  }
  if (record.type !== 'object') {
    issues.push({
      path: '/type',
      message:
        record.type === undefined
          ? 'must be "object": tool arguments are an object of named fields'
          : `must be "object", not ${JSON.stringify(record.type)}`,
    });
  }
  return issues;
}

/** The editor's live check: JSON syntax (with line and column), then the schema itself. */
export function validateSchemaText(text: string): SchemaIssue[] {
  const parsed = parseJsonText(text);
  return parsed.ok ? checkParametersSchema(parsed.value) : [parsed.issue];
}
