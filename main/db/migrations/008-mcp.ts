import type { Migration } from '../database';

/**
 * MCP servers (issue 16). Secret values are never stored here: `env_json` / `headers_json` hold
 * names, a secret flag and only non-secret values; secrets live in the OS keychain.
 */
export const mcp: Migration = {
  version: 8,
  name: '008-mcp',
  up(db) {
    db.exec(`
      CREATE TABLE mcp_servers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        transport TEXT NOT NULL CHECK (transport IN ('stdio', 'http')),
        command TEXT NOT NULL DEFAULT '',
        args_json TEXT NOT NULL DEFAULT '[]',
        cwd TEXT,
        env_json TEXT NOT NULL DEFAULT '[]',
        url TEXT,
        headers_json TEXT NOT NULL DEFAULT '[]',
        handshake_timeout_ms INTEGER NOT NULL,
        call_timeout_ms INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- One row per consent given: the hash of exactly what was shown (command, args, folder, names).
      CREATE TABLE mcp_consents (
        server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        granted_at INTEGER NOT NULL,
        PRIMARY KEY (server_id, hash)
      );
      CREATE TABLE mcp_tools (
        server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        function_name TEXT NOT NULL,
        definition_json TEXT NOT NULL,
        annotations_json TEXT NOT NULL DEFAULT '{}',
        current_hash TEXT NOT NULL,
        policy TEXT NOT NULL DEFAULT 'ask' CHECK (policy IN ('ask', 'allow', 'deny')),
        pinned_hash TEXT,
        pinned_json TEXT,
        problem TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (server_id, name)
      );
      CREATE TABLE mcp_thread_tools (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
        -- '' attaches the whole server.
        tool_name TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (thread_id, server_id, tool_name)
      );
      -- The run ledger: plain ids (no foreign keys) so rows outlive deleted servers and threads.
      CREATE TABLE mcp_runs (
        id TEXT PRIMARY KEY,
        server_id TEXT NOT NULL,
        server_name TEXT NOT NULL,
        tool TEXT NOT NULL,
        thread_id TEXT,
        tool_call_id TEXT,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        result_json TEXT
      );
      CREATE INDEX mcp_runs_started ON mcp_runs (started_at);
      CREATE INDEX mcp_runs_call ON mcp_runs (tool_call_id);
    `);
  },
};
