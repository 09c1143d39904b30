import fc from 'fast-check';
import { z } from 'zod';
import { channels } from '../../../main/contract';
import { unwrap } from './schemaExamples';

/**
 * Payloads a compromised or buggy renderer (or an in-process caller) could hand to dispatch:
 * values JSON and structured clone cannot carry are included on purpose, because dispatch's
 * promise is "never throws", whatever arrives.
 */

/** Every field name the contract declares, so random objects sometimes look almost valid. */
function fieldNames(): string[] {
  const names = new Set<string>();
  const walk = (schema: z.ZodType, depth: number): void => {
    const { inner } = unwrap(schema);
    if (depth > 8) return;
    if (inner instanceof z.ZodObject) {
      for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
        names.add(key);
        walk(field, depth + 1);
      }
    } else if (inner instanceof z.ZodArray) walk(inner.element as z.ZodType, depth + 1);
    else if (inner instanceof z.ZodUnion)
      for (const option of inner.options) walk(option as z.ZodType, depth + 1);
  };
  for (const { input } of Object.values(channels)) walk(input, 0);
  return [...names];
}

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...PROTO_KEYS, ...fieldNames()));

/** Tells fast-check how to print a value it could not walk (too deep, or throwing when read). */
function labelled<T extends object>(value: T, label: string): T {
  return Object.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false });
}

/** An object whose every read of `field` throws, like a hostile getter. */
export const throwingGetter = (field: string): object =>
  Object.defineProperty(labelled({}, `throwingGetter(${field})`), field, {
    enumerable: true,
    get() {
      throw new Error(`getter ${field} exploded`);
    },
  });

/**
 * A proxy that throws on every read of a named field, on listing its keys and on asking for its
 * prototype. Symbol keys pass, so fast-check itself can still hold the value.
 */
export const throwingProxy = (): object =>
  new Proxy(labelled({}, 'throwingProxy()'), {
    get: (target, key) => {
      if (typeof key === 'symbol') return Reflect.get(target, key);
      throw new Error(`proxy get ${key}`);
    },
    has: (target, key) => {
      if (typeof key === 'symbol') return Reflect.has(target, key);
      throw new Error(`proxy has ${key}`);
    },
    ownKeys: () => {
      throw new Error('proxy ownKeys');
    },
    getPrototypeOf: () => {
      throw new Error('proxy prototype');
    },
  });

/** `depth` levels of `{ a: { a: … } }` (or arrays): far deeper than any schema. */
export function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value, settings: value };
  return labelled(value as object, `deeplyNested(${depth}, ${asArray})`);
}

/** A JSON-parsed object: its `__proto__` is an own key, as it arrives over the test bridge. */
const ownProto = fc
  .constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}')
  .map((text) => JSON.parse(text) as unknown);

/** Leaves the default `fc.anything` never produces. */
export const oddLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2),
  fc.constantFrom(new Date(NaN), new Date(8.64e15), Symbol('s'), () => 1, new Error('value')),
  fc.constantFrom(10_000, 300_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom('\u0000', '\ud800', 'a\u202eb', ' '.repeat(1000), '__proto__'),
  fc.constantFrom(...PROTO_KEYS, 'name', 'id').map(throwingGetter),
  fc.constant(null).map(throwingProxy),
  fc.constantFrom(200, 5_000).chain((n) => fc.boolean().map((asArray) => deeplyNested(n, asArray))),
  ownProto,
  fc.constant(null).map(() => Object.create(null) as object),
  fc.constant(null).map(() => Object.assign(new Array<unknown>(3), { 0: 1, 2: 3, extra: 'prop' })),
);

/** Anything at all, nested, with hostile leaves and keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  key,
  values: [
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    oddLeaf,
  ],
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});
