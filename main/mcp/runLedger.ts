import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type {
  McpLedgerRun,
  McpRun,
  McpRunFilter,
  McpRunLedger,
  McpRunTotals,
  McpToolTotals,
} from '../contract';
import type { RunDb } from './runLog';
import { toRun } from './runLog';

/** Statuses of calls that ran: their durations are the tool's. Denied and canned calls run nothing. */
const RAN: ReadonlySet<McpRun['status']> = new Set(['ok', 'error', 'timeout', 'cancelled']);
const FAILED: ReadonlySet<McpRun['status']> = new Set(['error', 'timeout']);

interface Where {
  sql: string;
  params: SQLInputValue[];
}

/** The filter over `mcp_runs r`; a project or tag reaches a run through its thread, as usage rows do. */
function whereOf(filter: McpRunFilter): Where {
  let sql = 'r.started_at >= ? AND r.started_at < ?';
  const params: SQLInputValue[] = [filter.from, filter.to];
  const add = (term: string, value: string | undefined) => {
    if (value === undefined) return;
    sql += ` AND ${term}`;
    params.push(value);
  };
  add('r.thread_id = ?', filter.threadId);
  add('r.thread_id IN (SELECT id FROM threads WHERE project_id = ?)', filter.projectId);
  add('r.thread_id IN (SELECT thread_id FROM thread_tags WHERE tag = ?)', filter.tag);
  add('r.server_name = ?', filter.serverName);
  add('r.tool = ?', filter.tool);
  add('r.status = ?', filter.status);
  return { sql, params };
}

/** Nearest-rank percentile of ascending values (p95 of [1..20] is 19). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

interface StatRow {
  server_name: string;
  tool: string;
  status: McpRun['status'];
  duration_ms: number;
}

function totalsOf(rows: readonly StatRow[]): McpRunTotals {
  const ran = rows
    .filter((r) => RAN.has(r.status))
    .map((r) => r.duration_ms)
    .sort((a, b) => a - b);
  return {
    runs: rows.length,
    errors: rows.filter((r) => FAILED.has(r.status)).length,
    totalMs: ran.reduce((sum, ms) => sum + ms, 0),
    p95Ms: percentile(ran, 0.95),
  };
}

interface LedgerDb extends RunDb {
  message_id: string | null;
  result_chars: number | null;
  thread_title: string | null;
}

const LEDGER_SELECT = `SELECT r.id, r.server_id, r.server_name, r.tool, r.thread_id, r.tool_call_id, r.started_at,
  r.duration_ms, r.status, r.error, r.message_id, r.result_chars, t.title AS thread_title
  FROM mcp_runs r LEFT JOIN threads t ON t.id = r.thread_id AND t.deleted_at IS NULL`;

const toLedgerRun = (r: LedgerDb): McpLedgerRun => ({
  ...toRun(r),
  messageId: r.message_id,
  threadTitle: r.thread_title,
  resultChars: r.result_chars,
});

/** The filtered runs, newest first; `page` limits them (the export takes them all). */
export function ledgerRuns(
  db: DatabaseSync,
  filter: McpRunFilter,
  page?: { offset: number; limit: number },
): McpLedgerRun[] {
  const where = whereOf(filter);
  const limit = page ? ' LIMIT ? OFFSET ?' : '';
  const params = page ? [...where.params, page.limit, page.offset] : where.params;
  const rows = db
    .prepare(`${LEDGER_SELECT} WHERE ${where.sql} ORDER BY r.started_at DESC, r.id${limit}`)
    .all(...params) as unknown as LedgerDb[];
  return rows.map(toLedgerRun);
}

/** A page of runs with totals overall and per server and tool (the most runs first). */
export function runLedger(
  db: DatabaseSync,
  filter: McpRunFilter,
  page: { offset: number; limit: number },
): McpRunLedger {
  const where = whereOf(filter);
  // Four small columns per run: the totals need every run's duration, never its result.
  const stats = db
    .prepare(`SELECT r.server_name, r.tool, r.status, r.duration_ms FROM mcp_runs r WHERE ${where.sql}`)
    .all(...where.params) as unknown as StatRow[];
  const groups = new Map<string, StatRow[]>();
  for (const row of stats) {
    const key = JSON.stringify([row.server_name, row.tool]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const byTool: McpToolTotals[] = [...groups.values()]
    .map((rows) => ({ serverName: rows[0]?.server_name ?? '', tool: rows[0]?.tool ?? '', ...totalsOf(rows) }))
    .sort(
      (a, b) => b.runs - a.runs || a.serverName.localeCompare(b.serverName) || a.tool.localeCompare(b.tool),
    );
  return { rows: ledgerRuns(db, filter, page), total: stats.length, totals: totalsOf(stats), byTool };
}
