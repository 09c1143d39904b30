import { describe, expect, it } from 'vitest';
import { UsageFilter } from '../../../main/contract';
import {
  drillFilter,
  isFiltered,
  mergeKnownOptions,
  NO_FILTERS,
  toUsageFilter,
} from '../../../renderer/src/store/usage/filters';
import { dayRange } from '../../../renderer/src/store/usage/range';

const range = { from: 1_000, to: 9_999_999_999_999 };

describe('filters → the request main receives', () => {
  it('sends only the filters that are set', () => {
    expect(toUsageFilter(range, NO_FILTERS)).toEqual(range);
    const all = toUsageFilter(range, {
      providerId: 'p',
      model: 'm',
      confidential: 'no',
      status: 'error',
      threadId: 't',
      projectId: 'pr',
      tag: 'work',
    });
    expect(all).toEqual({
      ...range,
      providerId: 'p',
      model: 'm',
      confidential: false,
      status: 'error',
      threadId: 't',
      projectId: 'pr',
      tag: 'work',
    });
    expect(UsageFilter.safeParse(all).success).toBe(true);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, confidential: 'yes' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, tag: 'work' })).toBe(true);
  });

  it('narrows a clicked bar to its day and model, keeping the other filters', () => {
    const base = toUsageFilter(range, { ...NO_FILTERS, status: 'complete' });
    const day = dayRange('2025-05-04');
    const drilled = drillFilter(base, { day: '2025-05-04', days: 1, model: 'phala/gpt-oss-120b' });
    expect(drilled).toEqual({
      from: day?.from,
      to: day?.to,
      status: 'complete',
      model: 'phala/gpt-oss-120b',
    });
    expect(drillFilter(base, { day: '2025-05-04', days: 1, model: null }).model).toBeUndefined();
  });

  it('covers the whole week behind a weekly bar, but never beyond the screen’s range', () => {
    const base = toUsageFilter(range, NO_FILTERS);
    const week = drillFilter(base, { day: '2025-05-04', days: 7, model: null });
    expect(week.from).toBe(dayRange('2025-05-04')?.from);
    expect(week.to).toBe(dayRange('2025-05-10')?.to);
    const clipped = drillFilter(
      { ...base, to: dayRange('2025-05-06')?.to ?? 0 },
      { day: '2025-05-04', days: 7, model: null },
    );
    expect(clipped.to).toBe(dayRange('2025-05-06')?.to);
  });

  it('remembers models and providers seen so narrowing a filter keeps the others listed', () => {
    const first = mergeKnownOptions({ models: [], providers: {} }, [
      { providerId: 'p', providerName: 'P', model: 'b' },
      { providerId: null, providerName: 'Deleted', model: 'a' },
    ]);
    const second = mergeKnownOptions(first, [{ providerId: 'p', providerName: 'P', model: 'b' }]);
    expect(second).toEqual({ models: ['a', 'b'], providers: { p: 'P' } });
  });
});
