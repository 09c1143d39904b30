import type { McpServerInput, McpVarInput } from '../contract';
import { AppFailure } from '../contract';
import type { ServerRow } from './repo';
import { looksSecret } from './serverConfig';

/**
 * Claude Desktop's config file only starts local programs: a remote server that signs in with OAuth
 * is written as `npx mcp-remote <url>`, the ecosystem's stdio bridge, which runs MCP's authorization
 * itself (discovery, registration, PKCE). Its flags carry what we keep per server: scopes in
 * `--static-oauth-client-metadata '{"scope": …}'`, a client id in `--static-oauth-client-info
 * '{"client_id": …}'`, headers as `--header Name:${VAR}` with the value in `env` (mcp-remote's own
 * advice, since some clients split arguments at spaces). Importing such an entry gives back the
 * remote server itself: this app signs in through its own loopback flow and keychain, not mcp-remote.
 */

const PACKAGE = /^mcp-remote(@[\w.^~<>=-]+)?$/;
const RUNNERS = new Set(['npx', 'bunx', 'pnpx', 'pnpm', 'yarn']);
/** mcp-remote's flags that take a value; any other `--flag` stands alone. */
const VALUED = new Set([
  '--header',
  '--static-oauth-client-metadata',
  '--static-oauth-client-info',
  '--transport',
  '--host',
  '--callback-path',
  '--resource',
  '--auth-timeout',
  '--ignore-tool',
]);

const baseName = (command: string) =>
  (command.split(/[\\/]/).pop() ?? '').replace(/\.(cmd|exe|bat)$/i, '').toLowerCase();

/** Where mcp-remote's own arguments start, or -1 when the entry runs something else. */
export function mcpRemoteStart(command: string, args: readonly string[]): number {
  const program = baseName(command);
  if (program === 'mcp-remote') return 0;
  if (!RUNNERS.has(program)) return -1;
  const at = args.findIndex((a) => PACKAGE.test(a));
  return at === -1 ? -1 : at + 1;
}

const fail = (server: string, what: string) =>
  new AppFailure('invalid_request', `text: server "${server}" (mcp-remote): ${what}`, {
    detail: { field: 'text' },
  });

function jsonFlag(server: string, flag: string, value: string): Record<string, unknown> {
  if (value.startsWith('@'))
    throw fail(server, `${flag} names a file (${value.slice(1)}); paste the file's JSON in its place`);
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Said below, with the flag's name.
  }
  throw fail(server, `${flag} is not a JSON object`);
}

/** `Name: value` with `${VAR}` read from the entry's env; a value left empty by its variable is a secret to set. */
function header(raw: string, env: Readonly<Record<string, string>>): McpVarInput {
  const colon = raw.indexOf(':');
  const name = (colon === -1 ? raw : raw.slice(0, colon)).trim();
  const literal = colon === -1 ? '' : raw.slice(colon + 1).trimStart();
  const used: string[] = [];
  const value = literal.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
    used.push(variable);
    return env[variable] ?? '';
  });
  const secret = looksSecret(name) || used.some(looksSecret) || (used.length > 0 && value === '');
  return { name, secret, value: secret && value === '' ? undefined : value };
}

/** The remote server an mcp-remote entry reaches, with its OAuth setting. */
export function fromMcpRemote(
  server: string,
  name: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): McpServerInput {
  let url: string | null = null;
  let scopes = '';
  let clientId: string | null = null;
  const headers: McpVarInput[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      // The first bare argument is the address; a number after it is mcp-remote's callback port.
      if (url === null) url = arg;
      continue;
    }
    if (!VALUED.has(arg)) continue;
    const value = args[i + 1];
    i += 1;
    if (value === undefined) throw fail(server, `${arg} has no value`);
    if (arg === '--header') headers.push(header(value, env));
    if (arg === '--static-oauth-client-metadata') {
      const scope = jsonFlag(server, arg, value).scope;
      if (typeof scope === 'string') scopes = scope.trim();
    }
    if (arg === '--static-oauth-client-info') {
      const id = jsonFlag(server, arg, value).client_id;
      if (typeof id === 'string' && id.trim()) clientId = id.trim();
    }
  }
  if (url === null) throw fail(server, 'give the remote server’s address after mcp-remote');
  // mcp-remote signs in unless a header already authorizes the calls (its README's way around OAuth).
  const bearer = headers.some((h) => h.name.toLowerCase() === 'authorization');
  return {
    name,
    transport: 'http',
    url,
    headers,
    auth: bearer ? 'none' : 'oauth',
    oauthScopes: bearer ? '' : scopes,
    oauthClientId: bearer ? null : clientId,
  };
}

/** The environment variable that stands for a header's value in an exported file. */
export const headerVariable = (name: string): string =>
  `MCP_HEADER_${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;

/** An OAuth remote server as Claude Desktop runs it; secret header values are left empty. */
export function toMcpRemote(s: ServerRow): { command: string; args: string[]; env: Record<string, string> } {
  const args = ['-y', 'mcp-remote', s.url ?? ''];
  if (s.oauthScopes) args.push('--static-oauth-client-metadata', JSON.stringify({ scope: s.oauthScopes }));
  if (s.oauthClientId)
    args.push('--static-oauth-client-info', JSON.stringify({ client_id: s.oauthClientId }));
  const env: Record<string, string> = {};
  for (const h of s.headers) {
    const value = h.secret ? '' : (h.value ?? '');
    if (!h.secret && value === '') {
      args.push('--header', `${h.name}:`);
      continue;
    }
    const base = headerVariable(h.name);
    let variable = base;
    for (let n = 2; variable in env; n += 1) variable = `${base}_${n}`;
    env[variable] = value;
    args.push('--header', `${h.name}:\${${variable}}`);
  }
  return { command: 'npx', args, env };
}
