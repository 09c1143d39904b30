import type { Migration } from '../database';

/**
 * MCP, second step (issue 16): canned answers for server tools, and OAuth for remote servers.
 *
 * `mcp_canned` is its own table because a server's tool rows are rewritten on every `tools/list`;
 * an answer outlives a tool that disappears for a session and comes back. `active` = answer calls
 * with it instead of running the tool. OAuth keeps only what is not secret here (whether the
 * server signs in, the scopes asked for, a client id the user typed); tokens and the registered
 * client's secret live in the OS keychain.
 */
export const mcpCannedOauth: Migration = {
  version: 12,
  name: '012-mcp-canned-oauth',
  up(db) {
    db.exec(`
      CREATE TABLE mcp_canned (
        server_id TEXT NOT NULL REFERENCES mcp_servers(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        answer TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (server_id, name)
      );
      ALTER TABLE mcp_servers ADD COLUMN auth TEXT NOT NULL DEFAULT 'none' CHECK (auth IN ('none', 'oauth'));
      ALTER TABLE mcp_servers ADD COLUMN oauth_scopes TEXT NOT NULL DEFAULT '';
      ALTER TABLE mcp_servers ADD COLUMN oauth_client_id TEXT;
    `);
  },
};
