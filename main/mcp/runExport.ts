import type { McpLedgerRun } from '../contract';

/**
 * The columns a tool-run export carries: names, times, status and sizes. Never the arguments, the
 * result or the error text (they may hold secrets or personal data), nor the thread's title.
 */
export const RUN_EXPORT_COLUMNS = [
  'id',
  'startedAt',
  'serverId',
  'serverName',
  'tool',
  'status',
  'durationMs',
  'resultChars',
  'threadId',
  'messageId',
] as const;

type Column = (typeof RUN_EXPORT_COLUMNS)[number];
type Exported = Record<Column, string | number | null>;

const exported = (run: McpLedgerRun): Exported => ({
  id: run.id,
  startedAt: new Date(run.startedAt).toISOString(),
  serverId: run.serverId,
  serverName: run.serverName,
  tool: run.tool,
  status: run.status,
  durationMs: run.durationMs,
  resultChars: run.resultChars,
  threadId: run.threadId,
  messageId: run.messageId,
});

/** Server and tool names come from servers: text a spreadsheet would run as a formula is quoted out. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line breaks, as the usage export writes. */
export function runsCsv(runs: readonly McpLedgerRun[]): string {
  const lines = [RUN_EXPORT_COLUMNS.join(',')];
  for (const run of runs) {
    const row = exported(run);
    lines.push(RUN_EXPORT_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const runsJson = (runs: readonly McpLedgerRun[]): string =>
  `${JSON.stringify(runs.map(exported), null, 2)}\n`;

/** e.g. `tool-runs-2025-01-01-to-2025-01-31.csv`: the first and last run's UTC dates. */
export function runsFilename(from: number, to: number, format: 'csv' | 'json'): string {
  const date = (ms: number) => new Date(Math.min(Math.max(ms, -8.64e15), 8.64e15)).toISOString().slice(0, 10);
  return `tool-runs-${date(from)}-to-${date(Math.max(from, to))}.${format}`;
}
