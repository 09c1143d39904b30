import { Worker } from 'node:worker_threads';
import { drawPages } from './pdfPages';
import type { PagesReply, ReadReply, ReadRequest, WorkerReply, WorkerRequest } from './protocol';
import { readFile } from './read';

export interface WorkerSpec {
  url: URL;
  /** Tests run the TypeScript source through tsx: `['--import', 'tsx']`. */
  execArgv?: string[];
}

/** A file taking longer than this is given up, and its worker with it (PDF bombs). */
const READ_TIMEOUT_MS = 90_000;
/** A worker that needs more heap than this dies alone; main carries on. */
const WORKER_HEAP_MB = 1024;

interface Pending {
  resolve: (reply: WorkerReply) => void;
  timer: NodeJS.Timeout;
}

/**
 * Main's side of the attachments worker: one worker, started on first use, requests answered by
 * id. A crash, an out-of-memory or a timeout fails the files in flight with their reason and the
 * next file starts a fresh worker. Without a spec (unit tests) files are read on this thread.
 */
export class AttachmentReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly spec: WorkerSpec | null,
    private readonly timeoutMs = READ_TIMEOUT_MS,
  ) {}

  read(base64: string, wireName: string): Promise<ReadReply> {
    const id = this.nextId++;
    const request: ReadRequest = { id, base64, wireName };
    if (!this.spec) return readFile(request);
    return this.ask(request) as Promise<ReadReply>;
  }

  /** The first pages of a PDF as PNGs at most `maxEdge` px on their longest side (pdfPages.ts). */
  pages(bytes: Uint8Array, maxEdge: number): Promise<PagesReply> {
    const id = this.nextId++;
    if (!this.spec) return drawPages(id, bytes, maxEdge);
    return this.ask({ id, op: 'pages', bytes, maxEdge }) as Promise<PagesReply>;
  }

  private ask(request: WorkerRequest): Promise<WorkerReply> {
    const worker = this.started();
    return new Promise<WorkerReply>((resolve) => {
      const timer = setTimeout(() => {
        this.failAll(`reading it took over ${Math.round(this.timeoutMs / 1000)} s and was stopped`);
      }, this.timeoutMs);
      this.pending.set(request.id, { resolve, timer });
      worker.ref();
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const spec = this.spec as WorkerSpec;
    const worker = new Worker(spec.url, {
      execArgv: spec.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (this.pending.size === 0) worker.unref();
      pending.resolve(reply);
    });
    worker.on('error', (error) => {
      const memory = /memory|heap/i.test(error.message);
      this.failAll(
        memory ? 'reading it needed more memory than allowed' : `the reader failed (${error.message})`,
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll('the reader stopped unexpectedly');
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    const worker = this.worker;
    this.worker = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve({ id, ok: false, message });
    }
    this.pending.clear();
    if (worker) void worker.terminate();
  }
}
