import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThreadSummary } from '../../../main/contract';
import { keepRows } from '../../../renderer/src/store/threads/threadOrder';

const row: fc.Arbitrary<ThreadSummary> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  title: fc.constantFrom('Ferries', 'Tides', 'Night ferries'),
  titleEdited: fc.boolean(),
  pinned: fc.boolean(),
  archived: fc.constant(false),
  providerId: fc.constantFrom(null, 'p1'),
  model: fc.constantFrom(null, 'm1', 'm2'),
  messageCount: fc.nat(3),
  lastActivityAt: fc.nat(3),
  createdAt: fc.constant(1),
  totals: fc.record({
    tokens: fc.nat(2),
    credits: fc.constantFrom(null, 0.5),
    cost: fc.constantFrom(null, 0.01),
  }),
});
const list = fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 6 });
const copy = (rows: ThreadSummary[]) => rows.map((r) => ({ ...r, totals: { ...r.totals } }));

describe('keepRows, the threads list loaded again', () => {
  it('equals the new list, and keeps the object of every row that did not change', () => {
    fc.assert(
      fc.property(list, list, (before, after) => {
        const kept = keepRows(before, after);
        expect(kept).toEqual(after);
        for (const r of kept) {
          const old = before.find((b) => b.id === r.id);
          const same = old !== undefined && JSON.stringify(old) === JSON.stringify(r);
          expect(r === old).toBe(same);
        }
      }),
    );
  });

  it('gives back the very list shown when nothing changed, and a new one when only the order did', () => {
    fc.assert(
      fc.property(list, (before) => {
        expect(keepRows(before, copy(before))).toBe(before);
        if (before.length > 1) {
          const reversed = keepRows(before, copy(before).reverse());
          expect(reversed).not.toBe(before);
          expect(reversed.every((r) => before.includes(r))).toBe(true);
        }
      }),
    );
  });

  it('takes a row whose totals changed, however small', () => {
    const [first] = fc.sample(row, { numRuns: 1, seed: 7 });
    if (!first) throw new Error('no sample');
    const moved = { ...first, totals: { ...first.totals, tokens: first.totals.tokens + 1 } };
    expect(keepRows([first], [moved])[0]).toBe(moved);
  });
});
