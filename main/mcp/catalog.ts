import type { McpDefinition, McpTool, ToolDef } from '../contract';
import { AppFailure, MCP_MAX_TOOLS_PER_REQUEST } from '../contract';
import { checkParametersSchema } from '../tools/schema';
import { definitionHash } from './pinning';
import { claimsDestructive } from './policy';
import type { McpRepo, ServerRow, ToolRow } from './repo';
import { descriptionFlags } from './unicode';

/** A server may list more; the rest are dropped with a note in its status. */
export const MAX_TOOLS_PER_SERVER = 2_000;
const MAX_DESCRIPTION_CHARS = 16_384;

type Listed = Omit<ToolRow, 'policy' | 'pinnedHash' | 'pinned' | 'serverId' | 'canned'>;

/** `server__tool` with characters the API refuses replaced, cut to 64. */
export function functionNameOf(server: string, tool: string): string {
  return `${server}__${tool.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64);
}

/**
 * Each raw tool from tools/list checked on its own: a bad schema or a colliding name marks that
 * tool unusable (with why); the others stay usable.
 */
export function checkListed(
  server: ServerRow,
  raw: readonly unknown[],
  takenNames: ReadonlyMap<string, string>,
): Listed[] {
  const seen = new Map<string, string>();
  const out: Listed[] = [];
  for (const item of raw.slice(0, MAX_TOOLS_PER_SERVER)) {
    const o = (item ?? {}) as Record<string, unknown>;
    if (typeof o.name !== 'string' || o.name === '' || o.name.length > 128) continue;
    if (out.some((t) => t.name === o.name)) continue;
    const description =
      typeof o.description === 'string' ? o.description.slice(0, MAX_DESCRIPTION_CHARS) : '';
    const schemaOk =
      o.inputSchema !== null && typeof o.inputSchema === 'object' && !Array.isArray(o.inputSchema);
    const inputSchema = schemaOk ? (o.inputSchema as Record<string, unknown>) : {};
    const definition: McpDefinition = { name: o.name, description, inputSchema };
    const functionName = functionNameOf(server.name, o.name);
    let problem: string | null = null;
    const issues = checkParametersSchema(o.inputSchema);
    if (issues.length > 0) {
      const first = issues[0];
      problem = `Its input schema is not a usable JSON Schema (${first?.path ? `${first.path}: ` : ''}${first?.message ?? ''}).`;
    } else if (takenNames.has(functionName)) {
      problem = `Its name ${functionName} is already used by ${takenNames.get(functionName) ?? 'another tool'}.`;
    } else if (seen.has(functionName)) {
      problem = `Its name ${functionName} is the same as this server’s ${seen.get(functionName) ?? ''} once written as a function name (letters, digits, _ and -, at most 64).`;
    }
    seen.set(functionName, o.name);
    const annotations =
      o.annotations !== null && typeof o.annotations === 'object' && !Array.isArray(o.annotations)
        ? (o.annotations as Record<string, unknown>)
        : {};
    out.push({
      name: o.name,
      functionName,
      definition,
      annotations,
      currentHash: definitionHash(definition),
      problem,
    });
  }
  return out;
}

export function toolView(row: ToolRow, serverName: string): McpTool {
  const def = row.definition;
  return {
    serverId: row.serverId,
    serverName,
    name: row.name,
    functionName: row.functionName,
    description: def.description,
    inputSchema: def.inputSchema,
    annotations: row.annotations,
    policy: row.policy,
    destructive: claimsDestructive(row.annotations),
    pinned: row.pinnedHash !== null,
    changed: row.pinnedHash !== null && row.pinnedHash !== row.currentHash,
    flags: flagsOf(row),
    problem: row.problem,
    canned: row.canned,
  };
}

/** Hidden characters can sit in the description or in the schema's own descriptions. */
export function flagsOf(row: ToolRow): McpTool['flags'] {
  return descriptionFlags(`${row.definition.description}\n${JSON.stringify(row.definition.inputSchema)}`);
}

export interface OfferedTool {
  server: ServerRow;
  row: ToolRow;
}

/** The usable tools a thread has attached (whole servers and single tools), at most one request's worth. */
export function offeredTools(
  repo: McpRepo,
  threadId: string,
  usable: (server: ServerRow) => boolean,
): OfferedTool[] {
  const { servers, tools } = repo.attachments(threadId);
  const serverIds = new Set([...servers, ...tools.map((t) => t.serverId)]);
  const offered: OfferedTool[] = [];
  for (const id of serverIds) {
    let server: ServerRow;
    try {
      server = repo.server(id);
    } catch {
      continue;
    }
    if (!usable(server)) continue;
    const whole = servers.includes(id);
    for (const row of repo.tools(id)) {
      if (row.problem !== null || row.policy === 'deny') continue;
      if (whole || tools.some((t) => t.serverId === id && t.name === row.name)) offered.push({ server, row });
    }
  }
  return offered.slice(0, MCP_MAX_TOOLS_PER_REQUEST);
}

/** How a server's tool joins a request: the library's shape, so the request builder needs nothing new. */
export function asToolDef(offered: OfferedTool): ToolDef {
  const { server, row } = offered;
  return {
    id: `mcp:${server.id}:${row.name}`,
    name: row.functionName,
    description: row.definition.description,
    parameters: row.definition.inputSchema,
    cannedResult: null,
    createdAt: server.createdAt,
    updatedAt: server.updatedAt,
  };
}

/** Attaching a whole server that lists more usable tools than a request can carry is refused with why. */
export function checkAttachable(
  repo: McpRepo,
  threadId: string,
  serverId: string,
  toolName: string | null,
): void {
  const usable = (rows: ToolRow[]) => rows.filter((r) => r.problem === null).length;
  const adding = toolName === null ? usable(repo.tools(serverId)) : 1;
  const current = offeredTools(repo, threadId, () => true).length;
  if (current + adding > MCP_MAX_TOOLS_PER_REQUEST) {
    throw new AppFailure(
      'invalid_request',
      toolName === null
        ? `This server lists ${adding.toLocaleString('en-US')} usable tools; a request can carry at most ${MCP_MAX_TOOLS_PER_REQUEST}. Attach single tools instead.`
        : `A request can carry at most ${MCP_MAX_TOOLS_PER_REQUEST} tools; detach some first.`,
      { detail: { field: 'toolName' } },
    );
  }
}
