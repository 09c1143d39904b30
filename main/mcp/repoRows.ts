/** The MCP tables' rows as SQLite returns them, and as the service reads them. */
import type { McpDefinition, McpPolicy } from '../contract';

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

export interface ServerDb {
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

export interface ToolDb {
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

/** Stored JSON written by this app; an unreadable value reads as the fallback. */
export const parse = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const toServer = (r: ServerDb): ServerRow => ({
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

export const toTool = (r: ToolDb): ToolRow => ({
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

/** Tool rows with their canned answer (kept in its own table). */
export const TOOLS = `SELECT t.*, c.answer AS canned_answer, c.active AS canned_active FROM mcp_tools t
  LEFT JOIN mcp_canned c ON c.server_id = t.server_id AND c.name = t.name`;
