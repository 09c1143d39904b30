import type { DatabaseSync } from 'node:sqlite';
import type { McpRun } from '../contract';

/** What a run keeps beside its ledger fields. */
export interface RunRecord {
  /** The answer whose tool call this run served. */
  messageId: string | null;
  /** The result as stored for display (content, structured, isError), or null when none came. */
  resultJson: string | null;
  /** The server's result as JSON, in characters: kept even when it was too large to store. */
  resultChars: number | null;
}

export interface RunDb {
  id: string;
  server_id: string;
  server_name: string;
  tool: string;
  thread_id: string | null;
  tool_call_id: string | null;
  started_at: number;
  duration_ms: number;
  status: McpRun['status'];
  error: string | null;
}

/** The ledger fields of a run; never its stored result. */
export const RUN_COLUMNS =
  'id, server_id, server_name, tool, thread_id, tool_call_id, started_at, duration_ms, status, error';

export const toRun = (r: RunDb): McpRun => ({
  id: r.id,
  serverId: r.server_id,
  serverName: r.server_name,
  tool: r.tool,
  threadId: r.thread_id,
  toolCallId: r.tool_call_id,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  status: r.status,
  error: r.error,
});

/**
 * The run ledger (`mcp_runs`): one row per call decided, run or not, with its timing and status.
 * Rows keep plain ids so they outlive deleted servers and threads. The Usage screen's reads of it
 * are in runLedger.ts.
 */
export class McpRunLog {
  constructor(private readonly db: DatabaseSync) {}

  record(run: McpRun, record: RunRecord): void {
    this.db
      .prepare(
        `INSERT INTO mcp_runs (id, server_id, server_name, tool, thread_id, tool_call_id, started_at, duration_ms,
           status, error, result_json, message_id, result_chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.serverId,
        run.serverName,
        run.tool,
        run.threadId,
        run.toolCallId,
        run.startedAt,
        run.durationMs,
        run.status,
        run.error,
        record.resultJson,
        record.messageId,
        record.resultChars,
      );
  }

  /** Deletes the runs started in [from, to) (the Usage screen's Clear range); how many went. */
  clearRange(from: number, to: number): number {
    if (to <= from) return 0;
    const result = this.db
      .prepare('DELETE FROM mcp_runs WHERE started_at >= ? AND started_at < ?')
      .run(from, to);
    return Number(result.changes);
  }

  /** The newest runs, of one server or all (the Servers screen). */
  recent(serverId: string | undefined, limit: number): McpRun[] {
    const rows = (serverId
      ? this.db
          .prepare(`SELECT ${RUN_COLUMNS} FROM mcp_runs WHERE server_id = ? ORDER BY started_at DESC LIMIT ?`)
          .all(serverId, limit)
      : this.db
          .prepare(`SELECT ${RUN_COLUMNS} FROM mcp_runs ORDER BY started_at DESC LIMIT ?`)
          .all(limit)) as unknown as RunDb[];
    return rows.map(toRun);
  }

  /** The latest run of a tool call, with its stored result (the conversation's result view). */
  forCall(toolCallId: string): { run: McpRun; resultJson: string | null } | null {
    const row = this.db
      .prepare(
        `SELECT ${RUN_COLUMNS}, result_json FROM mcp_runs WHERE tool_call_id = ? ORDER BY started_at DESC LIMIT 1`,
      )
      .get(toolCallId) as (RunDb & { result_json: string | null }) | undefined;
    return row ? { run: toRun(row), resultJson: row.result_json } : null;
  }
}
