import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveBy, moveTo } from '../../../renderer/src/features/providers/reorder';

describe('reordering providers', () => {
  it('moves one place up or down and stops at the ends', () => {
    expect(moveBy(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('never loses or duplicates a provider, wherever it is dropped', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: -3, max: 15 }),
        (ids, pick, to) => {
          const id = ids[pick % ids.length] ?? '';
          const moved = moveTo(ids, id, to);
          expect([...moved].sort()).toEqual([...ids].sort());
          expect(moved.indexOf(id)).toBe(Math.max(0, Math.min(ids.length - 1, to)));
        },
      ),
    );
  });
});
