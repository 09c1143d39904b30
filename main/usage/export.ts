import type { UsageRow } from '../contract';

/** CSV columns, in order: every ledger field, `at` as an ISO 8601 UTC time. */
export const CSV_COLUMNS = [
  'id',
  'at',
  'providerId',
  'providerName',
  'model',
  'confidential',
  'threadId',
  'messageId',
  'retryOf',
  'attempt',
  'promptTokens',
  'completionTokens',
  'reasoningTokens',
  'cachedTokens',
  'totalTokens',
  'tokensReported',
  'creditsConsumed',
  'creditsRemaining',
  'cost',
  'costSource',
  'ttftMs',
  'durationMs',
  'tokensPerSecond',
  'status',
  'errorCode',
] as const satisfies readonly (keyof UsageRow)[];

/**
 * Spreadsheets run text that starts like a formula; names come from providers and the user, so
 * such text is prefixed with an apostrophe (OWASP's advice for CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cellText(row: UsageRow, column: (typeof CSV_COLUMNS)[number]): string {
  const value = row[column];
  if (value === null || value === undefined) return '';
  if (column === 'at') return new Date(row.at).toISOString();
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  return String(value);
}

/** RFC 4180 CSV with a header row and CRLF line breaks; empty fields are nulls. */
export function usageCsv(rows: readonly UsageRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvField(cellText(row, column))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const usageJson = (rows: readonly UsageRow[]): string => `${JSON.stringify(rows, null, 2)}\n`;

/** e.g. `usage-2025-01-01-to-2025-01-31.csv`, dates in UTC, the end inclusive. */
export function exportFilename(from: number, to: number, format: 'csv' | 'json'): string {
  const date = (ms: number): string => {
    const clamped = Math.min(Math.max(ms, -8.64e15), 8.64e15);
    return new Date(clamped).toISOString().slice(0, 10);
  };
  return `usage-${date(from)}-to-${date(Math.max(from, to - 1))}.${format}`;
}
