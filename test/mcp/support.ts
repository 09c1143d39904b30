import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventName, EventPayload, McpBatch, McpServerInput } from '../../main/contract';
import type { EventSink } from '../../main/ipc/handlers';
import { createMcp } from '../../main/mcp';
import type { SecretStore } from '../../main/secrets/secretStore';
import type { Harness, HarnessOptions } from '../chat/support/harness';
import { harness } from '../chat/support/harness';
import type { McpChatPort } from '../../main/mcp/approvals';

export const TEST_SERVER = fileURLToPath(new URL('./server/testServer.mjs', import.meta.url));

/** The keychain stand-in for tests that are not about the keychain itself. */
export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(account: string) {
    return this.values.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.values.set(account, secret);
  }
  async delete(account: string) {
    return this.values.delete(account);
  }
  async available() {
    return true;
  }
}

/** Records every broadcast and lets a test wait for the one it needs. */
export class WaitingSink implements EventSink {
  readonly sent: { event: EventName; payload: unknown }[] = [];
  private waiters: {
    match: (event: EventName, payload: unknown) => boolean;
    resolve: (p: unknown) => void;
  }[] = [];
  constructor(private readonly inner?: EventSink) {}
  toSender<E extends EventName>(senderId: number, event: E, payload: EventPayload<E>): void {
    this.inner?.toSender(senderId, event, payload);
    this.note(event, payload);
  }
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.inner?.broadcast(event, payload);
    this.note(event, payload);
  }
  private note(event: EventName, payload: unknown): void {
    this.sent.push({ event, payload });
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(event, payload)) return true;
      w.resolve(payload);
      return false;
    });
  }
  next<E extends EventName>(
    event: E,
    match: (p: EventPayload<E>) => boolean = () => true,
  ): Promise<EventPayload<E>> {
    const test = (e: EventName, p: unknown) => e === event && match(p as EventPayload<E>);
    const found = this.sent.find((s) => test(s.event, s.payload));
    if (found) return Promise.resolve(found.payload as EventPayload<E>);
    return new Promise((resolve) =>
      this.waiters.push({ match: test, resolve: (p) => resolve(p as EventPayload<E>) }),
    );
  }
  /** The next batch waiting for the user (one not seen before). */
  waiting(seen: Set<string>): Promise<McpBatch> {
    return this.next('mcp:approval', (b) => b.state === 'waiting' && !seen.has(b.id)).then((b) => {
      seen.add(b.id);
      return b;
    });
  }
}

export type McpKit = ReturnType<typeof createMcp>;

export interface McpHarness extends Harness {
  mcp: McpKit;
  events: WaitingSink;
  secrets: SecretStore;
}

/** The chat harness with MCP wired in exactly as the composition root does. */
export function mcpHarness(
  options: HarnessOptions & { secrets?: SecretStore; shellEnv?: Record<string, string | undefined> },
): McpHarness {
  let kit: McpKit | null = null;
  const port: McpChatPort = {
    toolsFor: (threadId) => kit?.port.toolsFor(threadId) ?? [],
    runCalls: (input) => kit?.port.runCalls(input) ?? Promise.resolve(null),
  };
  const h = harness({ ...options, deps: { ...options.deps, mcp: port } });
  const events = new WaitingSink();
  const secrets = options.secrets ?? new MemorySecrets();
  kit = createMcp({
    db: h.db,
    secrets,
    events,
    libraryNames: () => [],
    now: Date.now,
    shellEnv: options.shellEnv ?? process.env,
  });
  return { ...h, mcp: kit, events, secrets };
}

export function stdioServer(extra: Partial<McpServerInput> = {}, flags: string[] = []): McpServerInput {
  return {
    name: 'test',
    transport: 'stdio',
    command: process.execPath,
    args: [TEST_SERVER, ...flags],
    env: [{ name: 'SHIFT_FILE', value: join(mkdtempSync(join(tmpdir(), 'mcp-shift-')), 'n') }],
    handshakeTimeoutMs: 10_000,
    callTimeoutMs: 10_000,
    ...extra,
  };
}

/** Adds a server and confirms the consent the service asks for, as the consent screen does. */
export async function addAndStart(kit: McpKit, input: McpServerInput) {
  const saved = await kit.service.save(undefined, input);
  if (!saved.consent) throw new Error('expected a consent to confirm');
  return kit.service.confirmConsent(saved.consent.consentId);
}

/** The test server over streamable HTTP, as its own process; resolves with its URL. */
export async function startHttpServer(flags: string[] = [], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [TEST_SERVER, '--http', ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the HTTP test server exited (${code})`)));
  });
  return { url, close: () => child.kill() };
}
