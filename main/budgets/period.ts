/**
 * Budget periods in the user's local calendar. Bounds come from `Date`'s local constructor, so a
 * day across a daylight-saving change is 23 or 25 hours long and a month is its own length: a
 * budget "per day" resets at the local midnight the user sees on the clock, never at UTC's.
 */

export type BudgetPeriod = 'day' | 'week' | 'month';

/** [start, end) in epoch milliseconds. */
export interface PeriodBounds {
  start: number;
  end: number;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. Monday unless the locale says otherwise. */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The first day of the week in a locale (`Intl.Locale#getWeekInfo` where the runtime has it, as
 * Chromium and Node 24 do): 1 = Monday … 7 = Sunday there, 0 = Sunday here.
 */
export function weekStartOf(locale: string | undefined): WeekStart {
  try {
    const info = (
      new Intl.Locale(locale ?? Intl.DateTimeFormat().resolvedOptions().locale) as Intl.Locale & {
        getWeekInfo?: () => { firstDay: number };
        weekInfo?: { firstDay: number };
      }
    ).getWeekInfo?.() ?? { firstDay: 1 };
    return (info.firstDay % 7) as WeekStart;
  } catch {
    return 1;
  }
}

/** The period of kind `period` that holds the instant `at`. */
export function periodAt(period: BudgetPeriod, at: number, weekStart: WeekStart = 1): PeriodBounds {
  const d = new Date(at);
  const y = d.getFullYear();
  const m = d.getMonth();
  const day = d.getDate();
  if (period === 'month') return { start: new Date(y, m, 1).getTime(), end: new Date(y, m + 1, 1).getTime() };
  if (period === 'week') {
    const back = (d.getDay() - weekStart + 7) % 7;
    return { start: new Date(y, m, day - back).getTime(), end: new Date(y, m, day - back + 7).getTime() };
  }
  return { start: new Date(y, m, day).getTime(), end: new Date(y, m, day + 1).getTime() };
}
