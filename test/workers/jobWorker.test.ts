// The one worker_thread helper both the evidence checks and the attachments reader run on: each
// job has its own time limit, a worker that dies fails every job it held (with the reason) and
// the next job gets a fresh worker, and terminate() fails what still waits.
import { afterEach, describe, expect, it } from 'vitest';
import type { JobWorkerOptions } from '../../main/workers/jobWorker';
import { JobWorker } from '../../main/workers/jobWorker';

type Op = 'echo' | 'hang' | 'exit' | 'throw' | 'hog';
interface Request {
  id: number;
  op: Op;
}
interface Reply {
  id: number;
  threadId: number;
  echo: Op;
}

const spec = { url: new URL('./echoWorker.mjs', import.meta.url) };
const words: JobWorkerOptions['words'] = {
  timeout: (seconds) => `took over ${seconds} s`,
  error: (error) => (/memory|heap/i.test(error.message) ? 'out of memory' : `failed (${error.message})`),
  exit: 'stopped unexpectedly',
  closing: 'closing',
};
const made: JobWorker<Request, Reply>[] = [];
const worker = (timeoutMs = 30_000, heapMb = 64) => {
  const w = new JobWorker<Request, Reply>(spec, { timeoutMs, heapMb, words });
  made.push(w);
  return w;
};
let nextId = 1;
const job = (op: Op): Request => ({ id: nextId++, op });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (error: Error) => error.message,
  );

afterEach(async () => {
  await Promise.all(made.splice(0).map((w) => w.terminate()));
});

describe('a job worker', () => {
  it('answers jobs by id, on one thread started on first use', async () => {
    const w = worker();
    expect(w.started).toBe(0);
    const [a, b] = await Promise.all([w.ask(job('echo')), w.ask(job('echo'))]);
    expect(a.echo).toBe('echo');
    expect(b.id).toBe(a.id + 1);
    expect(a.threadId).toBe(b.threadId);
    expect(w.started).toBe(1);
  });

  it('fails a job past its time limit, with the time, and answers the next on a fresh thread', async () => {
    const w = worker(1000);
    const first = await w.ask(job('echo'));
    expect(await failure(w.ask(job('hang')))).toBe('took over 1 s');
    const next = await w.ask(job('echo'));
    expect(next.echo).toBe('echo');
    expect(next.threadId).not.toBe(first.threadId);
    expect(w.started).toBe(2);
  });

  it('fails every job the thread held when it crashes, each with the reason', async () => {
    const w = worker();
    const jobs = [w.ask(job('hang')), w.ask(job('hang')), w.ask(job('throw'))].map(failure);
    expect(await Promise.all(jobs)).toEqual(['failed (boom)', 'failed (boom)', 'failed (boom)']);
  });

  it('fails the jobs of a thread that exits, then restarts for the next job', async () => {
    const w = worker();
    const held = failure(w.ask(job('hang')));
    expect(await failure(w.ask(job('exit')))).toBe('stopped unexpectedly');
    expect(await held).toBe('stopped unexpectedly');
    // Asked at once: the dead thread's late events must not fail the new thread's job.
    const again = await w.ask(job('echo'));
    expect(again.echo).toBe('echo');
    expect(w.started).toBe(2);
  });

  it('says a thread that ran out of its heap did so', async () => {
    const w = worker(60_000, 16);
    expect(await failure(w.ask(job('hog')))).toBe('out of memory');
    expect((await w.ask(job('echo'))).echo).toBe('echo');
  });

  it('terminate() fails what still waits, and a later job starts a new thread', async () => {
    const w = worker();
    const waiting = failure(w.ask(job('hang')));
    await w.terminate();
    expect(await waiting).toBe('closing');
    expect((await w.ask(job('echo'))).echo).toBe('echo');
    expect(w.started).toBe(2);
  });
});
