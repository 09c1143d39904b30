import { describe, expect, it } from 'vitest';
import type { BreakdownRow } from '../../../renderer/src/features/usage/breakdown';
import { nextSort, sortBreakdown } from '../../../renderer/src/features/usage/breakdown';

const r = (providerName: string, model: string, totalTokens: number): BreakdownRow => ({
  providerId: providerName,
  providerName,
  model,
  confidential: false,
  requests: 1,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens,
  credits: 0,
  cost: 0,
  costs: [],
});

describe('the breakdown table', () => {
  it('sorts by a column with a stable tie order', () => {
    const rows = [r('B', 'x', 5), r('A', 'y', 5), r('A', 'z', 9)];
    expect(sortBreakdown(rows, { key: 'totalTokens', descending: true }).map((x) => x.model)).toEqual([
      'z',
      'y',
      'x',
    ]);
    expect(sortBreakdown(rows, { key: 'model', descending: false }).map((x) => x.model)).toEqual([
      'x',
      'y',
      'z',
    ]);
  });

  it('flips the sorted column and starts numbers high, names A→Z', () => {
    expect(nextSort({ key: 'cost', descending: true }, 'cost')).toEqual({ key: 'cost', descending: false });
    expect(nextSort({ key: 'cost', descending: true }, 'model')).toEqual({ key: 'model', descending: false });
    expect(nextSort({ key: 'model', descending: false }, 'requests')).toEqual({
      key: 'requests',
      descending: true,
    });
  });
});
