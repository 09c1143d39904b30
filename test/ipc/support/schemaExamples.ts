import { z } from 'zod';
import type { ChannelName } from '../../../main/contract';
import { channels } from '../../../main/contract';
import { fieldPath } from '../../../main/ipc/dispatch';

/**
 * Valid payloads and the places in them, derived from the channels' zod schemas, so a channel
 * added to the contract gets its example (and its mutations) without anyone writing a list.
 */

/** A position in a payload: the path, the schema found there, and whether the payload may omit it. */
export interface Leaf {
  readonly path: readonly (string | number)[];
  readonly schema: z.ZodType;
  readonly optional: boolean;
}

/** The schema under `.optional()`, `.nullable()` and `.default()`, with whether it may be absent. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let inner = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe && inner.in instanceof z.ZodCustom) {
      // A guard on the raw value (e.g. refusing an own `__proto__` key) before the real schema.
      inner = inner.out as z.ZodType;
    } else return { inner, optional, nullable };
  }
}

function stringExample(schema: z.ZodString): string {
  // 'a' repeated fits every bounded, patterned string field of the contract (names, ids, headers).
  const min = schema.minLength ?? 1;
  return 'a'.repeat(Math.max(1, Math.min(min, 64)));
}

function numberExample(schema: z.ZodNumber): number {
  const min = schema.minValue ?? 0;
  const floor = Number.isFinite(min) ? min : 0;
  const max = schema.maxValue ?? Infinity;
  const value = Math.min(Math.max(floor, 1), Number.isFinite(max) ? max : 1);
  return schema.isInt ? Math.ceil(value) : value;
}

/**
 * A value the schema accepts with every optional field present (so each can be mutated), or
 * undefined when the walker does not know the schema's kind (the channel then needs a table entry).
 */
export function exampleOf(schema: z.ZodType): unknown {
  const { inner } = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const value = exampleOf(field);
      if (value === undefined) return undefined;
      out[key] = value;
    }
    return out;
  }
  if (inner instanceof z.ZodString) return stringExample(inner);
  if (inner instanceof z.ZodNumber) return numberExample(inner);
  if (inner instanceof z.ZodBoolean) return true;
  if (inner instanceof z.ZodEnum) return inner.options[0];
  if (inner instanceof z.ZodLiteral) return inner.values.values().next().value;
  if (inner instanceof z.ZodUnion) return exampleOf(inner.options[0] as z.ZodType);
  if (inner instanceof z.ZodRecord) return {};
  if (inner instanceof z.ZodUnknown) return { note: 'anything' };
  if (inner instanceof z.ZodArray) {
    const item = exampleOf(inner.element as z.ZodType);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

/**
 * Payloads for the channels whose derived example does not parse (a refinement across fields, a
 * date pattern): a channel whose schema the walker cannot follow fails the coverage test until it
 * gets an entry here.
 */
export const EXAMPLE_TABLE: Partial<Record<ChannelName, unknown>> = {
  // Two different currencies and a YYYY-MM-DD date: the walker would give 'aaa' twice.
  'budgets:saveRate': { from: 'USD', to: 'EUR', rate: 0.92, asOf: '2026-12-01' },
  // A three-letter currency code: the walker would give 'a'.
  'budgets:settings': { convertTo: 'EUR', staleAfterDays: 30 },
};

/** The one valid payload each channel's mutations start from. */
export function validExample(name: ChannelName): unknown {
  return Object.hasOwn(EXAMPLE_TABLE, name) ? EXAMPLE_TABLE[name] : exampleOf(channels[name].input);
}

/** Every position of `value` the schema describes: object fields and array items, depth first. */
export function leavesOf(schema: z.ZodType, value: unknown, path: (string | number)[] = []): Leaf[] {
  const { inner } = unwrap(schema);
  const out: Leaf[] = [];
  if (inner instanceof z.ZodObject && value && typeof value === 'object') {
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      if (!Object.hasOwn(value, key)) continue;
      const child = [...path, key];
      out.push({ path: child, schema: field, optional: unwrap(field).optional });
      out.push(...leavesOf(field, (value as Record<string, unknown>)[key], child));
    }
  } else if (inner instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((item, index) => {
      const child = [...path, index];
      out.push({ path: child, schema: inner.element as z.ZodType, optional: false });
      out.push(...leavesOf(inner.element as z.ZodType, item, child));
    });
  }
  return out;
}

/** A deep copy of `value` with the position at `path` replaced (or removed when `remove`). */
export function withAt(
  value: unknown,
  path: readonly (string | number)[],
  next: unknown,
  remove = false,
): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  // Arrays and objects are both indexed by key here; an array stays an array.
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = withAt(copy[head], rest, next, remove);
  return copy;
}

/** The dotted path dispatch puts in front of its message, as it joins zod's issue path. */
export const dotted = (path: readonly PropertyKey[]): string => fieldPath(path);
