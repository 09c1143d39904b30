import { describe, expect, it } from 'vitest';
import type { NumberParam } from '../../main/contract';
import { ChatParams, NUMBER_PARAMS, briefRange, describeRange, rangeOf } from '../../main/contract';
import { validateParams } from '../../main/chat/request/validate';
import { COMPARE_PARAMS, parseCompareValue } from '../../renderer/src/store/inspector/compare';
import { NUMBER_FIELDS, checkDraft, emptyDraft } from '../../renderer/src/parts/settings/paramsModel';

/** The value just past a declared bound (or a fraction for a whole-number field). */
function outside(key: NumberParam): number {
  const range = rangeOf(key);
  if (range.max !== null) return range.max + 1;
  if (range.min !== null) return range.min - 1;
  return 0.5;
}

const refusal = (key: NumberParam, value: number): string => {
  try {
    validateParams({ [key]: value, ...(key === 'top_logprobs' ? { logprobs: true } : {}) }, []);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
};

describe('each parameter rule is declared once, on the contract', () => {
  it.each(NUMBER_PARAMS)('%s: panel, main and Compare use the declared range', (key) => {
    const range = rangeOf(key);
    // The schema enforces exactly the declared bounds.
    if (range.max !== null)
      expect(ChatParams.safeParse({ [key]: range.max, logprobs: true }).success).toBe(true);
    expect(ChatParams.safeParse({ [key]: outside(key), logprobs: true }).success).toBe(false);

    // The panel shows and checks the same numbers.
    const field = NUMBER_FIELDS.find((f) => f.key === key);
    expect(field).toMatchObject({ min: range.min, max: range.max, integer: range.integer });
    const draft = emptyDraft();
    draft.numbers[key] = String(outside(key));
    draft.bools.logprobs = true;
    expect(checkDraft(draft).errors[key]).toMatch(new RegExp(`^${key} must be`));

    // Main's refusal says the declared range.
    expect(refusal(key, outside(key))).toContain(`${key} must be ${describeRange(range)}`);

    // Compare's hint and message say it too.
    const compare = COMPARE_PARAMS.find((p) => p.key === key);
    if (compare) {
      expect(compare.hint).toBe(briefRange(range));
      expect(parseCompareValue(compare.key, String(outside(key)))).toEqual({
        ok: false,
        message: `${key} must be ${briefRange(range)}.`,
      });
    }
  });

  it('words ranges as each screen says them', () => {
    expect(describeRange({ min: 0, max: 2, integer: false })).toBe('between 0 and 2');
    expect(describeRange({ min: 1, max: 128, integer: true })).toBe('a whole number from 1 to 128');
    expect(describeRange({ min: 1, max: null, integer: true })).toBe('a whole number of at least 1');
    expect(briefRange({ min: -2, max: 2, integer: false })).toBe('-2 to 2');
    expect(briefRange({ min: 1, max: null, integer: true })).toBe('a whole number ≥ 1');
    expect(briefRange({ min: null, max: null, integer: true })).toBe('a whole number');
  });
});
