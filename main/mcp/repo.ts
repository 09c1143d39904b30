import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { McpAttachments, McpDefinition, McpPolicy, McpRun } from '../contract';
import { AppFailure } from '../contract';

/** A variable as stored: a secret's value is null here (it lives in the keychain). */
export interface StoredVar {
  name: string;
  secret: boolean;
  value: string | null;
}

export interface ServerRow {
  id: string;
  name: string;
  transport: 'stdio' | 'http';
  command: string;
  args: string[];
  cwd: string | null;
  env: StoredVar[];
  url: string | null;
  headers: StoredVar[];
  handshakeTimeoutMs: number;
  callTimeoutMs: number;
  auth: 'none' | 'oauth';
  oauthScopes: string;
  oauthClientId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ToolRow {
  serverId: string;
  name: string;
  functionName: string;
  definition: McpDefinition;
  annotations: Record<string, unknown>;
  currentHash: string;
  policy: McpPolicy;
  pinnedHash: string | null;
  pinned: McpDefinition | null;
  problem: string | null;
  /** The user's canned answer (kept in its own table, so a tools/list rewrite keeps it). */
  canned: { answer: string; active: boolean } | null;
}

interface ServerDb {
  id: string;
  name: string;
  transport: 'stdio' | 'http';
  command: string;
  args_json: string;
  cwd: string | null;
  env_json: string;
  url: string | null;
  headers_json: string;
  handshake_timeout_ms: number;
  call_timeout_ms: number;
  auth: 'none' | 'oauth';
  oauth_scopes: string;
  oauth_client_id: string | null;
  created_at: number;
  updated_at: number;
}

interface ToolDb {
  server_id: string;
  name: string;
  function_name: string;
  definition_json: string;
  annotations_json: string;
  current_hash: string;
  policy: McpPolicy;
  pinned_hash: string | null;
  pinned_json: string | null;
  problem: string | null;
  canned_answer: string | null;
  canned_active: number | null;
}

const parse = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

const toServer = (r: ServerDb): ServerRow => ({
  id: r.id,
  name: r.name,
  transport: r.transport,
  command: r.command,
  args: parse<string[]>(r.args_json, []),
  cwd: r.cwd,
  env: parse<StoredVar[]>(r.env_json, []),
  url: r.url,
  headers: parse<StoredVar[]>(r.headers_json, []),
  handshakeTimeoutMs: r.handshake_timeout_ms,
  callTimeoutMs: r.call_timeout_ms,
  auth: r.auth,
  oauthScopes: r.oauth_scopes,
  oauthClientId: r.oauth_client_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toTool = (r: ToolDb): ToolRow => ({
  serverId: r.server_id,
  name: r.name,
  functionName: r.function_name,
  definition: parse<McpDefinition>(r.definition_json, { name: r.name, description: '', inputSchema: {} }),
  annotations: parse<Record<string, unknown>>(r.annotations_json, {}),
  currentHash: r.current_hash,
  policy: r.policy,
  pinnedHash: r.pinned_hash,
  pinned: parse<McpDefinition | null>(r.pinned_json, null),
  problem: r.problem,
  canned: r.canned_answer === null ? null : { answer: r.canned_answer, active: r.canned_active === 1 },
});

const TOOLS = `SELECT t.*, c.answer AS canned_answer, c.active AS canned_active FROM mcp_tools t
  LEFT JOIN mcp_canned c ON c.server_id = t.server_id AND c.name = t.name`;

/** SQL for the MCP tables; the service above it decides what is allowed. */
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

  recordRun(run: McpRun, resultJson: string | null): void {
    this.db
      .prepare(
        `INSERT INTO mcp_runs (id, server_id, server_name, tool, thread_id, tool_call_id, started_at, duration_ms,
           status, error, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        resultJson,
      );
  }

  runs(serverId: string | undefined, limit: number): McpRun[] {
    const rows = (serverId
      ? this.db
          .prepare('SELECT * FROM mcp_runs WHERE server_id = ? ORDER BY started_at DESC LIMIT ?')
          .all(serverId, limit)
      : this.db
          .prepare('SELECT * FROM mcp_runs ORDER BY started_at DESC LIMIT ?')
          .all(limit)) as unknown as RunDb[];
    return rows.map(toRun);
  }

  runFor(toolCallId: string): { run: McpRun; resultJson: string | null } | null {
    const row = this.db
      .prepare('SELECT * FROM mcp_runs WHERE tool_call_id = ? ORDER BY started_at DESC LIMIT 1')
      .get(toolCallId) as RunDb | undefined;
    return row ? { run: toRun(row), resultJson: row.result_json } : null;
  }
}

interface RunDb {
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
  result_json: string | null;
}

const toRun = (r: RunDb): McpRun => ({
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
