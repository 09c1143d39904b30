/** Date ranges of the usage screen, in local time (the user thinks in their own days). */

export type RangePreset = 'today' | '7d' | '30d' | 'all' | 'custom';

export const RANGE_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  '7d': '7 days',
  '30d': '30 days',
  all: 'All time',
  custom: 'Custom',
};

/** Half-open, as the contract's filters: `from` ≤ at < `to`. */
export interface TimeRange {
  from: number;
  to: number;
}

/** Custom range as typed in two date inputs: "YYYY-MM-DD". */
export interface CustomRange {
  from: string;
  to: string;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Local midnight `days` days after the one containing `at` (DST-safe: calendar arithmetic). */
export function addDays(at: number, days: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

export function dayKey(at: number): string {
  const d = new Date(at);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

export function parseDayKey(day: string): number | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(y, mo - 1, d);
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d) return null;
  return at.getTime();
}

/** The whole local day `day` ("YYYY-MM-DD") as a range. */
export function dayRange(day: string): TimeRange | null {
  const start = parseDayKey(day);
  return start === null ? null : { from: start, to: addDays(start, 1) };
}

/** Checks a custom range; returns the message to show when it is unusable. */
export function customRangeError(custom: CustomRange): string | null {
  const from = parseDayKey(custom.from);
  const to = parseDayKey(custom.to);
  if (from === null || to === null) return 'Pick both a start and an end date.';
  if (to < from) return 'The end date is before the start date.';
  return null;
}

export function rangeFor(preset: RangePreset, now: number, custom?: CustomRange): TimeRange {
  const endOfToday = addDays(now, 1);
  switch (preset) {
    case 'today':
      return { from: startOfDay(now), to: endOfToday };
    case '7d':
      return { from: addDays(now, -6), to: endOfToday };
    case '30d':
      return { from: addDays(now, -29), to: endOfToday };
    case 'all':
      return { from: 0, to: endOfToday };
    case 'custom': {
      const from = custom ? parseDayKey(custom.from) : null;
      const to = custom ? parseDayKey(custom.to) : null;
      if (from === null || to === null || to < from) return { from: startOfDay(now), to: endOfToday };
      return { from, to: addDays(to, 1) };
    }
  }
}

/** Every local day from `from` to `to` inclusive, as keys; an empty list if reversed. */
export function daysBetween(fromDay: string, toDay: string): string[] {
  const start = parseDayKey(fromDay);
  const end = parseDayKey(toDay);
  if (start === null || end === null || end < start) return [];
  const out: string[] = [];
  for (let at = start; at <= end; at = addDays(at, 1)) out.push(dayKey(at));
  return out;
}

/**
 * Minutes to add to UTC to get local time at `at` (UTC+2 → 120), which main uses to cut
 * days at local midnight.
 */
export function tzOffsetMinutes(at: number): number {
  return -new Date(at).getTimezoneOffset();
}

/** No usage is older than this, so "all time" need not be searched from 1970 for zone changes. */
const ZONE_SEARCH_FLOOR = Date.UTC(2020, 0, 1);
const ZONE_STEP_MS = 12 * 3_600_000;

export interface ZoneSpec {
  tzOffsetMinutes: number;
  tzTransitions: { at: number; offsetMinutes: number }[];
}

/**
 * The user's zone over [from, to): the offset at the start and every change inside (daylight
 * saving), each to the millisecond, so main can cut days at local midnight on either side.
 */
export function zoneSpec(from: number, to: number): ZoneSpec {
  const start = Math.max(from, ZONE_SEARCH_FLOOR);
  const spec: ZoneSpec = { tzOffsetMinutes: tzOffsetMinutes(start), tzTransitions: [] };
  let offset = spec.tzOffsetMinutes;
  for (let at = start; at < to; at += ZONE_STEP_MS) {
    const next = Math.min(at + ZONE_STEP_MS, to);
    if (tzOffsetMinutes(next) === offset) continue;
    // The change lies in (at, next]: narrow it to the first millisecond of the new offset.
    let lo = at;
    let hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (tzOffsetMinutes(mid) === offset) lo = mid;
      else hi = mid;
    }
    if (hi >= to) break;
    offset = tzOffsetMinutes(hi);
    spec.tzTransitions.push({ at: hi, offsetMinutes: offset });
  }
  return spec;
}
