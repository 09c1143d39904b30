import { JobWorker } from '../workers/jobWorker';
import type { WorkerSpec } from '../workers/jobWorker';
import { drawPages } from './pdfPages';
import type { PagesReply, ReadReply, ReadRequest, WorkerReply, WorkerRequest } from './protocol';
import { readFile } from './read';

export type { WorkerSpec };

/** A file taking longer than this is given up, and its worker with it (PDF bombs). */
const READ_TIMEOUT_MS = 90_000;
/** A worker that needs more heap than this dies alone; main carries on. */
const WORKER_HEAP_MB = 1024;

/**
 * Main's side of the attachments worker (main/workers/jobWorker.ts: started on first use, a
 * crash, an out-of-memory or a timeout fails the files in flight and the next file starts a
 * fresh worker). Failures come back as replies with their reason, never as exceptions. Without a
 * spec (unit tests) files are read on this thread.
 */
export class AttachmentReader {
  private readonly worker: JobWorker<WorkerRequest, WorkerReply> | null;
  private nextId = 1;

  constructor(spec: WorkerSpec | null, timeoutMs = READ_TIMEOUT_MS) {
    this.worker =
      spec &&
      new JobWorker(spec, {
        timeoutMs,
        heapMb: WORKER_HEAP_MB,
        words: {
          timeout: (seconds) => `reading it took over ${seconds} s and was stopped`,
          error: (error) =>
            /memory|heap/i.test(error.message)
              ? 'reading it needed more memory than allowed'
              : `the reader failed (${error.message})`,
          exit: 'the reader stopped unexpectedly',
          closing: 'the reader stopped unexpectedly',
        },
      });
  }

  read(base64: string, wireName: string): Promise<ReadReply> {
    const id = this.nextId++;
    const request: ReadRequest = { id, base64, wireName };
    if (!this.worker) return readFile(request);
    return this.ask(request) as Promise<ReadReply>;
  }

  /** The first pages of a PDF as PNGs at most `maxEdge` px on their longest side (pdfPages.ts). */
  pages(bytes: Uint8Array, maxEdge: number): Promise<PagesReply> {
    const id = this.nextId++;
    if (!this.worker) return drawPages(id, bytes, maxEdge);
    return this.ask({ id, op: 'pages', bytes, maxEdge }) as Promise<PagesReply>;
  }

  private ask(request: WorkerRequest): Promise<WorkerReply> {
    return this.worker!.ask(request).catch((error: Error): WorkerReply => ({
      id: request.id,
      ok: false,
      message: error.message,
    }));
  }

  close(): Promise<void> {
    return this.worker?.terminate() ?? Promise.resolve();
  }
}
