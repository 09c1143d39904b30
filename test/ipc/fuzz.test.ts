import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChannelName } from '../../main/contract';
import { AppError, AppFailure, channelNames, channels } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import { expectAgreement, expectNames, recording } from './support/agreement';
import { PROTO_KEYS, hostileValue, oddLeaf, throwingGetter, throwingProxy } from './support/hostile';
import {
  EXAMPLE_TABLE,
  dotted,
  exampleOf,
  leavesOf,
  unwrap,
  validExample,
  withAt,
} from './support/schemaExamples';

// Every channel comes from the contract object itself: a channel added tomorrow is fuzzed too.

const channelArb = fc.constantFrom(...channelNames);
const RUNS = { numRuns: 1000 };

describe('every channel of the contract refuses hostile payloads as data', () => {
  it('has a valid example for every channel, derived from its schema or in the table', () => {
    for (const name of channelNames) {
      expect(channels[name].input.safeParse(validExample(name)).success, name).toBe(true);
    }
    // The table only holds what the schema walker cannot derive, and only declared channels.
    for (const name of Object.keys(EXAMPLE_TABLE)) {
      expect(channelNames).toContain(name);
      expect(
        channels[name as ChannelName].input.safeParse(exampleOf(channels[name as ChannelName].input)).success,
      ).toBe(false);
    }
  });

  it('answers anything at all with the validator verdict, never a throw, never the handler on a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(channelArb, fc.oneof(hostileValue, oddLeaf), async (name, payload) => {
        await expectAgreement(name, payload);
      }),
      RUNS,
    );
  });

  it('answers a valid payload with one hostile field the same way', async () => {
    const placed = channelArb.chain((name) => {
      const example = validExample(name);
      const leaves = leavesOf(channels[name].input, example);
      const path = leaves.length ? fc.constantFrom(...leaves.map((l) => l.path)) : fc.constant([]);
      return fc
        .tuple(fc.constant(name), path, hostileValue)
        .map(([n, p, v]) => ({ name: n, payload: withAt(example, p, v) }));
    });
    await fc.assert(
      fc.asyncProperty(placed, async ({ name, payload }) => {
        await expectAgreement(name, payload);
      }),
      RUNS,
    );
  });

  it('refuses a payload whose fields throw when read, instead of throwing itself', async () => {
    for (const name of channelNames) {
      const example = validExample(name) as Record<string, unknown>;
      // A proxy is refused wherever the schema reads a field (an empty schema reads none).
      await expectAgreement(name, throwingProxy());
      for (const key of Object.keys(example)) {
        // zod writes "received …" from the value itself, lazily, when the issues are first read.
        await expectAgreement(name, withAt(example, [key], throwingProxy()));
        const getter = Object.getOwnPropertyDescriptors(throwingGetter(key));
        const { result } = await expectAgreement(name, Object.defineProperties({ ...example }, getter));
        expect(result.ok, `${name}.${key}`).toBe(false);
      }
    }
  });

  it('refuses a field whose value throws when zod describes it (a fuzzing counterexample)', async () => {
    const { calls, handlers } = recording();
    const result = await dispatch(handlers, 'usage:clear', { from: throwingProxy(), to: 1 }, { senderId: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'the request could not be read' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses undeclared channel names, prototype keys included', async () => {
    const near = channelArb.chain((name) =>
      fc.constantFrom(` ${name}`, name.toUpperCase(), `${name}\u0000`, name.replace(':', '.')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS), near),
        hostileValue,
        async (name, payload) => {
          fc.pre(!Object.hasOwn(channels, name));
          const { calls, handlers } = recording();
          const result = await dispatch(handlers, name, payload, { senderId: 1 });
          expect(result).toEqual({
            ok: false,
            error: { code: 'invalid_request', message: `unknown channel ${name}` },
          });
          expect(calls).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Values of kinds a schema may refuse: the first one a place refuses is its "wrong type". */
const WRONG = [42, 'text', true, null, [], {}, NaN, { nested: { deeper: 1 } }];

describe('mutations of a valid payload: verdict and answer agree, the field is named', () => {
  const cases = channelNames.flatMap((name) => {
    const example = validExample(name);
    return leavesOf(channels[name].input, example).map((leaf) => ({ name, example, leaf }));
  });

  it('dropping a required field is refused naming it; dropping an optional one is not', async () => {
    // Nested fields count: more places than channels, or the walker stopped following the schemas.
    expect(cases.length).toBeGreaterThan(2 * channelNames.length);
    for (const { name, example, leaf } of cases) {
      if (typeof leaf.path.at(-1) === 'number') continue;
      const { result } = await expectAgreement(name, withAt(example, leaf.path, undefined, true));
      if (leaf.optional) continue;
      expect(result.ok, `${name} without ${dotted(leaf.path)}`).toBe(false);
      if (!result.ok) expectNames(result.error.detail?.field, leaf.path);
    }
  });

  it('a value of the wrong type is refused naming its field', async () => {
    for (const { name, example, leaf } of cases) {
      const wrong = WRONG.find((value) => !leaf.schema.safeParse(value).success);
      if (wrong === undefined) continue; // z.unknown() places accept anything
      const { result } = await expectAgreement(name, withAt(example, leaf.path, wrong));
      expect(result.ok, `${name} ${dotted(leaf.path)} = ${String(wrong)}`).toBe(false);
      if (!result.ok) expectNames(result.error.detail?.field, leaf.path);
    }
  });

  it('a string one past its limit is refused naming it; an unbounded one is taken whole', async () => {
    for (const { name, example, leaf } of cases) {
      const { inner } = unwrap(leaf.schema);
      if (!(inner instanceof z.ZodString)) continue;
      const max = inner.maxLength;
      const text = 'a'.repeat(max === null ? 1_000_000 : max + 1);
      const { result, input } = await expectAgreement(name, withAt(example, leaf.path, text));
      if (max !== null) {
        expect(result.ok, `${name} ${dotted(leaf.path)} of ${max + 1}`).toBe(false);
        if (!result.ok) expectNames(result.error.detail?.field, leaf.path);
      } else if (result.ok) {
        // What the window sent is what the handler got: nothing cut short on the way.
        let at: unknown = input;
        for (const step of leaf.path) at = (at as Record<string | number, unknown>)[step];
        expect((at as string).length).toBe(1_000_000);
      }
    }
  });

  it('extra fields (prototype keys among them) are stripped before the handler, never refused', async () => {
    const objects = channelNames.flatMap((name) => {
      const example = validExample(name);
      const root = { path: [] as (string | number)[], schema: channels[name].input };
      return [root, ...leavesOf(channels[name].input, example)]
        .filter((leaf) => unwrap(leaf.schema).inner instanceof z.ZodObject)
        .map((leaf) => ({ name, example, leaf }));
    });
    expect(objects.length).toBeGreaterThanOrEqual(channelNames.length);
    for (const { name, example, leaf } of objects) {
      let here: unknown = example;
      for (const step of leaf.path) here = (here as Record<string | number, unknown>)[step];
      const extra = Object.assign(
        JSON.parse('{"__proto__":{"polluted":true},"constructor":1}') as object,
        here,
        {
          unexpected: 'x',
        },
      );
      const { result, input } = await expectAgreement(name, withAt(example, leaf.path, extra));
      expect(result.ok, `${name} ${dotted(leaf.path)}`).toBe(true);
      let got: unknown = input;
      for (const step of leaf.path) got = (got as Record<string | number, unknown>)[step];
      expect(Object.hasOwn(got as object, 'unexpected')).toBe(false);
      expect(Object.hasOwn(got as object, '__proto__')).toBe(false);
      expect((got as { polluted?: unknown }).polluted).toBeUndefined();
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

/** Whether `await value` fails because reading its `then` throws. */
function refusesThen(value: unknown): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  try {
    void (value as { then?: unknown }).then;
    return false;
  } catch {
    return true;
  }
}

/** `instanceof` without tripping a proxy's getPrototypeOf trap in the test itself. */
function isFailure(value: unknown): value is AppFailure {
  try {
    return value instanceof AppFailure;
  } catch {
    return false;
  }
}

describe('what a handler gives back still reaches the window as a Result', () => {
  // The renderer does not parse answers with the contract (main is the trusted side): it reads
  // `ok` and branches on `error.code`. So dispatch itself must always resolve to that shape.
  const outcome = fc.oneof(
    hostileValue.map((value) => ({ throws: false, value })),
    hostileValue.map((value) => ({ throws: true, value })),
    fc.constantFrom(throwingProxy(), throwingGetter('message')).map((value) => ({ throws: true, value })),
    fc.string().map((message) => ({
      throws: true,
      value: new AppFailure('provider_error', message, { detail: { status: 500 } }),
    })),
  );

  it('turns a thrown proxy that refuses even its prototype into internal, instead of rejecting', async () => {
    // Found by the property below: `instanceof AppFailure` asked the proxy and dispatch rejected.
    const { handlers } = recording(() => {
      throw throwingProxy();
    });
    const result = await dispatch(handlers, 'providers:list', {}, { senderId: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the app. Details are in the log.' },
    });
  });

  it('turns a returned value that refuses to be read (even its `then`) into internal, instead of rejecting', async () => {
    // Found by the property below in CI: awaiting the handler's answer reads `then` on it.
    const { handlers } = recording(() => throwingProxy());
    const result = await dispatch(handlers, 'app:info', {}, { senderId: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the app. Details are in the log.' },
    });
  });

  it('resolves to { ok: true, value } or an error the renderer can read, whatever the handler does', async () => {
    await fc.assert(
      fc.asyncProperty(channelArb, outcome, async (name, { throws, value }) => {
        const { handlers } = recording(() => {
          if (throws) throw value;
          return value;
        });
        const logged: string[] = [];
        const result = await dispatch(handlers, name, validExample(name), { senderId: 1 }, (m) =>
          logged.push(m),
        );
        if (!throws && !refusesThen(value)) {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value).toBe(value);
          return;
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(AppError.safeParse(result.error).success).toBe(true);
        if (throws && isFailure(value)) expect(result.error).toBe(value.error);
        else expect(result.error.code).toBe('internal');
      }),
      { numRuns: 300 },
    );
  });
});
