import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { McpConsent } from './contract';
import { pathToFileURL } from 'node:url';
import { appHandlers } from './app/handlers';
import { attestationHandlers, gateChat } from './attestation/handlers';
import { BudgetBook } from './budgets/book';
import { budgetHandlers, targetOfThread, usageConversion } from './budgets/handlers';
import { projectHandlers } from './projects/handlers';
import { ProjectsService } from './projects/service';
import { gateSending } from './chat/gate';
import { AttestationService } from './attestation/service';
import { AttestationStore } from './attestation/store';
import type { AttestationOptions } from './attestation/service';
import { bundledEvidenceWorker } from './attestation/worker/client';
import { bundledWorker, createAttachments } from './attachments';
import { chatHandlers } from './chat/handlers';
import { ChatService } from './chat/service';
import { closeDatabase, openDatabase } from './db/database';
import { DatabaseHealth } from './db/health';
import { bundledCheckWorker, createExperiments } from './experiments';
import { migrations } from './db/migrations';
import type { Logger } from './ipc/dispatch';
import type { EventSink, Handlers } from './ipc/handlers';
import { createMcp } from './mcp';
import { ModelsService } from './models/service';
import { providerHandlers } from './providers/handlers';
import { ProvidersService } from './providers/service';
import type { SecretStore } from './secrets/secretStore';
import { threadHandlers } from './threads/handlers';
import { FirstScreen } from './threads/firstScreen';
import { FtsMaintenance } from './threads/ftsMaintenance';
import { ThreadsRepo } from './threads/repo';
import { SearchService } from './threads/search';
import { toolHandlers } from './tools/handlers';
import { ToolsService } from './tools/service';
import { usageHandlers } from './usage/handlers';
import { UsageLedger } from './usage/ledger';
import { estimateTokens, loadTokenizerWhenQuiet } from './usage/tokens';

export interface ServiceOptions {
  dataDir: string;
  secretStore: SecretStore;
  /** Electron's network stack in the app (netRequestFetch over net.request); the platform fetch elsewhere. */
  fetch: typeof fetch;
  /** Opens the system browser (OAuth sign-in, checked links). */
  openExternal: (url: string) => Promise<void>;
  events: EventSink;
  shell: 'electron' | 'browser';
  version: string;
  platform: string;
  /** The bundled search worker; without it search runs on main's thread. */
  searchWorkerFile?: string | null;
  /** Attestation's evidence worker, Intel collateral source and TLS probe, when not the defaults (tests). */
  attestation?: AttestationOptions;
  log: Logger;
  now?: () => number;
  /** Restarts the app after the user chose a new database; false where it cannot. */
  restart?: () => boolean | Promise<boolean>;
  /** A native confirmation of an MCP server's command, beside the window's consent screen (the app). */
  confirmMcpConsent?: (consent: McpConsent) => Promise<boolean>;
}

export interface Services {
  db: DatabaseSync;
  handlers: Handlers;
  notices: string[];
  /** The database's health: the background integrity check, and what to do when it is damaged. */
  database: DatabaseHealth;
  /** The window has shown its first thread (or 10 s passed): start-up work it did not need may run. */
  firstScreen: Promise<void>;
  /** A window (or bridge page) went away: abort its streams. */
  closeWindow(senderId: number): void;
  close(): Promise<void>;
}

/** Searches run on the worker's own connection: damage a search meets counts as damage too. */
class WatchedSearch extends SearchService {
  constructor(
    options: ConstructorParameters<typeof SearchService>[0],
    private readonly onError: (message: string) => void,
  ) {
    super(options);
  }
  override search(...args: Parameters<SearchService['search']>): ReturnType<SearchService['search']> {
    return super.search(...args).catch((error: unknown) => {
      this.onError(error instanceof Error ? error.message : String(error));
      throw error;
    });
  }
}

/** The composition root: every service built once, with its dependencies, and one handler map. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const now = options.now ?? Date.now;
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'llm-desk.sqlite');
  const opened = openDatabase(file, migrations);
  const notices = opened.notices;
  const database = new DatabaseHealth({
    file,
    raw: opened.db,
    migrations,
    onDamage: (status) => {
      // Checkpoints write the WAL into the damaged file: the worker that runs them goes, and the
      // next search starts one without (see walCheckpointEveryMs below).
      void search?.close();
      if (status.message) notices.push(status.message);
      options.log(`database damaged: ${status.message ?? ''}`);
      options.events.broadcast('app:databaseDamaged', status);
    },
    restart: options.restart ?? (() => false),
    now,
  });
  let search: SearchService | null = null;
  // Every service uses the guarded connection, so SQLITE_CORRUPT anywhere is noticed.
  const db = database.db;

  const firstScreen = new FirstScreen();
  const threads = new ThreadsRepo(db, now);
  // Soft-deleted threads were restorable until this start; streams cut by a crash are marked.
  // On a damaged database these steps fail (already reported and shown); the app still starts.
  const unlessDamaged = <T>(step: () => T, fallback: T): T => {
    try {
      return step();
    } catch (error) {
      if (database.damage) return fallback;
      throw error;
    }
  };
  unlessDamaged(() => threads.purgeDeleted(now()), undefined);
  const recovered = unlessDamaged(() => threads.recoverInterrupted(), 0);
  if (recovered > 0)
    notices.push(
      `${recovered} answer${recovered === 1 ? ' was' : 's were'} cut off when the app last closed; what arrived is kept.`,
    );

  search = new WatchedSearch(
    {
      db,
      file,
      worker: options.searchWorkerFile ? { url: pathToFileURL(options.searchWorkerFile) } : null,
      // The worker's own connection checkpoints the WAL, so a streamed message's commit never does;
      // read when a worker starts, so none does once the database is damaged.
      get walCheckpointEveryMs() {
        return options.searchWorkerFile && !database.damage ? 250 : null;
      },
    },
    (message) => database.noticeError(message),
  );
  search.start();
  // FTS5 index merges wait for a pause in writing instead of landing on a streaming write.
  const fts = new FtsMaintenance(db, { startDb: opened.db });
  fts.watch(threads);
  const providers = new ProvidersService({
    db,
    secrets: options.secretStore,
    fetch: options.fetch,
    openExternal: options.openExternal,
    now,
  });
  const models = new ModelsService({ db, providers, fetch: options.fetch, now });
  const tools = new ToolsService(db, now);
  // Budgets keep running totals beside the ledger, so the check on the send path stays O(budgets).
  const budgets = new BudgetBook(db, {
    now,
    onAlert: (status, threshold) => options.events?.broadcast('budgets:alert', { status, threshold }),
  });
  // A thread's project or tags decide which budgets count its rows: the book recomputes on a move.
  const projects = new ProjectsService(db, {
    now,
    onFilingChange: () => budgets.invalidate(),
    onChange: () => options.events?.broadcast('projects:changed', {}),
  });
  const budgetTarget = (threadId: string) => {
    const { providerId, model } = threads.getThread(threadId).settings;
    return { providerId, model, ...targetOfThread(db, threadId) };
  };
  const ledger = new UsageLedger(db, {
    now,
    events: options.events,
    onRecorded: (row, costCurrency) =>
      budgets.recorded(row, costCurrency, {
        providerId: row.providerId,
        model: row.model,
        ...targetOfThread(db, row.threadId),
      }),
    onBulkChange: () => budgets.invalidate(),
  });
  // Verifies confidential answers from the exact bytes: it sees each chat exchange's response
  // (fetch) and each answer's end (events).
  const attestation = new AttestationService({
    store: new AttestationStore(db),
    providers,
    confidential: async (providerId, model) => (await models.describe(providerId, model)).confidential,
    fetch: options.fetch,
    events: options.events,
    now,
    log: options.log,
    worker: bundledEvidenceWorker(options.searchWorkerFile),
    ...options.attestation,
  });
  const mcp = createMcp({
    db,
    secrets: options.secretStore,
    events: options.events,
    libraryNames: () => tools.list().map((t) => t.name),
    now,
    fetch: options.fetch,
    confirmOutside: options.confirmMcpConsent,
    openExternal: options.openExternal,
  });
  const attachments = createAttachments({
    db,
    threads,
    models,
    estimateTokens,
    now,
    worker: bundledWorker(options.searchWorkerFile),
  });
  threads.storeMetaWith(attachments.bodies);
  const chat = new ChatService({
    attachments: attachments.port,
    threads,
    providers,
    models: {
      // Every request describes its model first, so this is where a model counts as recently used.
      describe: async (providerId, model) => {
        const description = await models.describe(providerId, model);
        models.markUsed(providerId, model);
        return description;
      },
    },
    usage: ledger,
    tools,
    mcp: mcp.port,
    // Attestation sees the exact bodies; the window gets them with files elided (issue 15).
    events: attestation.watch(attachments.windowEvents(options.events)),
    fetch: attestation.capture.wrap(options.fetch),
    estimateTokens,
    now,
  });
  // The tokenizer (for answers whose usage the provider did not report) loads in the background
  // once the first thread is on screen and no answer is streaming: parsing it holds main ~0.4 s
  // (until then a count is approximated, and loading starts at once if one is needed).
  void firstScreen.after(3_000).then(() => loadTokenizerWhenQuiet(() => chat.active().length === 0));
  const experiments = createExperiments({
    db,
    chat,
    threads,
    providers,
    events: options.events,
    estimateTokens,
    now,
    checkWorker: bundledCheckWorker(options.searchWorkerFile),
    // Runs spend like the window's sends: a blocking budget at its limit stops them too.
    admit: (threadId) => budgets.admit(budgetTarget(threadId)),
  });

  const handlers: Handlers = {
    ...appHandlers({
      info: {
        version: options.version,
        platform: options.platform,
        shell: options.shell,
        dataDir: options.dataDir,
      },
      notices: () => notices,
      openExternal: options.openExternal,
      database,
    }),
    ...providerHandlers({ providers, models, events: options.events }),
    ...threadHandlers({
      repo: threads,
      search,
      sink: options.events,
      now,
      blobs: attachments.blobs,
      forWindow: attachments.forWindow,
    }),
    ...gateSending(
      gateChat(chatHandlers(chat), attestation, (id) => threads.getThread(id).settings),
      (threadId) => budgets.admit(budgetTarget(threadId)),
    ),
    ...budgetHandlers(budgets, budgetTarget),
    ...projectHandlers(projects),
    ...attestationHandlers(attestation),
    ...attachments.handlers((thread, path) => chat.plan(thread, path)),
    ...toolHandlers({ tools }),
    ...mcp.handlers,
    ...usageHandlers({ db, ledger, events: options.events, now, convert: usageConversion(budgets) }),
    ...experiments.handlers,
  };

  // The page opens its first thread through threads:opening (threads:get when it asks by id).
  handlers['threads:opening'] = firstScreen.watch(handlers['threads:opening']);
  handlers['threads:get'] = firstScreen.watch(handlers['threads:get']);

  return {
    db,
    handlers,
    notices,
    database,
    firstScreen: firstScreen.shown,
    closeWindow: (senderId) => chat.closeWindow(senderId),
    close: async () => {
      await experiments.runner.shutdown();
      await mcp.shutdown();
      await chat.shutdown();
      await attestation.close();
      await attachments.close();
      fts.dispose();
      firstScreen.dispose();
      await search.close();
      closeDatabase(file, opened.db);
    },
  };
}
