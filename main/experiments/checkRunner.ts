import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Check, CheckResult, ResponseFormat } from '../contract';
import type { CellOutcome, Grader, LocalCheck, Verdict } from './checks';
import { checkLabel, runCheck } from './checks';

export interface CheckWorkerSpec {
  url: URL;
  /** Tests run the TypeScript source through tsx: `['--import', 'tsx']`. */
  execArgv?: string[];
}

export interface CheckRequest {
  id: number;
  check: LocalCheck;
  outcome: CellOutcome;
  responseFormat: ResponseFormat | null;
}
export type CheckReply = Verdict & { id: number };

/** A check still running after this long is stopped and fails (a costly pattern on a long answer). */
export const CHECK_BUDGET_MS = 5_000;
/** The worker's heap: a check needing more dies alone, main carries on. */
const WORKER_HEAP_MB = 512;

/** The bundled worker sits next to the search worker (both built by scripts/build.mjs). */
export function bundledCheckWorker(searchWorkerFile: string | null | undefined): CheckWorkerSpec | null {
  if (!searchWorkerFile) return null;
  const file = join(dirname(searchWorkerFile), 'experimentChecksWorker.cjs');
  return existsSync(file) ? { url: pathToFileURL(file) } : null;
}

interface Job {
  request: CheckRequest;
  resolve: (verdict: Verdict) => void;
}

function overBudget(check: LocalCheck, budgetMs: number): Verdict {
  const limit = budgetMs >= 1000 ? `${Math.round(budgetMs / 100) / 10} s` : `${budgetMs} ms`;
  const why =
    check.type === 'regex'
      ? 'the pattern is too costly for an answer this long: simplify it (fewer alternatives or repeats)'
      : 'it is too costly for an answer this long';
  return { pass: false, evidence: `The check ran past its ${limit} limit and was stopped: ${why}.` };
}

/**
 * Runs a cell's checks. Every check but the graded one is judged in a worker thread, one at a
 * time, each within `budgetMs` of being handed over: one that runs past it fails with that reason
 * and its worker is ended (a fresh one takes the next check), so main's event loop never waits on
 * a check. Without a worker spec (unit tests) checks are judged on this thread.
 */
export class CheckRunner {
  private worker: Worker | null = null;
  private ready = false;
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly spec: CheckWorkerSpec | null,
    private readonly budgetMs = CHECK_BUDGET_MS,
  ) {}

  async run(
    check: Check,
    outcome: CellOutcome,
    context: { responseFormat: ResponseFormat | null; grade?: Grader },
  ): Promise<CheckResult> {
    if (check.type === 'graded' || !this.spec) return runCheck(check, outcome, context);
    const verdict = await new Promise<Verdict>((resolve) => {
      this.queue.push({
        request: { id: this.nextId++, check, outcome, responseFormat: context.responseFormat },
        resolve,
      });
      this.pump();
    });
    return { type: check.type, label: checkLabel(check), ...verdict };
  }

  async close(): Promise<void> {
    this.failCurrent('The run ended before the check finished.');
    for (const job of this.queue.splice(0))
      job.resolve({ pass: false, evidence: 'The run ended before the check ran.' });
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const worker = this.started();
    if (!this.ready) return;
    const job = this.queue.shift() as Job;
    const timer = setTimeout(() => {
      this.current = null;
      job.resolve(overBudget(job.request.check, this.budgetMs));
      this.restart();
    }, this.budgetMs);
    this.current = { job, timer };
    worker.ref();
    worker.postMessage(job.request);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const spec = this.spec as CheckWorkerSpec;
    const worker = new Worker(spec.url, {
      execArgv: spec.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.ready = false;
    worker.on('message', (reply: CheckReply | 'ready') => {
      if (this.worker !== worker) return;
      if (reply === 'ready') {
        this.ready = true;
      } else if (this.current?.job.request.id === reply.id) {
        clearTimeout(this.current.timer);
        this.current.job.resolve({ pass: reply.pass, evidence: reply.evidence });
        this.current = null;
      }
      if (!this.current && this.queue.length === 0) worker.unref();
      this.pump();
    });
    worker.on('error', (error) => {
      if (this.worker !== worker) return;
      const memory = /memory|heap/i.test(error.message);
      this.died(
        memory
          ? 'The check needed more memory than allowed and was stopped.'
          : `The check could not run: ${error.message}`,
      );
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.died('The check could not run: its worker stopped unexpectedly.');
    });
    this.worker = worker;
    return worker;
  }

  private failCurrent(evidence: string): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    clearTimeout(current.timer);
    current.job.resolve({ pass: false, evidence });
  }

  /** A worker that dies before it is ready would die again: the checks waiting fail instead of looping. */
  private died(evidence: string): void {
    if (!this.ready) for (const job of this.queue.splice(0)) job.resolve({ pass: false, evidence });
    this.failCurrent(evidence);
    this.restart();
  }

  /** Ends the worker (a check that ran too long is still running in it) and goes on with a fresh one. */
  private restart(): void {
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    if (worker) void worker.terminate();
    this.pump();
  }
}
