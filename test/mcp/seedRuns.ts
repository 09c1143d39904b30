import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

export interface SeededRun {
  tool: string;
  status: 'ok' | 'error' | 'timeout' | 'denied' | 'cancelled' | 'canned';
  durationMs: number;
  resultChars: number | null;
  /** Milliseconds before now the run started. */
  agoMs: number;
  threadId?: string | null;
  messageId?: string | null;
  server?: string;
}

/**
 * Tool runs written straight into the run ledger, as the runner writes them, for screens and
 * screenshots (the runs of a real server are tested in test/mcp/runLedger.test.ts).
 */
export function seedRuns(db: DatabaseSync, runs: readonly SeededRun[], now = Date.now()): void {
  const insert = db.prepare(
    `INSERT INTO mcp_runs (id, server_id, server_name, tool, thread_id, tool_call_id, started_at, duration_ms,
       status, error, result_json, message_id, result_chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  for (const run of runs)
    insert.run(
      randomUUID(),
      `server-${run.server ?? 'files'}`,
      run.server ?? 'files',
      run.tool,
      run.threadId ?? null,
      `call_${randomUUID()}`,
      now - run.agoMs,
      run.durationMs,
      run.status,
      run.status === 'error' ? 'the tool reported an error' : null,
      run.messageId ?? null,
      run.resultChars,
    );
}
