import { isRecord } from './http';

/**
 * Builds a value that satisfies the common subset of JSON Schema used by
 * structured outputs and tool parameters. Every declared property is filled,
 * required or not, because strict mode requires them all anyway.
 */
export function valueFromSchema(schema: unknown, root: unknown = schema, name = 'value', depth = 0): unknown {
  if (!isRecord(schema) || depth > 12) return null;
  const resolved = resolveRef(schema, root);
  if (resolved !== schema) return valueFromSchema(resolved, root, name, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union) && union.length > 0) {
    const nonNull = union.find((s) => !(isRecord(s) && s.type === 'null')) ?? union[0];
    return valueFromSchema(nonNull, root, name, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((s) => valueFromSchema(s, root, name, depth + 1)));
  }
  switch (pickType(schema)) {
    case 'object':
      return objectValue(schema, root, depth);
    case 'array':
      return arrayValue(schema, root, name, depth);
    case 'string':
      return stringValue(schema, name);
    case 'integer':
      return numberValue(schema, true);
    case 'number':
      return numberValue(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return `sample ${name}`;
  }
}

function resolveRef(schema: Record<string, unknown>, root: unknown): unknown {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const key of ref.slice(2).split('/')) {
    target = isRecord(target) ? target[key] : undefined;
  }
  return target ?? {};
}

function pickType(schema: Record<string, unknown>): string | null {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const first = type.find((t) => t !== 'null') ?? type[0];
    return typeof first === 'string' ? first : null;
  }
  if (isRecord(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return null;
}

function objectValue(schema: Record<string, unknown>, root: unknown, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, sub] of Object.entries(properties)) {
    out[key] = valueFromSchema(sub, root, key, depth + 1);
  }
  return out;
}

function arrayValue(schema: Record<string, unknown>, root: unknown, name: string, depth: number): unknown[] {
  const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(min, 1);
  const count = Math.min(Math.max(min, 1), max);
  const items = Array.from({ length: count }, () => valueFromSchema(schema.items, root, name, depth + 1));
  // uniqueItems would reject identical copies; one item always satisfies it when allowed.
  return schema.uniqueItems === true && count > 1 && min <= 1 ? items.slice(0, 1) : items;
}

const FORMATS: Record<string, string> = {
  'date-time': '2025-01-01T12:00:00Z',
  date: '2025-01-01',
  time: '12:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function stringValue(schema: Record<string, unknown>, name: string): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  let text = format ?? `sample ${name}`;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (text.length < min) text = text.padEnd(min, 'x');
  return text.slice(0, max);
}

function numberValue(schema: Record<string, unknown>, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : null;
  const exclusiveMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : null;
  const max = typeof schema.maximum === 'number' ? schema.maximum : null;
  let value = min ?? (exclusiveMin !== null ? exclusiveMin + 1 : 1);
  if (max !== null && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}
