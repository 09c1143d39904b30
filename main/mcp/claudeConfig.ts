import { z } from 'zod';
import type { McpServerInput } from '../contract';
import { AppFailure, MCP_SERVER_NAME } from '../contract';
import type { ServerRow } from './repo';

/**
 * Claude Desktop's `claude_desktop_config.json` shape: `{ "mcpServers": { name: { command, args,
 * env } | { url, headers } } }`. Imported servers are added stopped and need consent; exported
 * ones carry no secret value.
 */
const Entry = z.looseObject({
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  url: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  type: z.string().optional(),
});
const File = z.looseObject({ mcpServers: z.record(z.string(), Entry) });

/** Names that usually hold a credential: their values go to the keychain on import. */
const SECRET_NAME = /key|token|secret|passw|auth|credential|cookie|session|private/i;
export const looksSecret = (name: string): boolean => SECRET_NAME.test(name);

const vars = (record: Record<string, string> | undefined) =>
  Object.entries(record ?? {}).map(([name, value]) => ({ name, value, secret: looksSecret(name) }));

export function parseClaudeConfig(text: string): McpServerInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppFailure(
      'invalid_request',
      `text: not JSON (${error instanceof Error ? error.message : ''})`,
      {
        detail: { field: 'text' },
      },
    );
  }
  const parsed = File.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppFailure(
      'invalid_request',
      `text: expected {"mcpServers": {name: {command, args, env} or {url, headers}}}${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`,
      { detail: { field: 'text' } },
    );
  }
  return Object.entries(parsed.data.mcpServers).map(([rawName, entry]) => {
    const name = rawName.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 32) || 'server';
    if (!MCP_SERVER_NAME.test(name))
      throw new AppFailure('invalid_request', `text: "${rawName}" cannot be a server name`, {
        detail: { field: 'text' },
      });
    if (entry.url !== undefined) {
      return { name, transport: 'http', url: entry.url, headers: vars(entry.headers) };
    }
    if (entry.command === undefined || entry.command.trim() === '')
      throw new AppFailure('invalid_request', `text: server "${rawName}" has neither a command nor a url`, {
        detail: { field: 'text' },
      });
    return {
      name,
      transport: 'stdio',
      command: entry.command,
      args: entry.args ?? [],
      cwd: entry.cwd ?? null,
      env: vars(entry.env),
    };
  });
}

/** Secret values are left empty, with a note saying where they are. */
export function claudeConfigText(servers: readonly ServerRow[]): string {
  const out: Record<string, Record<string, unknown>> = {};
  const values = (list: ServerRow['env']) =>
    Object.fromEntries(list.map((v) => [v.name, v.secret ? '' : (v.value ?? '')]));
  for (const s of servers) {
    out[s.name] =
      s.transport === 'stdio'
        ? { command: s.command, args: s.args, ...(s.cwd ? { cwd: s.cwd } : {}), env: values(s.env) }
        : { url: s.url, headers: values(s.headers) };
  }
  return `${JSON.stringify({ mcpServers: out, _note: 'Secret values are not exported: they stay in the keychain of the computer that has them.' }, null, 2)}\n`;
}
