import { z } from 'zod';
import type { McpServerInput } from '../contract';
import { AppFailure, MCP_SERVER_NAME } from '../contract';
import { fromMcpRemote, headerVariable, mcpRemoteStart, toMcpRemote } from './mcpRemote';
import type { ServerRow } from './repo';
import { looksSecret } from './serverConfig';

/**
 * Claude Desktop's `claude_desktop_config.json` shape: `{ "mcpServers": { name: { command, args,
 * env } | { url, headers } } }`. A remote server that signs in with OAuth is written the way Claude
 * Desktop runs one, through `npx mcp-remote` (mcpRemote.ts); the `url` form with an `oauth` object
 * (`{ clientId, scopes }`, as Claude Code's `.mcp.json` writes it) is read too. Imported servers are
 * added stopped and need consent; exported ones carry no secret value.
 */
const Entry = z.looseObject({
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  url: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  type: z.string().optional(),
  oauth: z.looseObject({ clientId: z.string().optional(), scopes: z.string().optional() }).optional(),
});
const File = z.looseObject({ mcpServers: z.record(z.string(), Entry) });

/** A value that is only `${VAR}`: the ecosystem's reference to a value kept elsewhere. */
const REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/**
 * A secret left empty or as a `${VAR}` reference (as an export leaves it) is not stored: the
 * server's settings ask for it.
 */
const vars = (record: Record<string, string> | undefined) =>
  Object.entries(record ?? {}).map(([name, value]) => {
    const reference = REFERENCE.test(value);
    const secret = looksSecret(name) || reference;
    return { name, secret, value: secret && (value === '' || reference) ? undefined : value };
  });

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
      const oauth = entry.oauth;
      return {
        name,
        transport: 'http',
        url: entry.url,
        headers: vars(entry.headers),
        auth: oauth ? 'oauth' : 'none',
        oauthScopes: oauth?.scopes?.trim() ?? '',
        oauthClientId: oauth?.clientId?.trim() || null,
      };
    }
    if (entry.command === undefined || entry.command.trim() === '')
      throw new AppFailure('invalid_request', `text: server "${rawName}" has neither a command nor a url`, {
        detail: { field: 'text' },
      });
    const args = entry.args ?? [];
    const bridged = mcpRemoteStart(entry.command, args);
    if (bridged !== -1) return fromMcpRemote(rawName, name, args.slice(bridged), entry.env ?? {});
    return {
      name,
      transport: 'stdio',
      command: entry.command,
      args,
      cwd: entry.cwd ?? null,
      env: vars(entry.env),
    };
  });
}

/** A secret header is written as a `${VAR}` reference, so it comes back a secret whatever its name. */
const referenced = (list: ServerRow['headers']) =>
  Object.fromEntries(list.map((v) => [v.name, v.secret ? `\${${headerVariable(v.name)}}` : (v.value ?? '')]));

/** Secret values are left empty, with a note saying where they are. */
export function claudeConfigText(servers: readonly ServerRow[]): string {
  const out: Record<string, Record<string, unknown>> = {};
  const values = (list: ServerRow['env']) =>
    Object.fromEntries(list.map((v) => [v.name, v.secret ? '' : (v.value ?? '')]));
  for (const s of servers) {
    out[s.name] =
      s.transport === 'stdio'
        ? { command: s.command, args: s.args, ...(s.cwd ? { cwd: s.cwd } : {}), env: values(s.env) }
        : s.auth === 'oauth'
          ? toMcpRemote(s)
          : { type: 'http', url: s.url, headers: referenced(s.headers) };
  }
  return `${JSON.stringify({ mcpServers: out, _note: 'Secret values are not exported: they stay in the keychain of the computer that has them.' }, null, 2)}\n`;
}
