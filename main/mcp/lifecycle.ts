import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpStatus } from '../contract';
import type { SecretStore } from '../secrets/secretStore';
import { McpConnection } from './connection';
import type { McpOAuthProvider } from './oauth';
import type { ServerRow } from './repo';
import { launchValues } from './serverConfig';
import type { SignInGate } from './signInGate';
import { masker } from './stderrLog';

export interface LifecycleDeps {
  secrets: SecretStore;
  gate: SignInGate;
  /** The app's own environment; only allow-listed names reach a server. */
  shellEnv: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
  now: () => number;
  /** Replaces the real transports of a server (tests drive handshakes and closes themselves). */
  transportFor?: (server: { id: string; name: string }, sse: boolean) => Transport;
  /** A server's status changed. */
  changed: (serverId: string) => void;
  /** Runs once a start's handshake is done, before the start counts as finished (tools/list). */
  started: (s: ServerRow, connection: McpConnection) => Promise<void>;
}

const STOPPED = (since: number): McpStatus => ({
  state: 'stopped',
  message: null,
  pid: null,
  serverName: null,
  serverVersion: null,
  since,
});

/**
 * The running connections and the order of start, stop and restart. Consent is the caller's check;
 * this only ever starts a server exactly as its row says, with its secrets from the keychain.
 */
export class ServerLifecycle {
  private readonly connections = new Map<string, McpConnection>();
  private readonly starting = new Map<string, Promise<void>>();
  /**
   * Bumped by every stop: a start begun before it gives up at its next step (and stops what it
   * started), so a Stop, Restart or Delete pressed while a server is starting always wins.
   */
  private readonly generation = new Map<string, number>();

  constructor(private readonly deps: LifecycleDeps) {}

  status(s: ServerRow): McpStatus {
    return this.connections.get(s.id)?.status ?? STOPPED(s.updatedAt);
  }

  /** The connection, whatever its state (`undefined` when the server never started). */
  connection(id: string): McpConnection | undefined {
    return this.connections.get(id);
  }

  isRunning(id: string): boolean {
    return this.connections.get(id)?.status.state === 'running';
  }

  /** Starts the server, or joins the start in flight; settles when it is running or has failed. */
  async start(s: ServerRow): Promise<void> {
    const inFlight = this.starting.get(s.id);
    if (inFlight) {
      await inFlight.catch(() => undefined);
      return;
    }
    const attempt = this.launch(s, this.generation.get(s.id) ?? 0).finally(() => {
      // Only this attempt's own entry: a newer start may have taken the slot meanwhile.
      if (this.starting.get(s.id) === attempt) this.starting.delete(s.id);
    });
    this.starting.set(s.id, attempt);
    await attempt.catch(() => undefined);
  }

  private async launch(s: ServerRow, generation: number): Promise<void> {
    const superseded = () => (this.generation.get(s.id) ?? 0) !== generation;
    await this.connections.get(s.id)?.stop();
    const values = await launchValues(this.deps.secrets, s);
    let missing = values.missing;
    let authProvider: McpOAuthProvider | undefined;
    if (s.auth === 'oauth' && missing === null) {
      const grant = await this.deps.gate.providerFor(s, (message) =>
        this.connections.get(s.id)?.markFailed(message),
      );
      authProvider = grant.provider;
      missing = grant.missing;
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
        env: values.env,
        url: s.url,
        headers: values.headers,
        handshakeTimeoutMs: s.handshakeTimeoutMs,
        shellEnv: this.deps.shellEnv,
        mask: masker(values.secretValues),
        fetch: this.deps.fetch,
        authProvider,
        ...(transportFor ? { makeTransport: (sse: boolean) => transportFor(s, sse) } : {}),
      },
      () => this.deps.changed(s.id),
      this.deps.now,
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
    await this.deps.started(s, connection);
  }

  async stop(id: string): Promise<void> {
    this.generation.set(id, (this.generation.get(id) ?? 0) + 1);
    const connection = this.connections.get(id);
    if (connection) await connection.stop();
    // A start in flight sees the new generation and stops what it started; wait for it to settle.
    await this.starting.get(id)?.catch(() => undefined);
  }

  /** Forgets a deleted server's connection (stop it first). */
  forget(id: string): void {
    this.connections.delete(id);
  }

  log(id: string): { lines: string[]; dropped: number } {
    return this.connections.get(id)?.log.snapshot() ?? { lines: [], dropped: 0 };
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.connections.values()].map((c) => c.stop()));
  }
}
