import { Worker } from 'node:worker_threads';

/** Where a worker's script is; tests run the TypeScript source through tsx: `['--import', 'tsx']`. */
export interface WorkerSpec {
  url: URL;
  execArgv?: string[];
}

/** How a failure reads to the user, in the words of the worker's trade ("reading it …"). */
export interface WorkerWords {
  /** A job ran past its time and was stopped, the worker with it. */
  timeout: (seconds: number) => string;
  /** The worker threw or ran out of memory. */
  error: (error: Error) => string;
  /** The worker's thread ended on its own. */
  exit: string;
  /** `terminate()` while jobs were still waiting. */
  closing: string;
}

export interface JobWorkerOptions {
  /** A job taking longer than this fails, and the worker is ended (the next job starts another). */
  timeoutMs: number;
  /** A worker that needs more heap than this dies alone; main carries on. */
  heapMb: number;
  words: WorkerWords;
}

interface Pending<Reply> {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Messages both ways carry the job's id, so replies may come in any order. */
interface Tagged {
  id: number;
}

/**
 * Main's side of one worker_thread: started on first job, jobs answered by id, each with its own
 * time limit. A crash, an out-of-memory, an exit or a timeout rejects every job in flight with
 * the reason (all of them: they shared the thread that died) and the next job starts a fresh
 * worker. The thread does not keep the app alive while no job is waiting.
 */
export class JobWorker<Request extends Tagged, Reply extends Tagged> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending<Reply>>();
  /** How many threads were started: a restart after a crash counts one more. */
  started = 0;

  constructor(
    private readonly spec: WorkerSpec,
    private readonly options: JobWorkerOptions,
  ) {}

  ask(request: Request, transfer: readonly ArrayBuffer[] = []): Promise<Reply> {
    const worker = this.running();
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(
        () => this.failAll(this.options.words.timeout(Math.round(this.options.timeoutMs / 1000))),
        this.options.timeoutMs,
      );
      this.pending.set(request.id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage(request, [...transfer]);
    });
  }

  /** Ends the thread; jobs still waiting fail with the `closing` words. */
  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(this.options.words.closing);
    if (worker) await worker.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.spec.url, {
      execArgv: this.spec.execArgv ?? [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    this.started += 1;
    worker.on('message', (reply: Reply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if (this.pending.size === 0) worker.unref();
      pending.resolve(reply);
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(this.options.words.error(error));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.failAll(this.options.words.exit);
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
