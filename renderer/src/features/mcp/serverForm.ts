import type { McpServer, McpServerInput } from '../../../../main/contract/mcp';

export interface VarRow {
  name: string;
  value: string;
  secret: boolean;
  /** A secret already in the keychain: left empty, it is kept. */
  stored: boolean;
}

export interface ServerDraft {
  name: string;
  transport: 'stdio' | 'http';
  command: string;
  /** One argument per line: spaces inside an argument stay (no shell splitting). */
  args: string;
  cwd: string;
  env: VarRow[];
  url: string;
  headers: VarRow[];
  auth: 'none' | 'oauth';
  oauthScopes: string;
  oauthClientId: string;
}

export const emptyServerDraft = (): ServerDraft => ({
  name: '',
  transport: 'stdio',
  command: '',
  args: '',
  cwd: '',
  env: [],
  url: '',
  headers: [],
  auth: 'none',
  oauthScopes: '',
  oauthClientId: '',
});

export function draftFromServer(s: McpServer): ServerDraft {
  const rows = (list: McpServer['env']) =>
    list.map((v) => ({ name: v.name, value: v.value ?? '', secret: v.secret, stored: v.stored }));
  return {
    name: s.name,
    transport: s.transport,
    command: s.command,
    args: s.args.join('\n'),
    cwd: s.cwd ?? '',
    env: rows(s.env),
    url: s.url ?? '',
    headers: rows(s.headers),
    auth: s.auth,
    oauthScopes: s.oauthScopes,
    oauthClientId: s.oauthClientId ?? '',
  };
}

export function inputFromDraft(d: ServerDraft): McpServerInput {
  // A stored secret left empty keeps its keychain value (the value is omitted, never sent empty).
  const vars = (rows: VarRow[]) =>
    rows
      .filter((r) => r.name.trim() !== '')
      .map((r) =>
        r.secret && r.value === '' && r.stored
          ? { name: r.name.trim(), secret: true }
          : { name: r.name.trim(), secret: r.secret, value: r.value },
      );
  return {
    name: d.name.trim(),
    transport: d.transport,
    command: d.command.trim(),
    args: d.args === '' ? [] : d.args.split('\n'),
    cwd: d.cwd.trim() === '' ? null : d.cwd.trim(),
    env: vars(d.env),
    url: d.url.trim() === '' ? null : d.url.trim(),
    headers: vars(d.headers),
    auth: d.transport === 'http' ? d.auth : 'none',
    oauthScopes: d.oauthScopes.trim(),
    oauthClientId: d.oauthClientId.trim() === '' ? null : d.oauthClientId.trim(),
  };
}
