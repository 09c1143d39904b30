import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { McpAttachments, McpDefinition, McpPolicy } from '../contract';
import { AppFailure } from '../contract';
import type { ServerDb, ServerRow, ToolDb, ToolRow } from './repoRows';
import { TOOLS, toServer, toTool } from './repoRows';

export type { ServerRow, StoredVar, ToolRow } from './repoRows';

/**
 * SQL for servers, consents, tools and thread attachments; the service above it decides what is
 * allowed. Runs are kept by McpRunLog (runLog.ts).
 */
export class McpRepo {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  servers(): ServerRow[] {
    return (
      this.db.prepare('SELECT * FROM mcp_servers ORDER BY name COLLATE NOCASE').all() as unknown as ServerDb[]
    ).map(toServer);
  }

  server(id: string): ServerRow {
    const row = this.db.prepare('SELECT * FROM mcp_servers WHERE id = ?').get(id) as ServerDb | undefined;
    if (!row) throw new AppFailure('not_found', 'That MCP server no longer exists.');
    return toServer(row);
  }

  byName(name: string): ServerRow | null {
    const row = this.db.prepare('SELECT * FROM mcp_servers WHERE name = ?').get(name) as ServerDb | undefined;
    return row ? toServer(row) : null;
  }

  saveServer(server: Omit<ServerRow, 'id' | 'createdAt' | 'updatedAt'>, id: string | null): ServerRow {
    const at = this.now();
    const values = [
      server.name,
      server.transport,
      server.command,
      JSON.stringify(server.args),
      server.cwd,
      JSON.stringify(server.env),
      server.url,
      JSON.stringify(server.headers),
      server.handshakeTimeoutMs,
      server.callTimeoutMs,
      server.auth,
      server.oauthScopes,
      server.oauthClientId,
    ];
    if (id === null) {
      const newId = randomUUID();
      this.db
        .prepare(
          `INSERT INTO mcp_servers (name, transport, command, args_json, cwd, env_json, url, headers_json,
            handshake_timeout_ms, call_timeout_ms, auth, oauth_scopes, oauth_client_id, id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, newId, at, at);
      return this.server(newId);
    }
    this.db
      .prepare(
        `UPDATE mcp_servers SET name = ?, transport = ?, command = ?, args_json = ?, cwd = ?, env_json = ?, url = ?,
          headers_json = ?, handshake_timeout_ms = ?, call_timeout_ms = ?, auth = ?, oauth_scopes = ?,
          oauth_client_id = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...values, at, id);
    return this.server(id);
  }

  deleteServer(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM mcp_servers WHERE id = ?').run(id).changes) > 0;
  }

  hasConsent(serverId: string, hash: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM mcp_consents WHERE server_id = ? AND hash = ?').get(serverId, hash) !==
      undefined
    );
  }

  anyConsent(serverId: string): boolean {
    return this.db.prepare('SELECT 1 FROM mcp_consents WHERE server_id = ?').get(serverId) !== undefined;
  }

  grantConsent(serverId: string, hash: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO mcp_consents (server_id, hash, granted_at) VALUES (?, ?, ?)')
      .run(serverId, hash, this.now());
  }

  tools(serverId?: string): ToolRow[] {
    const rows = serverId
      ? this.db.prepare(`${TOOLS} WHERE t.server_id = ? ORDER BY t.position`).all(serverId)
      : this.db.prepare(`${TOOLS} ORDER BY t.server_id, t.position`).all();
    return (rows as unknown as ToolDb[]).map(toTool);
  }

  tool(serverId: string, name: string): ToolRow {
    const row = this.db.prepare(`${TOOLS} WHERE t.server_id = ? AND t.name = ?`).get(serverId, name) as
      ToolDb | undefined;
    if (!row) throw new AppFailure('not_found', `The server no longer lists a tool named ${name}.`);
    return toTool(row);
  }

  /** Replaces the listed tools, keeping each surviving tool's policy and pin. */
  replaceTools(
    serverId: string,
    listed: readonly Omit<ToolRow, 'policy' | 'pinnedHash' | 'pinned' | 'serverId' | 'canned'>[],
    seed: (annotations: Record<string, unknown>) => McpPolicy,
  ): void {
    const kept = new Map(this.tools(serverId).map((t) => [t.name, t]));
    this.db.exec('BEGIN');
    try {
      this.db.prepare('DELETE FROM mcp_tools WHERE server_id = ?').run(serverId);
      const insert = this.db.prepare(
        `INSERT INTO mcp_tools (server_id, name, function_name, definition_json, annotations_json, current_hash,
           policy, pinned_hash, pinned_json, problem, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      listed.forEach((tool, position) => {
        const before = kept.get(tool.name);
        insert.run(
          serverId,
          tool.name,
          tool.functionName,
          JSON.stringify(tool.definition),
          JSON.stringify(tool.annotations),
          tool.currentHash,
          before?.policy ?? seed(tool.annotations),
          before?.pinnedHash ?? null,
          before?.pinned ? JSON.stringify(before.pinned) : null,
          tool.problem,
          position,
        );
      });
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  setPolicy(serverId: string, name: string, policy: McpPolicy): void {
    this.db
      .prepare('UPDATE mcp_tools SET policy = ? WHERE server_id = ? AND name = ?')
      .run(policy, serverId, name);
  }

  /** Sets a tool's canned answer (null removes it). */
  setCanned(serverId: string, name: string, canned: { answer: string; active: boolean } | null): void {
    if (canned === null) {
      this.db.prepare('DELETE FROM mcp_canned WHERE server_id = ? AND name = ?').run(serverId, name);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO mcp_canned (server_id, name, answer, active, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (server_id, name) DO UPDATE SET answer = excluded.answer, active = excluded.active,
           updated_at = excluded.updated_at`,
      )
      .run(serverId, name, canned.answer, canned.active ? 1 : 0, this.now());
  }

  pin(serverId: string, name: string, hash: string, definition: McpDefinition): void {
    this.db
      .prepare('UPDATE mcp_tools SET pinned_hash = ?, pinned_json = ? WHERE server_id = ? AND name = ?')
      .run(hash, JSON.stringify(definition), serverId, name);
  }

  attachments(threadId: string): McpAttachments {
    const rows = this.db
      .prepare(
        'SELECT server_id, tool_name FROM mcp_thread_tools WHERE thread_id = ? ORDER BY server_id, tool_name',
      )
      .all(threadId) as { server_id: string; tool_name: string }[];
    return {
      servers: rows.filter((r) => r.tool_name === '').map((r) => r.server_id),
      tools: rows
        .filter((r) => r.tool_name !== '')
        .map((r) => ({ serverId: r.server_id, name: r.tool_name })),
    };
  }

  attach(threadId: string, serverId: string, toolName: string | null, attached: boolean): void {
    if (attached) {
      this.db
        .prepare('INSERT OR IGNORE INTO mcp_thread_tools (thread_id, server_id, tool_name) VALUES (?, ?, ?)')
        .run(threadId, serverId, toolName ?? '');
    } else {
      this.db
        .prepare('DELETE FROM mcp_thread_tools WHERE thread_id = ? AND server_id = ? AND tool_name = ?')
        .run(threadId, serverId, toolName ?? '');
    }
  }
}
