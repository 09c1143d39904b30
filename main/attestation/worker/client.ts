import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportCheck } from '../report';
import type { CollateralNeed } from '../collateral/needs';
import type { CheckJob, EvidenceJob, EvidenceOutput, EvidenceReply, EvidenceRequest } from './protocol';
import { runEvidenceJob } from './run';

export interface EvidenceWorkerSpec {
  url: URL;
  /** Tests run the TypeScript source through tsx: `['--import', 'tsx']`. */
  execArgv?: string[];
}

/** The bundled worker sits next to the search worker (both built by scripts/build.mjs). */
export function bundledEvidenceWorker(
  searchWorkerFile: string | null | undefined,
): EvidenceWorkerSpec | null {
  if (!searchWorkerFile) return null;
  const file = join(dirname(searchWorkerFile), 'evidenceWorker.cjs');
  return existsSync(file) ? { url: pathToFileURL(file) } : null;
}

/** A report taking longer than this is given up (and its worker with it); the check fails closed. */
const JOB_TIMEOUT_MS = 60_000;
const WORKER_HEAP_MB = 512;

interface Pending {
  resolve: (result: EvidenceOutput) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Main's side of the evidence worker: one worker, started on first use, jobs answered by id in
 * order. A crash or a timeout rejects the jobs in flight with the reason (the caller turns that
 * into a failed check) and the next job starts a fresh worker. Without a spec the jobs run on
 * this thread (unit tests, the CLI).
 */
export class EvidenceVerifier {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Where jobs ran: tests assert that no report is checked on main's thread. */
  readonly stats = {
    inThread: 0,
    inWorker: 0,
    workerThreadIds: new Set<number>(),
    workerCpuMs: [] as number[],
  };

  constructor(
    private readonly spec: EvidenceWorkerSpec | null,
    private readonly timeoutMs = JOB_TIMEOUT_MS,
  ) {}

  get offThread(): boolean {
    return this.spec !== null;
  }

  run(job: CheckJob): Promise<ReportCheck> {
    return this.post(job) as Promise<ReportCheck>;
  }

  /** Which collateral a report's quotes call for (parsing them is the worker's job too). */
  needs(body: unknown): Promise<CollateralNeed[]> {
    return this.post({ kind: 'needs', body }) as Promise<CollateralNeed[]>;
  }

  private post(job: EvidenceJob): Promise<EvidenceOutput> {
    if (!this.spec) {
      this.stats.inThread += 1;
      try {
        return Promise.resolve(runEvidenceJob(job));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<EvidenceOutput>((resolve, reject) => {
      const timer = setTimeout(
        () => this.failAll(`the check took over ${Math.round(this.timeoutMs / 1000)} s and was stopped`),
        this.timeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      const request: EvidenceRequest = { id, job };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll('the app is closing');
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const spec = this.spec as EvidenceWorkerSpec;
    const worker = new Worker(spec.url, {
      execArgv: spec.execArgv ?? [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.on('message', (reply: EvidenceReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) {
        this.stats.inWorker += 1;
        this.stats.workerThreadIds.add(reply.threadId);
        this.stats.workerCpuMs.push(reply.cpuMs);
        if (this.stats.workerCpuMs.length > 200) this.stats.workerCpuMs.shift();
        pending.resolve(reply.result);
      } else pending.reject(new Error(reply.message));
    });
    worker.on('error', (error) => this.failAll(`the evidence worker failed (${error.message})`));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll('the evidence worker stopped unexpectedly');
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(message));
    }
    this.pending.clear();
    if (worker) void worker.terminate();
  }
}
