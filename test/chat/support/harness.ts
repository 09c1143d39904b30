import type { DatabaseSync } from 'node:sqlite';
import type {
  AuthKind,
  Capabilities,
  EventName,
  EventPayload,
  Provider,
  StreamEvent,
  ThreadSettings,
  Timeouts,
  ToolDef,
} from '../../../main/contract';
import { makeProvider } from './provider';
import { ChatService } from '../../../main/chat/service';
import type { ChatDeps, ProvidersPort, ThreadsPort } from '../../../main/chat/ports';
import { openDatabase } from '../../../main/db/database';
import { migrations } from '../../../main/db/migrations';
import type { EventSink } from '../../../main/ipc/handlers';
import { ThreadsRepo } from '../../../main/threads/repo';
import { UsageLedger } from '../../../main/usage/ledger';
import { estimateTokens } from '../../../main/usage/tokens';
import type { MockProvider } from '../../mock-provider';
import { mintJwt } from '../../mock-provider';

export interface Pushed {
  senderId: number;
  event: StreamEvent;
  at: number;
}

/** Records pushes and lets a test await the one it needs instead of sleeping. */
export class RecordingSink implements EventSink {
  readonly pushed: Pushed[] = [];
  readonly broadcasts: { event: EventName; payload: unknown }[] = [];
  private waiters: { match: (p: Pushed) => boolean; resolve: (p: Pushed) => void }[] = [];

  toSender<E extends EventName>(senderId: number, event: E, payload: EventPayload<E>): void {
    if (event !== 'chat:stream') return;
    const entry = { senderId, event: payload as StreamEvent, at: performance.now() };
    this.pushed.push(entry);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(entry)) return true;
      w.resolve(entry);
      return false;
    });
  }

  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.broadcasts.push({ event, payload });
  }

  next(match: (event: StreamEvent, senderId: number) => boolean): Promise<Pushed> {
    const found = this.pushed.find((p) => match(p.event, p.senderId));
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match: (p) => match(p.event, p.senderId), resolve }));
  }

  async ended(streamId: string): Promise<Extract<StreamEvent, { type: 'ended' }>> {
    const { event } = await this.next((e) => e.type === 'ended' && e.streamId === streamId);
    if (event.type !== 'ended') throw new Error('unreachable');
    return event;
  }

  of(streamId: string): StreamEvent[] {
    return this.pushed.filter((p) => p.event.streamId === streamId).map((p) => p.event);
  }
}

export const ALL_CAPS: Capabilities = {
  tools: true,
  logprobs: true,
  jsonSchema: true,
  reasoning: true,
  vision: false,
};

export interface HarnessOptions {
  mock: MockProvider;
  api?: 'confidential' | 'galadriel';
  authKind?: AuthKind;
  scopes?: string[];
  subject?: string;
  settings?: Partial<ThreadSettings>;
  timeouts?: Timeouts;
  capabilities?: Capabilities;
  tools?: ToolDef[];
  file?: string;
  deps?: Partial<ChatDeps>;
  /** Wraps the repository, e.g. to watch saves. */
  wrapThreads?: (repo: ThreadsRepo) => ThreadsPort;
}

export interface Harness {
  db: DatabaseSync;
  repo: ThreadsRepo;
  ledger: UsageLedger;
  service: ChatService;
  sink: RecordingSink;
  threadId: string;
  token: { value: string };
  slept: number[];
  refreshes: { count: number };
  provider: Provider;
}

export function harness(options: HarnessOptions): Harness {
  const api = options.api ?? 'confidential';
  const authKind = options.authKind ?? (api === 'confidential' ? 'jwt' : 'api-key');
  const { db } = openDatabase(options.file ?? ':memory:', migrations);
  const repo = new ThreadsRepo(db);
  const ledger = new UsageLedger(db);
  const sink = new RecordingSink();
  const mint = () => mintJwt({ scopes: options.scopes ?? ['llm-all'], sub: options.subject ?? 'alice' });
  const token = { value: api === 'confidential' ? mint() : options.mock.apiKey };
  const slept: number[] = [];
  const refreshes = { count: 0 };
  const provider = makeProvider(
    api === 'confidential' ? `${options.mock.confidentialBase}/` : options.mock.galadrielBase,
    api,
    authKind,
    options.timeouts,
  );
  const providers: ProvidersPort = {
    get: () => provider,
    requestAuth: async () => ({ Authorization: `Bearer ${token.value}` }),
    handleUnauthorized: async () => {
      refreshes.count += 1;
      token.value = mint();
      return true;
    },
  };
  const model = options.settings?.model ?? (api === 'confidential' ? 'phala/gpt-oss-120b' : 'llama3.1:70b');
  const service = new ChatService({
    threads: options.wrapThreads ? options.wrapThreads(repo) : repo,
    providers,
    models: {
      describe: async (_p, id) => ({
        capabilities: options.capabilities ?? ALL_CAPS,
        confidential: id.startsWith('phala/'),
        allowed: true,
        hiddenReason: null,
      }),
    },
    usage: ledger,
    tools: { getMany: (ids) => (options.tools ?? []).filter((t) => ids.includes(t.id)) },
    events: sink,
    fetch,
    estimateTokens,
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
    ...options.deps,
  });
  for (const tool of options.tools ?? []) {
    db.prepare(
      'INSERT INTO tools (id, name, description, parameters_json, canned_result, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)',
    ).run(tool.id, tool.name, tool.description, JSON.stringify(tool.parameters), tool.cannedResult);
  }
  const thread = repo.createThread({ providerId: 'p1', model, ...options.settings });
  return { db, repo, ledger, service, sink, threadId: thread.id, token, slept, refreshes, provider };
}

export function usageRows(h: Harness): Record<string, unknown>[] {
  return h.db.prepare('SELECT * FROM usage ORDER BY at, attempt').all() as Record<string, unknown>[];
}
