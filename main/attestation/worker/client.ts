import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { ReportCheck } from '../report';
import type { CollateralNeed } from '../collateral/needs';
import type {
  CheckJob,
  EvidenceJob,
  EvidenceOutput,
  EvidenceReply,
  EvidenceRequest,
  SignerJob,
  SignerKey,
} from './protocol';
import { runEvidenceJob } from './run';
import type { WorkerSpec } from '../../workers/jobWorker';
import { JobWorker } from '../../workers/jobWorker';

export type EvidenceWorkerSpec = WorkerSpec;

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

/**
 * Main's side of the evidence worker (main/workers/jobWorker.ts: started on first use, a crash or
 * a timeout rejects the jobs in flight with the reason, which the caller turns into a failed
 * check, and the next job starts a fresh worker). Without a spec the jobs run on this thread
 * (unit tests, the CLI).
 */
export class EvidenceVerifier {
  private readonly worker: JobWorker<EvidenceRequest, EvidenceReply> | null;
  private nextId = 1;
  /** Where jobs ran: tests assert that no report is checked on main's thread. */
  readonly stats = {
    inThread: 0,
    inWorker: 0,
    workerThreadIds: new Set<number>(),
    workerCpuMs: [] as number[],
    /** The last jobs, each with the thread that ran it (main's own id when in-thread). */
    log: [] as { kind: EvidenceJob['kind']; threadId: number }[],
  };

  constructor(spec: EvidenceWorkerSpec | null, timeoutMs = JOB_TIMEOUT_MS) {
    this.worker =
      spec &&
      new JobWorker(spec, {
        timeoutMs,
        heapMb: WORKER_HEAP_MB,
        words: {
          timeout: (seconds) => `the check took over ${seconds} s and was stopped`,
          error: (error) => `the evidence worker failed (${error.message})`,
          exit: 'the evidence worker stopped unexpectedly',
          closing: 'the app is closing',
        },
      });
  }

  get offThread(): boolean {
    return this.worker !== null;
  }

  run(job: CheckJob): Promise<ReportCheck> {
    return this.post(job) as Promise<ReportCheck>;
  }

  /** Which collateral a report's quotes call for (parsing them is the worker's job too). */
  needs(body: unknown): Promise<CollateralNeed[]> {
    return this.post({ kind: 'needs', body }) as Promise<CollateralNeed[]>;
  }

  /** The key behind an EIP-191 signature, recovered where main's loop does not wait on it. */
  signer(job: SignerJob): Promise<SignerKey> {
    return this.post(job) as Promise<SignerKey>;
  }

  private logged(kind: EvidenceJob['kind'], ranOn: number): void {
    this.stats.log.push({ kind, threadId: ranOn });
    if (this.stats.log.length > 200) this.stats.log.shift();
  }

  private async post(job: EvidenceJob): Promise<EvidenceOutput> {
    if (!this.worker) {
      this.stats.inThread += 1;
      this.logged(job.kind, threadId);
      return runEvidenceJob(job);
    }
    const reply = await this.worker.ask({ id: this.nextId++, job });
    if (!reply.ok) throw new Error(reply.message);
    this.stats.inWorker += 1;
    this.logged(job.kind, reply.threadId);
    this.stats.workerThreadIds.add(reply.threadId);
    this.stats.workerCpuMs.push(reply.cpuMs);
    if (this.stats.workerCpuMs.length > 200) this.stats.workerCpuMs.shift();
    return reply.result;
  }

  close(): Promise<void> {
    return this.worker?.terminate() ?? Promise.resolve();
  }
}
