import { existsSync, statSync } from 'node:fs';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { z } from 'zod';
import type { McpStatus } from '../contract';
import { spawnPlan } from './commandPath';
import { resolveCommand, serverEnv } from './env';
import { isLoopback, isNotStreamable, startFailureWords } from './connectionWords';
import { hostOf, isSignInProblem } from './oauth';
import { StderrLog } from './stderrLog';
import { BoundedStdioTransport } from './stdioTransport';

/** A stdio message (one line) over this size stops the server: nothing else can be read after it. */
export const STDIO_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** How long a server whose reply stream broke has to answer a ping before it counts as gone. */
const PING_MS = 3_000;

export interface LaunchSpec {
  name: string;
  transport: 'stdio' | 'http';
  command: string;
  args: string[];
  cwd: string | null;
  /** Declared variables with their values (secrets already read from the keychain). */
  env: Record<string, string>;
  url: string | null;
  headers: Record<string, string>;
  handshakeTimeoutMs: number;
  /** The app's own environment; only its allow-listed names are passed on. */
  shellEnv: Readonly<Record<string, string | undefined>>;
  mask: (text: string) => string;
  fetch?: typeof fetch;
  /** OAuth for a remote server (tokens from the keychain, refreshed after a 401). */
  authProvider?: OAuthClientProvider;
  /** Replaces the real transports (tests drive the handshake and the close themselves). */
  makeTransport?: (sse: boolean) => Transport;
}

/** Lenient shapes: one bad tool must not make the whole list unreadable (each is checked on its own). */
const ToolsPage = z.looseObject({ tools: z.array(z.unknown()), nextCursor: z.string().optional() });
const CallResult = z.looseObject({
  content: z.array(z.unknown()).optional(),
  structuredContent: z.unknown().optional(),
  isError: z.boolean().optional(),
});
export type RawCallResult = z.infer<typeof CallResult>;

const MAX_PAGES = 50;

/** One running server: the SDK client, its transport, status and stderr. */
export class McpConnection {
  readonly log: StderrLog;
  private client: Client | null = null;
  private closing = false;
  private transport: Transport | null = null;
  /** Calls waiting for an answer, each failed at once if the server is found gone (HTTP). */
  private readonly inFlight = new Set<(error: Error) => void>();
  status: McpStatus;

  constructor(
    private readonly spec: LaunchSpec,
    private readonly onStatus: (status: McpStatus) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.log = new StderrLog(spec.mask);
    this.status = {
      state: 'stopped',
      message: null,
      pid: null,
      serverName: null,
      serverVersion: null,
      since: now(),
    };
  }

  private set(patch: Partial<McpStatus>): void {
    this.status = { ...this.status, ...patch, since: this.now() };
    this.onStatus(this.status);
  }

  /** Starts and completes the handshake; on failure the status says why in words that say what to do. */
  async start(): Promise<void> {
    this.closing = false;
    this.set({ state: 'starting', message: null, pid: null });
    let transport: Transport;
    try {
      transport = this.spec.makeTransport
        ? this.spec.makeTransport(false)
        : this.spec.transport === 'stdio'
          ? this.stdio()
          : this.http(false);
    } catch (error) {
      this.set({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    try {
      await this.connect(transport);
    } catch (error) {
      if (this.closing) {
        // Stopped by the user during the handshake: that is a stop, not a failure of the server.
        this.set({ state: 'stopped', message: null, pid: null });
        throw error;
      }
      if (this.spec.transport === 'http' && !isSignInProblem(error) && isNotStreamable(error)) {
        // Older servers speak the 2024-11-05 HTTP+SSE transport: the spec's fallback.
        try {
          await this.connect(this.spec.makeTransport ? this.spec.makeTransport(true) : this.http(true));
          return;
        } catch (second) {
          this.fail(second);
          throw second;
        }
      }
      this.fail(error);
      throw error;
    }
  }

  private stdio(): Transport {
    const { spec } = this;
    if (spec.command.trim() === '') throw new Error('No command is set for this server.');
    if (spec.cwd !== null && (!existsSync(spec.cwd) || !statSync(spec.cwd).isDirectory()))
      throw new Error(
        `The working folder ${spec.cwd} does not exist. Choose an existing folder or clear it.`,
      );
    const env = serverEnv(spec.shellEnv, spec.env);
    const resolved = resolveCommand(spec.command, env, spec.cwd);
    if (resolved === null) {
      throw new Error(
        `The command "${spec.command}" was not found on the PATH the server gets (${env.PATH ?? 'no PATH'}). ` +
          'Give its full path, or set PATH in the server’s environment to include its folder.',
      );
    }
    const plan = spawnPlan(resolved, spec.args, env, process.platform);
    return new BoundedStdioTransport({
      command: plan.command,
      args: plan.args,
      windowsVerbatimArguments: plan.windowsVerbatimArguments,
      env,
      cwd: spec.cwd,
      maxMessageBytes: STDIO_MAX_MESSAGE_BYTES,
      onStderr: (text) => this.log.append(text),
    });
  }

  private http(sse: boolean): Transport {
    const { spec } = this;
    let url: URL;
    try {
      url = new URL(spec.url ?? '');
    } catch {
      throw new Error(`The address "${spec.url ?? ''}" is not a valid URL.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
      throw new Error('Use an https: address (http: only for this computer: localhost or 127.0.0.1).');
    const requestInit: RequestInit = { headers: spec.headers, redirect: 'error' };
    const authProvider = spec.authProvider;
    return sse
      ? new SSEClientTransport(url, { requestInit, fetch: spec.fetch, authProvider })
      : new StreamableHTTPClientTransport(url, { requestInit, fetch: spec.fetch, authProvider });
  }

  private async connect(transport: Transport): Promise<void> {
    const client = new Client({ name: 'llm-desk', version: '1' }, { capabilities: {} });
    this.client = client;
    this.transport = transport;
    client.onclose = () => this.closed(client);
    client.onerror = (error) => void this.streamBroke(client, error);
    try {
      await client.connect(transport, { timeout: this.spec.handshakeTimeoutMs });
    } catch (error) {
      this.client = null;
      await client.close().catch(() => undefined);
      throw error;
    }
    const version = client.getServerVersion();
    this.set({
      state: 'running',
      message: null,
      pid: transport instanceof BoundedStdioTransport ? transport.pid : null,
      serverName: version?.name ?? null,
      serverVersion: version?.version ?? null,
    });
  }

  private closed(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.closing) {
      this.set({ state: 'stopped', message: null, pid: null });
      return;
    }
    const last = this.log.last();
    const stdio = this.transport instanceof BoundedStdioTransport ? this.transport : null;
    this.set({
      state: 'error',
      pid: null,
      message: stdio?.overflow
        ? `The server sent a message over the ${STDIO_MAX_MESSAGE_BYTES / 1024 / 1024} MB limit and was stopped.`
        : `The server stopped unexpectedly${stdio?.exit ? ` (exit ${stdio.exit})` : ''}.${last ? ` Its last line on stderr: ${last.slice(0, 300)}` : ''}`,
    });
  }

  /**
   * Over HTTP a server that dies mid-call only breaks the reply's stream: the SDK reports it and
   * keeps waiting for the answer until the call's timeout. A ping tells a dropped stream from a
   * server that is gone; then the calls fail now and the status says so (stdio has its close event).
   */
  private async streamBroke(client: Client, error: Error): Promise<void> {
    if (this.transport instanceof BoundedStdioTransport || this.closing || this.inFlight.size === 0) return;
    if (!/SSE stream disconnected/i.test(error.message)) return;
    const alive = await client.ping({ timeout: PING_MS }).then(
      () => true,
      () => false,
    );
    if (alive || this.client !== client || this.closing) return;
    const lost = new Error('The connection to the server was lost during the call; it no longer answers.');
    for (const fail of this.inFlight) fail(lost);
    this.inFlight.clear();
    this.set({
      state: 'error',
      pid: null,
      message: `The server at ${hostOf(this.spec.url ?? '')} no longer answers: the connection was lost during a call. Restart it when it is back.`,
    });
  }

  private fail(error: unknown): void {
    const words = startFailureWords(error, this.spec, this.log.last());
    this.set({ state: 'error', message: this.spec.mask(words), pid: null });
  }

  /** A failure before anything was started (a secret missing from the keychain). */
  markFailed(message: string): void {
    this.set({ state: 'error', message, pid: null });
  }

  async stop(): Promise<void> {
    this.closing = true;
    const client = this.client;
    if (!client) {
      if (this.status.state !== 'error') this.set({ state: 'stopped', message: null, pid: null });
      return;
    }
    await client.close().catch(() => undefined);
    if (this.client === client) this.closed(client);
  }

  private live(): Client {
    if (!this.client || this.status.state !== 'running') throw new Error('The server is not running.');
    return this.client;
  }

  /** Every page of tools/list (bounded), each tool still unchecked. */
  async listTools(timeoutMs: number): Promise<unknown[]> {
    const client = this.live();
    const tools: unknown[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await client.request(
        { method: 'tools/list', params: cursor ? { cursor } : {} },
        ToolsPage,
        { timeout: timeoutMs },
      );
      tools.push(...result.tools);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return tools;
  }

  async callTool(
    name: string,
    args: Record<string, unknown>,
    options: { timeoutMs: number; signal: AbortSignal },
  ): Promise<RawCallResult> {
    const client = this.live();
    const gone = new AbortController();
    let fail: (error: Error) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => (fail = reject));
    const onLost = (error: Error) => {
      fail(error);
      gone.abort(error);
    };
    this.inFlight.add(onLost);
    try {
      return await Promise.race([
        client.request({ method: 'tools/call', params: { name, arguments: args } }, CallResult, {
          timeout: options.timeoutMs,
          signal: AbortSignal.any([options.signal, gone.signal]),
        }),
        lost,
      ]);
    } finally {
      this.inFlight.delete(onLost);
    }
  }
}
