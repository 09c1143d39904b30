import type { Migration } from '../database';

/**
 * MCP runs on the Usage screen (issue 16): each run keeps the answer that called it (so a row opens
 * that message, as a request row does) and its result's size (read without loading results of up
 * to 8 MB). Earlier runs find their answer through its stored tool calls, once, here. The thread
 * index serves the thread filter and a thread's or answer's run count.
 */
export const mcpRunLedger: Migration = {
  version: 20,
  name: '020-mcp-run-ledger',
  up(db) {
    db.exec(`
      ALTER TABLE mcp_runs ADD COLUMN message_id TEXT;
      ALTER TABLE mcp_runs ADD COLUMN result_chars INTEGER;
      UPDATE mcp_runs SET result_chars = length(result_json) WHERE result_json IS NOT NULL;
      -- Stored tool calls are this app's JSON; an unreadable one is skipped, not fatal.
      UPDATE mcp_runs SET message_id = (
        SELECT m.id FROM messages m,
          json_each(CASE WHEN json_valid(m.tool_calls_json) THEN m.tool_calls_json ELSE '[]' END) c
        WHERE m.thread_id = mcp_runs.thread_id AND m.tool_calls_json IS NOT NULL
          AND json_extract(c.value, '$.id') = mcp_runs.tool_call_id
        LIMIT 1)
      WHERE thread_id IS NOT NULL AND tool_call_id IS NOT NULL;
      CREATE INDEX mcp_runs_thread ON mcp_runs (thread_id, started_at);
      CREATE INDEX mcp_runs_message ON mcp_runs (message_id) WHERE message_id IS NOT NULL;
    `);
  },
};
