import type { UsageFilter, UsageStatus } from '../../../../main/contract';
import type { TimeRange } from './range';
import { addDays, dayRange } from './range';

export type ConfidentialFilter = 'any' | 'yes' | 'no';

/** The filter bar's state; null means "all". */
export interface UsageFilters {
  providerId: string | null;
  model: string | null;
  confidential: ConfidentialFilter;
  status: UsageStatus | null;
  threadId: string | null;
  projectId: string | null;
  tag: string | null;
}

export const NO_FILTERS: UsageFilters = {
  providerId: null,
  model: null,
  confidential: 'any',
  status: null,
  threadId: null,
  projectId: null,
  tag: null,
};

export function isFiltered(filters: UsageFilters): boolean {
  return (
    filters.providerId !== null ||
    filters.model !== null ||
    filters.confidential !== 'any' ||
    filters.status !== null ||
    filters.threadId !== null ||
    filters.projectId !== null ||
    filters.tag !== null
  );
}

/** The request main understands: unset filters are absent, not null. */
export function toUsageFilter(range: TimeRange, filters: UsageFilters): UsageFilter {
  const out: UsageFilter = { from: range.from, to: range.to };
  if (filters.providerId !== null) out.providerId = filters.providerId;
  if (filters.model !== null) out.model = filters.model;
  if (filters.confidential !== 'any') out.confidential = filters.confidential === 'yes';
  if (filters.status !== null) out.status = filters.status;
  if (filters.threadId !== null) out.threadId = filters.threadId;
  if (filters.projectId !== null) out.projectId = filters.projectId;
  if (filters.tag !== null) out.tag = filters.tag;
  return out;
}

/** The stacked bar a user clicked: its first day and length, and a model unless it was "other models". */
export interface DrillTarget {
  day: string;
  /** 1 for a day's bar, 7 for a week's. */
  days: number;
  model: string | null;
}

/** The rows behind one bar: the screen's filters, narrowed to that day or week (and model). */
export function drillFilter(base: UsageFilter, target: DrillTarget): UsageFilter {
  const day = dayRange(target.day);
  const out: UsageFilter = { ...base };
  if (day) {
    out.from = Math.max(base.from, day.from);
    out.to = Math.min(base.to, addDays(day.from, target.days));
  }
  if (target.model !== null) out.model = target.model;
  return out;
}

export interface KnownOptions {
  models: string[];
  /** Provider id → name. */
  providers: Record<string, string>;
}

/** Adds the models and providers of a breakdown to those already known (sorted, no duplicates). */
export function mergeKnownOptions(
  known: KnownOptions,
  breakdown: readonly { providerId: string | null; providerName: string; model: string }[],
): KnownOptions {
  const models = new Set(known.models);
  const providers = { ...known.providers };
  for (const row of breakdown) {
    models.add(row.model);
    if (row.providerId !== null) providers[row.providerId] = row.providerName;
  }
  return { models: [...models].sort((a, b) => a.localeCompare(b)), providers };
}
