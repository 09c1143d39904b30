/** Number, money and duration formatting shared by the usage screen, thread totals, answer lines and the usage charts. */

const LOCALE = 'en-US';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, minimumFractionDigits: 0 });

export function formatInteger(value: number): string {
  return integer.format(Math.round(value));
}

/** 950 → "950", 12 345 → "12.3k", 4 200 000 → "4.2M": for axes and tight spaces. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs < 1000)
    return abs < 10 && !Number.isInteger(value) ? oneDecimal.format(value) : formatInteger(value);
  const units: [number, string][] = [
    [1e3, 'k'],
    [1e6, 'M'],
    [1e9, 'B'],
    [1e12, 'T'],
  ];
  for (const [size, suffix] of units) {
    const scaled = value / size;
    // 999 950 would round to "1000.0k"; it reads as "1M" in the next unit instead.
    if (Math.abs(scaled) < 999.95 || suffix === 'T') return `${oneDecimal.format(scaled)}${suffix}`;
  }
  return formatInteger(value);
}

const cents = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Money keeps two decimals from a cent up; below that it shows significant digits so a
 * fraction-of-a-cent request still reads as something rather than "$0.00".
 */
export function formatCost(value: number, currency = 'USD'): string {
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  if (value === 0) return `${symbol}0`;
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 0.01) return `${sign}${symbol}${cents.format(abs)}`;
  return `${sign}${symbol}${abs.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '')}`;
}

const threeDigits = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });

/** Axis ticks of small amounts need more digits than prices do, or $0.025 and $0.03 both read "$0.03". */
export function formatCostTick(value: number, currency = 'USD'): string {
  if (Math.abs(value) >= 1 || value === 0) return formatCost(value, currency);
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  return `${value < 0 ? '−' : ''}${symbol}${threeDigits.format(Math.abs(value))}`;
}

export function formatCredits(value: number): string {
  return `${twoDecimals.format(value)} cr`;
}

/** 420 → "420 ms", 1 234 → "1.2 s", 125 000 → "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${formatInteger(ms)} ms`;
  if (ms < 60_000) return `${oneDecimal.format(ms / 1000)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes === 0 ? `${hours} h` : `${hours} h ${restMinutes} min`;
}

export function formatRate(tokensPerSecond: number): string {
  return `${oneDecimal.format(tokensPerSecond)} tok/s`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const ratio = (part / whole) * 100;
  return `${ratio < 10 && ratio > 0 ? oneDecimal.format(ratio) : formatInteger(ratio)}%`;
}

/**
 * Day keys name calendar days, not instants: formatted as UTC dates, so no time zone can move them.
 * One formatter each, made once: `toLocaleDateString` with options builds a new one per call, and
 * a two-year chart's day axis formatted its 730 labels in ~55 ms that way.
 */
const dayOfThisYear = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayOfAnotherYear = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2025-03-04" → "Mar 4" (or "Mar 4, 2024" when another year than `now`'s). */
export function formatDay(day: string, now = new Date()): string {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return day;
  const format = y === now.getFullYear() ? dayOfThisYear : dayOfAnotherYear;
  return format.format(Date.UTC(y, m - 1, d));
}

export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString(LOCALE, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}
