import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpConsent, McpServer, McpServerInput, McpTool } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { SecretStore } from '../secrets/secretStore';
import type { McpConnection } from './connection';
import { ConsentDesk } from './consent';
import { ServerLifecycle } from './lifecycle';
import type { McpRepo, ServerRow } from './repo';
import { checkedServer, forgetSecrets, grantChanged, storeSecrets, varsView } from './serverConfig';
import { SignInGate, requireOAuth } from './signInGate';
import { listTools, toolsView } from './toolListing';

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

/**
 * MCP servers as the window and the chat loop see them: configuration (serverConfig), consent
 * (consent), the OAuth gate (signInGate), the running connections (lifecycle) and their tools
 * (toolListing), put together in the order the user's steps need.
 */
export class McpService {
  private readonly consent: ConsentDesk;
  private readonly gate: SignInGate;
  private readonly life: ServerLifecycle;

  constructor(private readonly deps: McpServiceDeps) {
    const now = deps.now ?? Date.now;
    this.consent = new ConsentDesk({
      repo: deps.repo,
      shellEnv: deps.shellEnv,
      now,
      confirmOutside: deps.confirmOutside,
    });
    this.gate = new SignInGate(deps);
    this.life = new ServerLifecycle({
      secrets: deps.secrets,
      gate: this.gate,
      shellEnv: deps.shellEnv,
      fetch: deps.fetch,
      now,
      transportFor: deps.transportFor,
      changed: (id) => this.changed(id),
      started: (s) => this.refreshTools(s.id),
    });
  }

  private changed(serverId: string | null): void {
    this.deps.events.broadcast('mcp:changed', { serverId });
  }

  consented(s: ServerRow): boolean {
    return this.consent.consented(s);
  }

  private async view(s: ServerRow): Promise<McpServer> {
    return {
      id: s.id,
      name: s.name,
      transport: s.transport,
      command: s.command,
      args: s.args,
      cwd: s.cwd,
      env: await varsView(this.deps.secrets, s.id, 'env', s.env),
      url: s.url,
      headers: await varsView(this.deps.secrets, s.id, 'header', s.headers),
      handshakeTimeoutMs: s.handshakeTimeoutMs,
      callTimeoutMs: s.callTimeoutMs,
      auth: s.auth,
      oauthScopes: s.oauthScopes,
      oauthClientId: s.oauthClientId,
      signIn: await this.gate.state(s),
      consented: this.consented(s),
      status: this.life.status(s),
      toolCount: this.deps.repo.tools(s.id).length,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
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
    const { before, fields, env, headers } = checkedServer(this.deps.repo, id, input);
    const row = this.deps.repo.saveServer(fields, id ?? null);
    if (before && grantChanged(before, row)) await this.gate.forget(row.id);
    await storeSecrets(this.deps.secrets, row.id, 'env', env, before?.env ?? []);
    await storeSecrets(this.deps.secrets, row.id, 'header', headers, before?.headers ?? []);
    const needs = !this.consented(row);
    if (needs) await this.stop(row.id);
    this.changed(row.id);
    return { server: await this.view(row), consent: needs ? this.requestConsent(row.id) : null };
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    const row = this.deps.repo.server(id);
    await this.stop(id);
    this.life.forget(id);
    await forgetSecrets(this.deps.secrets, row);
    await this.gate.forget(id);
    const deleted = this.deps.repo.deleteServer(id);
    this.changed(id);
    return { deleted };
  }

  /** Exactly what would run; the id it carries is good for one confirmation, for ten minutes. */
  requestConsent(id: string): McpConsent {
    return this.consent.request(id);
  }

  /** Records consent for what was shown (refused if the server changed since), then starts it. */
  async confirmConsent(consentId: string): Promise<McpServer> {
    const s = await this.consent.confirm(consentId);
    return this.start(s.id);
  }

  /** Starts a server the user consented to, exactly as configured; lists its tools. */
  async start(id: string): Promise<McpServer> {
    const s = this.deps.repo.server(id);
    this.consent.require(s);
    if (this.life.isRunning(id)) return this.view(s);
    await this.life.start(s);
    return this.view(this.deps.repo.server(id));
  }

  /** Reads tools/list again; a definition that changed keeps its old pin, so it is blocked until re-approved. */
  async refreshTools(id: string): Promise<void> {
    const s = this.deps.repo.server(id);
    const connection = this.life.connection(id);
    if (!connection) return;
    await listTools(this.deps.repo, this.deps.libraryNames, s, connection);
    this.changed(id);
  }

  async stop(id: string): Promise<McpServer | null> {
    await this.life.stop(id);
    try {
      return await this.view(this.deps.repo.server(id));
    } catch {
      return null;
    }
  }

  async restart(id: string): Promise<McpServer> {
    await this.stop(id);
    return this.start(id);
  }

  /** OAuth sign-in through the browser, then the server starts; a second sign-in cancels the first. */
  async signIn(id: string): Promise<McpServer> {
    const s = this.deps.repo.server(id);
    requireOAuth(s);
    this.consent.require(s);
    await this.gate.signIn(s, () => this.stop(id));
    return this.start(id);
  }

  cancelSignIn(id: string): { cancelled: boolean } {
    return this.gate.cancel(id);
  }

  async signOut(id: string): Promise<McpServer> {
    this.deps.repo.server(id);
    await this.stop(id);
    await this.gate.forget(id);
    this.changed(id);
    return this.view(this.deps.repo.server(id));
  }

  log(id: string): { lines: string[]; dropped: number } {
    this.deps.repo.server(id);
    return this.life.log(id);
  }

  tools(serverId?: string): McpTool[] {
    return toolsView(this.deps.repo, serverId);
  }

  /** A running connection for a call: started on demand, but only when consent covers it. */
  async connection(id: string): Promise<McpConnection> {
    const existing = this.life.connection(id);
    if (existing?.status.state === 'running') return existing;
    await this.start(id);
    const started = this.life.connection(id);
    if (started?.status.state !== 'running')
      throw new Error(started?.status.message ?? 'The server is not running.');
    return started;
  }

  async shutdown(): Promise<void> {
    await this.life.shutdown();
  }
}
