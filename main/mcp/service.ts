import { randomUUID } from 'node:crypto';
import type {
  McpConsent,
  McpServer,
  McpServerInput,
  McpStatus,
  McpTool,
  McpVar,
  McpVarInput,
} from '../contract';
import { AppFailure, MCP_ENV_NAME, MCP_HEADER_NAME, McpServerInput as ServerInputSchema } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { SecretStore } from '../secrets/secretStore';
import { checkListed, toolView } from './catalog';
import { consentHash } from './consent';
import { McpConnection } from './connection';
import { resolveCommand, serverEnv } from './env';
import { seedPolicy } from './policy';
import type { McpRepo, ServerRow, StoredVar } from './repo';
import { McpOAuthProvider, oauthAccount, signInToServer } from './oauth';
import { masker } from './stderrLog';

export interface McpServiceDeps {
  repo: McpRepo;
  secrets: SecretStore;
  events: EventSink;
  /** The app's own environment; only allow-listed names reach a server. */
  shellEnv: Readonly<Record<string, string | undefined>>;
  /** Names of the library's tools, which a server's function names must not take. */
  libraryNames: () => string[];
  fetch?: typeof fetch;
  now?: () => number;
  /**
   * A second, trusted confirmation outside the window (a native dialog in the app): the window's
   * consent screen alone is not enough where this is given.
   */
  confirmOutside?: (consent: McpConsent) => Promise<boolean>;
  /** Opens the system browser for an OAuth sign-in; without it (or when it fails) the address is shown. */
  openExternal?: (url: string) => Promise<void>;
  signInTimeoutMs?: number;
  /** Replaces the real transports of a server (tests drive handshakes and closes themselves). */
  transportFor?: (server: { id: string; name: string }, sse: boolean) => Transport;
}

const CONSENT_TTL_MS = 10 * 60_000;
const secretAccount = (serverId: string, kind: 'env' | 'header', name: string) =>
  `mcp:${serverId}:${kind}:${name}`;
const STOPPED = (now: number): McpStatus => ({
  state: 'stopped',
  message: null,
  pid: null,
  serverName: null,
  serverVersion: null,
  since: now,
});

/** MCP servers: configuration, consent, secrets in the keychain, and the running connections. */
export class McpService {
  private readonly connections = new Map<string, McpConnection>();
  private readonly starting = new Map<string, Promise<void>>();
  /**
   * Bumped by every stop: a start begun before it gives up at its next step (and stops what it
   * started), so a Stop, Restart or Delete pressed while a server is starting always wins.
   */
  private readonly generation = new Map<string, number>();
  private readonly consents = new Map<string, { serverId: string; hash: string; expires: number }>();
  private readonly now: () => number;
  /** OAuth servers whose grant the server refused (revoked, expired): they need a new sign-in. */
  private readonly signInNeeded = new Set<string>();
  private readonly signingIn = new Map<string, AbortController>();

  constructor(private readonly deps: McpServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  private changed(serverId: string | null): void {
    this.deps.events.broadcast('mcp:changed', { serverId });
  }

  private hashOf(s: ServerRow): string {
    return consentHash({
      transport: s.transport,
      command: s.command,
      args: s.args,
      cwd: s.cwd,
      envNames: s.env.map((v) => v.name),
      url: s.url,
      headerNames: s.headers.map((v) => v.name),
      auth: s.auth,
    });
  }

  consented(s: ServerRow): boolean {
    return this.deps.repo.hasConsent(s.id, this.hashOf(s));
  }

  private async view(s: ServerRow): Promise<McpServer> {
    const vars = async (list: StoredVar[], kind: 'env' | 'header'): Promise<McpVar[]> =>
      Promise.all(
        list.map(async (v) => ({
          name: v.name,
          secret: v.secret,
          value: v.secret ? null : v.value,
          stored: v.secret ? await this.hasSecret(secretAccount(s.id, kind, v.name)) : v.value !== null,
        })),
      );
    return {
      id: s.id,
      name: s.name,
      transport: s.transport,
      command: s.command,
      args: s.args,
      cwd: s.cwd,
      env: await vars(s.env, 'env'),
      url: s.url,
      headers: await vars(s.headers, 'header'),
      handshakeTimeoutMs: s.handshakeTimeoutMs,
      callTimeoutMs: s.callTimeoutMs,
      auth: s.auth,
      oauthScopes: s.oauthScopes,
      oauthClientId: s.oauthClientId,
      signIn:
        s.auth !== 'oauth'
          ? 'none'
          : !this.signInNeeded.has(s.id) && (await this.hasSecret(oauthAccount(s.id, 'tokens')))
            ? 'signed-in'
            : 'needed',
      consented: this.consented(s),
      status: this.connections.get(s.id)?.status ?? STOPPED(s.updatedAt),
      toolCount: this.deps.repo.tools(s.id).length,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }

  private async hasSecret(account: string): Promise<boolean> {
    try {
      return (await this.deps.secrets.get(account)) !== null;
    } catch {
      return false;
    }
  }

  async list(): Promise<McpServer[]> {
    return Promise.all(this.deps.repo.servers().map((s) => this.view(s)));
  }

  async get(id: string): Promise<McpServer> {
    return this.view(this.deps.repo.server(id));
  }

  /** Adds or changes a server; never starts it. A change to what runs stops it and asks for consent. */
  async save(
    id: string | undefined,
    input: McpServerInput,
  ): Promise<{ server: McpServer; consent: McpConsent | null }> {
    const parsed = ServerInputSchema.parse(input);
    const clash = this.deps.repo.byName(parsed.name);
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
    const before = id ? this.deps.repo.server(id) : null;
    const env = checkVars(parsed.env, MCP_ENV_NAME, 'env');
    const headers = checkVars(parsed.headers, MCP_HEADER_NAME, 'headers');
    const stored = (list: typeof env): StoredVar[] =>
      list.map((v) => ({ name: v.name, secret: v.secret, value: v.secret ? null : (v.value ?? '') }));
    const row = this.deps.repo.saveServer(
      {
        name: parsed.name,
        transport: parsed.transport,
        command: parsed.transport === 'stdio' ? parsed.command.trim() : '',
        args: parsed.transport === 'stdio' ? parsed.args : [],
        cwd: parsed.transport === 'stdio' && parsed.cwd?.trim() ? parsed.cwd.trim() : null,
        env: parsed.transport === 'stdio' ? stored(env) : [],
        url: parsed.transport === 'http' ? (parsed.url ?? '').trim() : null,
        headers: parsed.transport === 'http' ? stored(headers) : [],
        handshakeTimeoutMs: parsed.handshakeTimeoutMs,
        callTimeoutMs: parsed.callTimeoutMs,
        auth: parsed.transport === 'http' ? parsed.auth : 'none',
        oauthScopes: parsed.transport === 'http' ? parsed.oauthScopes.trim() : '',
        oauthClientId: parsed.transport === 'http' ? parsed.oauthClientId?.trim() || null : null,
      },
      id ?? null,
    );
    // A grant belongs to one server, client and set of scopes: any change to them signs out.
    if (
      before &&
      (before.url !== row.url ||
        before.auth !== row.auth ||
        before.oauthScopes !== row.oauthScopes ||
        before.oauthClientId !== row.oauthClientId)
    )
      await this.forgetSignIn(row.id);
    await this.storeSecrets(row.id, 'env', env, before?.env ?? []);
    await this.storeSecrets(row.id, 'header', headers, before?.headers ?? []);
    const needs = !this.consented(row);
    if (needs) await this.stop(row.id);
    this.changed(row.id);
    return { server: await this.view(row), consent: needs ? this.requestConsent(row.id) : null };
  }

  private async storeSecrets(
    serverId: string,
    kind: 'env' | 'header',
    vars: ReturnType<typeof checkVars>,
    before: StoredVar[],
  ): Promise<void> {
    for (const v of vars) {
      if (v.secret && v.value !== undefined)
        await this.deps.secrets.set(secretAccount(serverId, kind, v.name), v.value);
      if (!v.secret) await this.deps.secrets.delete(secretAccount(serverId, kind, v.name)).catch(() => false);
    }
    for (const old of before) {
      if (old.secret && !vars.some((v) => v.name === old.name && v.secret))
        await this.deps.secrets.delete(secretAccount(serverId, kind, old.name)).catch(() => false);
    }
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    const row = this.deps.repo.server(id);
    await this.stop(id);
    this.connections.delete(id);
    for (const v of row.env)
      if (v.secret) await this.deps.secrets.delete(secretAccount(id, 'env', v.name)).catch(() => false);
    for (const v of row.headers)
      if (v.secret) await this.deps.secrets.delete(secretAccount(id, 'header', v.name)).catch(() => false);
    await this.forgetSignIn(id);
    const deleted = this.deps.repo.deleteServer(id);
    this.changed(id);
    return { deleted };
  }

  /** Exactly what would run; the id it carries is good for one confirmation, for ten minutes. */
  requestConsent(id: string): McpConsent {
    const s = this.deps.repo.server(id);
    const hash = this.hashOf(s);
    const consentId = randomUUID();
    this.consents.set(consentId, { serverId: id, hash, expires: this.now() + CONSENT_TTL_MS });
    const env = serverEnv(this.deps.shellEnv, Object.fromEntries(s.env.map((v) => [v.name, 'x'])));
    return {
      consentId,
      serverId: s.id,
      name: s.name,
      transport: s.transport,
      command: s.command,
      resolvedCommand: s.transport === 'stdio' ? resolveCommand(s.command, env, s.cwd) : null,
      args: s.args,
      cwd: s.cwd,
      envNames: s.env.map((v) => v.name),
      inheritedNames: Object.keys(env).filter((n) => !s.env.some((v) => v.name === n)),
      url: s.url,
      headerNames: s.headers.map((v) => v.name),
      changed: this.deps.repo.anyConsent(s.id),
    };
  }

  /** Records consent for what was shown (refused if the server changed since), then starts it. */
  async confirmConsent(consentId: string): Promise<McpServer> {
    const pending = this.consents.get(consentId);
    this.consents.delete(consentId);
    if (!pending || pending.expires < this.now())
      throw new AppFailure('invalid_request', 'consent: this confirmation expired; review the server again', {
        detail: { field: 'consent' },
      });
    const s = this.deps.repo.server(pending.serverId);
    if (this.hashOf(s) !== pending.hash)
      throw new AppFailure(
        'invalid_request',
        'consent: the server changed after it was shown; review it again',
        {
          detail: { field: 'consent' },
        },
      );
    if (this.deps.confirmOutside) {
      const consent = { ...this.requestConsent(s.id) };
      if (!(await this.deps.confirmOutside(consent)))
        throw new AppFailure('aborted', 'The server was not started: you did not confirm it.');
    }
    this.deps.repo.grantConsent(s.id, pending.hash);
    return this.start(s.id);
  }

  /** Starts a server the user consented to, exactly as configured; lists its tools. */
  async start(id: string): Promise<McpServer> {
    const s = this.deps.repo.server(id);
    if (!this.consented(s))
      throw new AppFailure('invalid_request', 'consent: review and confirm this server before it can start', {
        detail: { field: 'consent' },
      });
    const running = this.connections.get(id);
    if (running?.status.state === 'running') return this.view(s);
    const inFlight = this.starting.get(id);
    if (inFlight) {
      await inFlight.catch(() => undefined);
      return this.view(this.deps.repo.server(id));
    }
    const attempt = this.launch(s, this.generation.get(id) ?? 0).finally(() => {
      // Only this attempt's own entry: a newer start may have taken the slot meanwhile.
      if (this.starting.get(id) === attempt) this.starting.delete(id);
    });
    this.starting.set(id, attempt);
    await attempt.catch(() => undefined);
    return this.view(this.deps.repo.server(id));
  }

  private async launch(s: ServerRow, generation: number): Promise<void> {
    const superseded = () => (this.generation.get(s.id) ?? 0) !== generation;
    await this.connections.get(s.id)?.stop();
    const secret = async (kind: 'env' | 'header', v: StoredVar): Promise<string> => {
      if (!v.secret) return v.value ?? '';
      const value = await this.deps.secrets.get(secretAccount(s.id, kind, v.name));
      if (value === null)
        throw new Error(
          `The secret ${v.name} has no value in the keychain; set it in the server’s settings.`,
        );
      return value;
    };
    const secrets: string[] = [];
    const values = async (kind: 'env' | 'header', list: StoredVar[]) => {
      const out: Record<string, string> = {};
      for (const v of list) {
        out[v.name] = await secret(kind, v);
        if (v.secret) secrets.push(out[v.name] ?? '');
      }
      return out;
    };
    let env: Record<string, string> = {};
    let headers: Record<string, string> = {};
    let missing: string | null = null;
    try {
      env = await values('env', s.env);
      headers = await values('header', s.headers);
    } catch (error) {
      missing = error instanceof Error ? error.message : String(error);
    }
    let authProvider: McpOAuthProvider | undefined;
    if (s.auth === 'oauth' && missing === null) {
      if (await this.hasSecret(oauthAccount(s.id, 'tokens'))) {
        authProvider = new McpOAuthProvider({
          serverId: s.id,
          url: s.url ?? '',
          scopes: s.oauthScopes,
          clientId: s.oauthClientId,
          secrets: this.deps.secrets,
          // A revoked grant during a call: the server needs a new sign-in, which only the user starts.
          onSignInNeeded: () => {
            this.signInNeeded.add(s.id);
            // The screen says so at once, with Sign in again; the next call reconnects and asks.
            this.connections
              .get(s.id)
              ?.markFailed(
                `The sign-in to ${hostOf(s.url ?? '')} expired or was revoked. Sign in again to use this server.`,
              );
          },
        });
      } else {
        this.signInNeeded.add(s.id);
        missing = `Not signed in to ${hostOf(s.url ?? '')}. Sign in to start this server.`;
      }
    }
    // Stopped while the keychain answered: start nothing.
    if (superseded()) return;
    const transportFor = this.deps.transportFor;
    const connection = new McpConnection(
      {
        name: s.name,
        transport: s.transport,
        command: s.command,
        args: s.args,
        cwd: s.cwd,
        env,
        url: s.url,
        headers,
        handshakeTimeoutMs: s.handshakeTimeoutMs,
        shellEnv: this.deps.shellEnv,
        mask: masker(secrets),
        fetch: this.deps.fetch,
        authProvider,
        ...(transportFor ? { makeTransport: (sse: boolean) => transportFor(s, sse) } : {}),
      },
      () => this.changed(s.id),
      this.now,
    );
    this.connections.set(s.id, connection);
    if (missing !== null) {
      connection.markFailed(missing);
      throw new Error(missing);
    }
    await connection.start();
    if (superseded()) {
      await connection.stop();
      return;
    }
    await this.refreshTools(s.id);
  }

  /** Reads tools/list again; a definition that changed keeps its old pin, so it is blocked until re-approved. */
  async refreshTools(id: string): Promise<void> {
    const s = this.deps.repo.server(id);
    const connection = this.connections.get(id);
    if (!connection) return;
    const raw = await connection.listTools(s.handshakeTimeoutMs);
    const taken = new Map<string, string>(this.deps.libraryNames().map((n) => [n, `the library tool ${n}`]));
    for (const other of this.deps.repo.tools()) {
      if (other.serverId !== id && other.problem === null)
        taken.set(other.functionName, `a tool of another server`);
    }
    this.deps.repo.replaceTools(id, checkListed(s, raw, taken), seedPolicy);
    this.changed(id);
  }

  async stop(id: string): Promise<McpServer | null> {
    this.generation.set(id, (this.generation.get(id) ?? 0) + 1);
    const connection = this.connections.get(id);
    if (connection) await connection.stop();
    // A start in flight sees the new generation and stops what it started; wait for it to settle.
    await this.starting.get(id)?.catch(() => undefined);
    try {
      return await this.view(this.deps.repo.server(id));
    } catch {
      return null;
    }
  }

  /** OAuth sign-in through the browser, then the server starts; a second sign-in cancels the first. */
  async signIn(id: string): Promise<McpServer> {
    const s = this.deps.repo.server(id);
    if (s.transport !== 'http' || s.auth !== 'oauth' || !s.url)
      throw new AppFailure('invalid_request', 'auth: this server does not sign in with OAuth', {
        detail: { field: 'auth' },
      });
    if (!this.consented(s))
      throw new AppFailure('invalid_request', 'consent: review and confirm this server before it can start', {
        detail: { field: 'consent' },
      });
    this.signingIn.get(id)?.abort();
    const controller = new AbortController();
    this.signingIn.set(id, controller);
    await this.stop(id);
    try {
      await signInToServer({
        serverId: id,
        url: s.url,
        scopes: s.oauthScopes,
        clientId: s.oauthClientId,
        secrets: this.deps.secrets,
        fetch: this.deps.fetch,
        openExternal: this.deps.openExternal,
        showUrl: (url) => this.deps.events.broadcast('mcp:signInUrl', { serverId: id, url }),
        timeoutMs: this.deps.signInTimeoutMs ?? 5 * 60_000,
        signal: controller.signal,
      });
    } finally {
      if (this.signingIn.get(id) === controller) this.signingIn.delete(id);
    }
    this.signInNeeded.delete(id);
    return this.start(id);
  }

  cancelSignIn(id: string): { cancelled: boolean } {
    const controller = this.signingIn.get(id);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }

  async signOut(id: string): Promise<McpServer> {
    this.deps.repo.server(id);
    await this.stop(id);
    await this.forgetSignIn(id);
    this.changed(id);
    return this.view(this.deps.repo.server(id));
  }

  private async forgetSignIn(id: string): Promise<void> {
    await this.deps.secrets.delete(oauthAccount(id, 'tokens')).catch(() => false);
    await this.deps.secrets.delete(oauthAccount(id, 'client')).catch(() => false);
    this.signInNeeded.delete(id);
  }

  async restart(id: string): Promise<McpServer> {
    await this.stop(id);
    return this.start(id);
  }

  log(id: string): { lines: string[]; dropped: number } {
    this.deps.repo.server(id);
    return this.connections.get(id)?.log.snapshot() ?? { lines: [], dropped: 0 };
  }

  tools(serverId?: string): McpTool[] {
    const names = new Map(this.deps.repo.servers().map((s) => [s.id, s.name]));
    return this.deps.repo.tools(serverId).map((t) => toolView(t, names.get(t.serverId) ?? ''));
  }

  /** A running connection for a call: started on demand, but only when consent covers it. */
  async connection(id: string): Promise<McpConnection> {
    const existing = this.connections.get(id);
    if (existing?.status.state === 'running') return existing;
    await this.start(id);
    const started = this.connections.get(id);
    if (started?.status.state !== 'running')
      throw new Error(started?.status.message ?? 'The server is not running.');
    return started;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.connections.values()].map((c) => c.stop()));
  }
}

function checkVars(list: McpVarInput[], rule: RegExp, field: 'env' | 'headers') {
  const seen = new Set<string>();
  return list.map((v) => {
    const name = v.name.trim();
    if (!rule.test(name))
      throw new AppFailure(
        'invalid_request',
        `${field}: "${name}" is not a valid ${field === 'env' ? 'variable' : 'header'} name`,
        {
          detail: { field },
        },
      );
    if (seen.has(name.toLowerCase()))
      throw new AppFailure('invalid_request', `${field}: ${name} is given twice`, { detail: { field } });
    seen.add(name.toLowerCase());
    return { name, secret: v.secret ?? false, value: v.value };
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
