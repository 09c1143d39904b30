import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { EventName, EventPayload, McpBatch, McpServerInput } from '../../main/contract';
import type { EventSink } from '../../main/ipc/handlers';
import { createMcp } from '../../main/mcp';
import type { SecretStore } from '../../main/secrets/secretStore';
import type { Harness, HarnessOptions } from '../chat/support/harness';
import { harness } from '../chat/support/harness';
import type { McpChatPort } from '../../main/mcp/approvals';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';

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
  options: HarnessOptions & {
    secrets?: SecretStore;
    shellEnv?: Record<string, string | undefined>;
    /** MCP's clock (Date.now unless given). */
    now?: () => number;
  },
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
    now: options.now ?? Date.now,
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

type McpServer = Awaited<ReturnType<typeof addAndStart>>;

export interface McpChat {
  readonly mock: MockProvider;
  /**
   * A harness (3 tool rounds unless `settings` says otherwise) with `input` added, started and
   * attached to its thread, as the user would; shut down after the test.
   */
  attached(
    input: McpServerInput,
    settings?: HarnessOptions['settings'],
  ): Promise<{ h: McpHarness; server: McpServer }>;
  /** Closes `thing` after the test too (a test server of its own). */
  closeAfter(thing: { close: () => void }): void;
}

/**
 * One mock provider for the file, reset before each test, and the MCP harnesses a test opens:
 * the setup the MCP chat-loop tests share.
 */
export function useMcpChat(): McpChat {
  let mock: MockProvider | null = null;
  let open: McpHarness[] = [];
  let closers: { close: () => void }[] = [];
  beforeAll(async () => {
    mock = await startMockProvider({ chunkDelayMs: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => mock?.reset());
  afterEach(async () => {
    await Promise.all(open.map((h) => h.mcp.shutdown()));
    for (const c of closers) c.close();
    open = [];
    closers = [];
  });
  const self: McpChat = {
    get mock() {
      if (!mock) throw new Error('the mock provider starts in beforeAll');
      return mock;
    },
    async attached(input, settings = {}) {
      const h = mcpHarness({ mock: self.mock, settings: { maxToolRounds: 3, ...settings } });
      open.push(h);
      const server = await addAndStart(h.mcp, input);
      h.mcp.handlers['mcp:attach'](
        { threadId: h.threadId, serverId: server.id, toolName: null, attached: true },
        { senderId: 1 },
      );
      return { h, server };
    },
    closeAfter: (thing) => void closers.push(thing),
  };
  return self;
}

/** The tool messages' text on the thread's active path, in order. */
export const toolText = (h: McpHarness): string[] =>
  h.repo
    .activePath(h.threadId)
    .filter((m) => m.role === 'tool')
    .map((m) => m.content);

/** Sends `content`, approves the first call of the batch it asks about once, and waits for the answer to settle. */
export async function sendApprovingOnce(h: McpHarness, content: string): Promise<McpBatch> {
  const sent = await h.service.send({ threadId: h.threadId, content }, 1);
  const batch = await h.events.waiting(new Set());
  h.mcp.approvals.decide(batch.id, [{ toolCallId: batch.calls[0]?.toolCallId ?? '', action: 'once' }]);
  await h.service.whenSettled(sent.streamId);
  return batch;
}

/**
 * The changed-definition case, first half: the model calls `add` twice; the first call is approved
 * for always (which pins the tool) and runs. Returns the batches already seen.
 */
export async function addApprovedAlways(chat: McpChat, h: McpHarness): Promise<Set<string>> {
  chat.mock.script(
    { reply: { toolCalls: [{ name: 'test__add', arguments: { a: 1, b: 1 } }] } },
    { reply: { content: 'two' } },
    { reply: { toolCalls: [{ name: 'test__add', arguments: { a: 2, b: 2 } }] } },
    { reply: { content: 'four' } },
  );
  const seen = new Set<string>();
  const first = await h.service.send({ threadId: h.threadId, content: 'add' }, 1);
  const approve = await h.events.waiting(seen);
  h.mcp.approvals.decide(approve.id, [{ toolCallId: approve.calls[0]?.toolCallId ?? '', action: 'always' }]);
  await h.service.whenSettled(first.streamId);
  return seen;
}

/**
 * Second half, once the tool changed: the next `add` is blocked with the diff until approved
 * again (once), then runs, and the tool no longer reads as changed. Returns the blocked call.
 */
export async function addAgainBlocked(h: McpHarness, seen: Set<string>) {
  const second = await h.service.send({ threadId: h.threadId, content: 'add again' }, 1);
  const blocked = await h.events.waiting(seen);
  const call = blocked.calls[0];
  expect(call?.decision).toBe('blocked');
  expect(call?.diff?.lines.some((l) => l.kind === 'removed' && l.text.includes('Adds two numbers.'))).toBe(
    true,
  );
  h.mcp.approvals.decide(blocked.id, [{ toolCallId: call?.toolCallId ?? '', action: 'once' }]);
  await h.service.whenSettled(second.streamId);
  expect(toolText(h)).toEqual(['2', '4']);
  expect(h.mcp.service.tools().find((t) => t.name === 'add')?.changed).toBe(false);
  return call;
}
