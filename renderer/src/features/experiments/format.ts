import type { ResponseFormat } from '../../../../main/contract/chatParams';

/** Figures as the grid shows them; null is a dash, never 0. */
export const ms = (value: number | null): string =>
  value === null ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;

export const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 100)}%`;

/** Money with two decimals from a cent up, significant digits below (a request costs fractions of a cent). */
export function money(value: number): string {
  if (value === 0) return '$0';
  return Math.abs(value) >= 0.01 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2)}`;
}

export function spend(cost: number | null, credits: number | null): string {
  if (cost !== null) return money(cost);
  if (credits !== null) return `${credits.toLocaleString('en-US', { maximumFractionDigits: 2 })} cr`;
  return '—';
}

export function duration(value: number): string {
  const seconds = Math.round(value / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60 ? `${seconds % 60} s` : ''}`.trim();
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// One formatter for every date (toLocaleString with options builds a formatter per call).
const WHEN = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
export const when = (at: number): string => WHEN.format(at);

/** A response format in a few words, for a collapsed editor's summary. */
export function formatSummary(format: ResponseFormat | null | undefined): string {
  if (!format || format.type === 'text') return 'text';
  if (format.type === 'json_object') return 'any JSON object';
  return `JSON schema “${format.json_schema.name}”${format.json_schema.strict ? ', strict' : ''}`;
}
