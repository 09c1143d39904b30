import type { McpServerInput, McpVar, McpVarInput } from '../contract';
import { AppFailure, MCP_ENV_NAME, MCP_HEADER_NAME, McpServerInput as ServerInputSchema } from '../contract';
import type { SecretStore } from '../secrets/secretStore';
import type { McpRepo, ServerRow, StoredVar } from './repo';

/**
 * A server's configuration as the user gives it: the checked input, the row it makes, and the values
 * of its secret variables and headers, which live in the keychain under a name and never in the row.
 */

export type VarKind = 'env' | 'header';
export type ServerFields = Omit<ServerRow, 'id' | 'createdAt' | 'updatedAt'>;
export interface CheckedVar {
  name: string;
  secret: boolean;
  /** Absent for a secret the user left as it was: its stored value stays. */
  value: string | undefined;
}

/** Names that usually hold a credential: their values go to the keychain on import. */
const SECRET_NAME = /key|token|secret|passw|auth|credential|cookie|session|private/i;
export const looksSecret = (name: string): boolean => SECRET_NAME.test(name);

export const secretAccount = (serverId: string, kind: VarKind, name: string) =>
  `mcp:${serverId}:${kind}:${name}`;

export async function hasSecret(secrets: SecretStore, account: string): Promise<boolean> {
  try {
    return (await secrets.get(account)) !== null;
  } catch {
    return false;
  }
}

/**
 * The input checked in the order the form reads it (name, then what runs, then variables), with the
 * row as it stood before (`null` for a new server). Fields of the other transport are cleared.
 */
export function checkedServer(
  repo: McpRepo,
  id: string | undefined,
  input: McpServerInput,
): { before: ServerRow | null; fields: ServerFields; env: CheckedVar[]; headers: CheckedVar[] } {
  const parsed = ServerInputSchema.parse(input);
  const clash = repo.byName(parsed.name);
  if (clash && clash.id !== id)
    throw new AppFailure('invalid_request', `name: a server named ${parsed.name} already exists`, {
      detail: { field: 'name' },
    });
  if (parsed.transport === 'stdio' && parsed.command.trim() === '')
    throw new AppFailure('invalid_request', 'command: give the program to run', {
      detail: { field: 'command' },
    });
  if (parsed.transport === 'http' && !parsed.url)
    throw new AppFailure('invalid_request', 'url: give the server’s address', { detail: { field: 'url' } });
  const before = id ? repo.server(id) : null;
  const env = checkVars(parsed.env, MCP_ENV_NAME, 'env');
  const headers = checkVars(parsed.headers, MCP_HEADER_NAME, 'headers');
  const stored = (list: CheckedVar[]): StoredVar[] =>
    list.map((v) => ({ name: v.name, secret: v.secret, value: v.secret ? null : (v.value ?? '') }));
  const stdio = parsed.transport === 'stdio';
  const http = parsed.transport === 'http';
  const fields: ServerFields = {
    name: parsed.name,
    transport: parsed.transport,
    command: stdio ? parsed.command.trim() : '',
    args: stdio ? parsed.args : [],
    cwd: stdio && parsed.cwd?.trim() ? parsed.cwd.trim() : null,
    env: stdio ? stored(env) : [],
    url: http ? (parsed.url ?? '').trim() : null,
    headers: http ? stored(headers) : [],
    handshakeTimeoutMs: parsed.handshakeTimeoutMs,
    callTimeoutMs: parsed.callTimeoutMs,
    auth: http ? parsed.auth : 'none',
    oauthScopes: http ? parsed.oauthScopes.trim() : '',
    oauthClientId: http ? parsed.oauthClientId?.trim() || null : null,
  };
  return { before, fields, env, headers };
}

/** A grant belongs to one server, client and set of scopes: a change to any of them signs out. */
export const grantChanged = (before: ServerRow, after: ServerRow): boolean =>
  before.url !== after.url ||
  before.auth !== after.auth ||
  before.oauthScopes !== after.oauthScopes ||
  before.oauthClientId !== after.oauthClientId;

/** Writes the secrets given, and removes those that are no longer secret or no longer there. */
export async function storeSecrets(
  secrets: SecretStore,
  serverId: string,
  kind: VarKind,
  vars: readonly CheckedVar[],
  before: readonly StoredVar[],
): Promise<void> {
  for (const v of vars) {
    if (v.secret && v.value !== undefined) await secrets.set(secretAccount(serverId, kind, v.name), v.value);
    if (!v.secret) await secrets.delete(secretAccount(serverId, kind, v.name)).catch(() => false);
  }
  for (const old of before) {
    if (old.secret && !vars.some((v) => v.name === old.name && v.secret))
      await secrets.delete(secretAccount(serverId, kind, old.name)).catch(() => false);
  }
}

/** Removes every secret of a server that is being deleted. */
export async function forgetSecrets(secrets: SecretStore, row: ServerRow): Promise<void> {
  for (const v of row.env)
    if (v.secret) await secrets.delete(secretAccount(row.id, 'env', v.name)).catch(() => false);
  for (const v of row.headers)
    if (v.secret) await secrets.delete(secretAccount(row.id, 'header', v.name)).catch(() => false);
}

/** Variables as the window sees them: a secret's value never, only whether the keychain has one. */
export function varsView(secrets: SecretStore, serverId: string, kind: VarKind, list: StoredVar[]) {
  return Promise.all(
    list.map(async (v): Promise<McpVar> => ({
      name: v.name,
      secret: v.secret,
      value: v.secret ? null : v.value,
      stored: v.secret ? await hasSecret(secrets, secretAccount(serverId, kind, v.name)) : v.value !== null,
    })),
  );
}

/**
 * The values a start hands the server, secrets read from the keychain; `secretValues` lets its log
 * mask them. A secret with no value makes `missing` say which, and nothing starts.
 */
export async function launchValues(
  secrets: SecretStore,
  s: ServerRow,
): Promise<{
  env: Record<string, string>;
  headers: Record<string, string>;
  secretValues: string[];
  missing: string | null;
}> {
  const secretValues: string[] = [];
  const value = async (kind: VarKind, v: StoredVar): Promise<string> => {
    if (!v.secret) return v.value ?? '';
    const found = await secrets.get(secretAccount(s.id, kind, v.name));
    if (found === null)
      throw new Error(`The secret ${v.name} has no value in the keychain; set it in the server’s settings.`);
    return found;
  };
  const values = async (kind: VarKind, list: StoredVar[]) => {
    const out: Record<string, string> = {};
    for (const v of list) {
      out[v.name] = await value(kind, v);
      if (v.secret) secretValues.push(out[v.name] ?? '');
    }
    return out;
  };
  let env: Record<string, string> = {};
  let headers: Record<string, string> = {};
  try {
    env = await values('env', s.env);
    headers = await values('header', s.headers);
  } catch (error) {
    return { env, headers, secretValues, missing: error instanceof Error ? error.message : String(error) };
  }
  return { env, headers, secretValues, missing: null };
}

function checkVars(list: McpVarInput[], rule: RegExp, field: 'env' | 'headers'): CheckedVar[] {
  const seen = new Set<string>();
  return list.map((v) => {
    const name = v.name.trim();
    if (!rule.test(name))
      throw new AppFailure(
        'invalid_request',
        `${field}: "${name}" is not a valid ${field === 'env' ? 'variable' : 'header'} name`,
        { detail: { field } },
      );
    if (seen.has(name.toLowerCase()))
      throw new AppFailure('invalid_request', `${field}: ${name} is given twice`, { detail: { field } });
    seen.add(name.toLowerCase());
    return { name, secret: v.secret ?? false, value: v.value };
  });
}
