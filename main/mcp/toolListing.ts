import type { McpTool } from '../contract';
import { checkListed, toolView } from './catalog';
import type { McpConnection } from './connection';
import { seedPolicy } from './policy';
import type { McpRepo, ServerRow } from './repo';

/**
 * Reads tools/list again and stores what is usable. A definition that changed keeps its old pin, so
 * it is blocked until re-approved; a function name already taken (by a library tool or another
 * server's tool) marks the newcomer, never the one that had it.
 */
export async function listTools(
  repo: McpRepo,
  libraryNames: () => string[],
  s: ServerRow,
  connection: McpConnection,
): Promise<void> {
  const raw = await connection.listTools(s.handshakeTimeoutMs);
  const taken = new Map<string, string>(libraryNames().map((n) => [n, `the library tool ${n}`]));
  for (const other of repo.tools()) {
    if (other.serverId !== s.id && other.problem === null)
      taken.set(other.functionName, `a tool of another server`);
  }
  repo.replaceTools(s.id, checkListed(s, raw, taken), seedPolicy);
}

/** The tools as the window sees them, each with its server's name. */
export function toolsView(repo: McpRepo, serverId?: string): McpTool[] {
  const names = new Map(repo.servers().map((s) => [s.id, s.name]));
  return repo.tools(serverId).map((t) => toolView(t, names.get(t.serverId) ?? ''));
}
