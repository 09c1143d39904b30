import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { SearchHit } from '../contract';
import { AppFailure } from '../contract';
import type { SearchFilter, SearchMode, Searcher } from './searcher';
import { createSearcher } from './searcher';
import type { SearchRequest, SearchWorkerData } from './searchProtocol';
import { isSearchReply } from './searchProtocol';

/**
 * Where the worker script lives. Bundled main: the built `searchWorker.cjs` next to it.
 * From TypeScript sources (tests, tsx): `main/threads/searchWorker.ts` with `execArgv: ['--import', 'tsx']`.
 */
export interface SearchWorkerOptions {
  url: string | URL;
  execArgv?: string[];
}

export interface SearchServiceOptions {
  /** Main's connection: used directly only when there is no worker. */
  db: DatabaseSync;
  /** The database file the worker opens read-only; `:memory:` cannot be shared, so it searches in-thread. */
  file: string;
  worker?: SearchWorkerOptions | null;
  /**
   * Also checkpoint the WAL from the worker this often. SQLite otherwise checkpoints inside
   * whichever commit fills the log (1,000 pages), and that commit waits for the copy and the
   * fsync: 7–22 ms here, once every few hundred streaming writes. With this on, main's own
   * checkpoints are raised to a 64 MB safety net. Takes effect from `start()`.
   */
  walCheckpointEveryMs?: number | null;
}

/** Pages after which main checkpoints inline anyway, should the worker not keep up (64 MB). */
export const INLINE_CHECKPOINT_SAFETY_PAGES = 16_384;

interface Pending {
  resolve: (hits: SearchHit[]) => void;
  reject: (error: Error) => void;
}

const failure = (reason: string) => new AppFailure('internal', `Search failed: ${reason}`);

/** Searches every thread's messages, in a worker thread whenever the database is a file. */
export class SearchService {
  private readonly options: SearchServiceOptions;
  private inThread: Searcher | undefined;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(options: SearchServiceOptions) {
    this.options = options;
  }

  /** Starts the worker now rather than at the first search (and with it the checkpoints). */
  start(): void {
    if (!this.offThread) return;
    this.startedWorker();
    if (this.options.walCheckpointEveryMs) {
      this.options.db.exec(`PRAGMA wal_autocheckpoint = ${INLINE_CHECKPOINT_SAFETY_PAGES}`);
    }
  }

  /** True when queries run off main's event loop. */
  get offThread(): boolean {
    return Boolean(this.options.worker) && this.options.file !== ':memory:';
  }

  search(
    query: string,
    mode: SearchMode = 'newest',
    limit = 20,
    filter: SearchFilter = {},
  ): Promise<SearchHit[]> {
    if (!this.offThread) {
      this.inThread ??= createSearcher(this.options.db);
      try {
        return Promise.resolve(this.inThread.search(query, mode, limit, filter));
      } catch (error) {
        return Promise.reject(failure(error instanceof Error ? error.message : String(error)));
      }
    }
    const worker = this.startedWorker();
    const request: SearchRequest = { id: this.nextId++, query, mode, limit, filter };
    return new Promise<SearchHit[]>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      // Held open only while a search is in flight, so an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll('the app is closing');
    if (worker) await worker.terminate();
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const spec = this.options.worker;
    if (!spec) throw failure('no search worker is configured');
    const workerData: SearchWorkerData = {
      file: this.options.file,
      checkpointEveryMs: this.options.walCheckpointEveryMs ?? null,
    };
    const worker = new Worker(spec.url, { workerData, execArgv: spec.execArgv ?? [] });
    worker.unref();
    worker.on('message', (reply: unknown) => {
      if (!isSearchReply(reply)) return;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('hits' in reply) waiting.resolve(reply.hits);
      else waiting.reject(failure(reply.error));
      if (this.pending.size === 0) worker.unref();
    });
    // A crashed worker fails what it had in hand; the next search starts a fresh one.
    worker.on('error', (error) => this.drop(worker, error.message));
    worker.on('exit', (code) => this.drop(worker, `the search worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private drop(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(reason);
  }

  private failAll(reason: string): void {
    for (const waiting of this.pending.values()) waiting.reject(failure(reason));
    this.pending.clear();
  }
}
