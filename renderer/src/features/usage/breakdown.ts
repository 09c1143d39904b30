import type { UsageSummary } from '../../../../main/contract';

export type BreakdownRow = UsageSummary['breakdown'][number];
export type BreakdownKey =
  | 'providerName'
  | 'model'
  | 'confidential'
  | 'requests'
  | 'promptTokens'
  | 'completionTokens'
  | 'totalTokens'
  | 'credits'
  | 'cost';

export interface SortState {
  key: BreakdownKey;
  descending: boolean;
}

/** A sorted copy; ties keep a stable order by provider then model so the table does not jump. */
export function sortBreakdown(rows: readonly BreakdownRow[], sort: SortState): BreakdownRow[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const primary =
      typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    if (primary !== 0) return primary * dir;
    return a.providerName.localeCompare(b.providerName) || a.model.localeCompare(b.model);
  });
}

/** Clicking the sorted column flips it; another column starts with the direction that reads best (numbers high first). */
export function nextSort(current: SortState, key: BreakdownKey): SortState {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: !(key === 'providerName' || key === 'model') };
}
