import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterByScope } from '../../main/models/scopeFilter';

const scopeName = fc.constantFrom(
  'llm-confidential',
  'llm-other',
  'llm-all',
  'offline_access',
  'openid',
  'llm-admin',
);
const scopes = fc.option(fc.uniqueArray(scopeName, { maxLength: 6 }), { nil: null });
const model = fc.record({
  id: fc.oneof(
    fc.string({ minLength: 1 }),
    fc.string({ minLength: 1 }).map((s) => `phala/${s}`),
  ),
  confidential: fc.boolean(),
});
const models = fc.array(model, { maxLength: 40 });

describe('scope filtering (property-based)', () => {
  it('never drops or reorders a model', () => {
    fc.assert(
      fc.property(models, scopes, (list, granted) => {
        const out = filterByScope(list, granted);
        expect(out.map((m) => m.id)).toEqual(list.map((m) => m.id));
      }),
    );
  });

  it('allows a model exactly when llm-all, or the scope matching its confidentiality, is granted (or nothing is known)', () => {
    fc.assert(
      fc.property(models, scopes, (list, granted) => {
        for (const m of filterByScope(list, granted)) {
          const expected =
            granted === null ||
            granted.includes('llm-all') ||
            granted.includes(m.confidential ? 'llm-confidential' : 'llm-other');
          expect(m.allowed).toBe(expected);
        }
      }),
    );
  });

  it('gives every hidden model its reason, and no allowed model one', () => {
    fc.assert(
      fc.property(models, scopes, (list, granted) => {
        for (const m of filterByScope(list, granted)) {
          if (m.allowed) expect(m.hiddenReason).toBeNull();
          else expect(m.hiddenReason).toBe(m.confidential ? 'needs llm-confidential' : 'needs llm-other');
        }
      }),
    );
  });

  it('llm-confidential shows confidential models only; llm-other the rest only', () => {
    fc.assert(
      fc.property(models, (list) => {
        const conf = filterByScope(list, ['llm-confidential']);
        expect(conf.every((m) => m.allowed === m.confidential)).toBe(true);
        const other = filterByScope(list, ['llm-other']);
        expect(other.every((m) => m.allowed === !m.confidential)).toBe(true);
      }),
    );
  });

  it('granting more scopes never hides a model that was allowed', () => {
    fc.assert(
      fc.property(models, fc.uniqueArray(scopeName), fc.uniqueArray(scopeName), (list, a, b) => {
        const fewer = filterByScope(list, a);
        const more = filterByScope(list, [...new Set([...a, ...b])]);
        fewer.forEach((m, i) => {
          if (m.allowed) expect(more[i]?.allowed).toBe(true);
        });
      }),
    );
  });

  it('keeps every other field of the model untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), confidential: fc.boolean(), extra: fc.integer() })),
        scopes,
        (list, granted) => {
          filterByScope(list, granted).forEach((m, i) => expect(m.extra).toBe(list[i]?.extra));
        },
      ),
    );
  });
});
