import { describe, expect, it } from 'vitest';
import type { Clock, Lane, TaskOutcome } from '../../main/experiments/scheduler';
import { RateScheduler, laneDurationMs } from '../../main/experiments/scheduler';

/** A simulated clock: time moves only when every task is waiting on it. */
class FakeClock implements Clock {
  time = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  now = (): number => this.time;
  sleep = (ms: number, signal: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = { at: this.time + Math.max(0, ms), resolve };
      this.timers.push(timer);
      signal.addEventListener('abort', () => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve();
      });
    });

  /** Runs `work` to the end, jumping to the next timer whenever nothing else can happen. */
  async run(work: Promise<void>): Promise<void> {
    let settled = false;
    void work.then(() => (settled = true));
    for (let guard = 0; guard < 100_000; guard += 1) {
      await new Promise((r) => setImmediate(r));
      if (settled) return;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) throw new Error('stuck: nothing scheduled and the work did not end');
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    throw new Error('did not finish');
  }
}

interface Trace {
  starts: { task: number; at: number }[];
  maxRunning: number;
  completed: number[];
}

function setup(
  lane: Lane,
  behave: (task: number, attempt: number) => TaskOutcome = () => ({ rateLimited: false }),
) {
  const clock = new FakeClock();
  const controller = new AbortController();
  const trace: Trace = { starts: [], maxRunning: 0, completed: [] };
  const attempts = new Map<number, number>();
  let running = 0;
  const pauses: number[] = [];
  const scheduler = new RateScheduler<number>({
    clock,
    signal: controller.signal,
    lane: () => lane,
    onPause: (_key, ms) => pauses.push(ms),
    run: async (task) => {
      const attempt = (attempts.get(task) ?? 0) + 1;
      attempts.set(task, attempt);
      trace.starts.push({ task, at: clock.now() });
      running += 1;
      trace.maxRunning = Math.max(trace.maxRunning, running);
      await clock.sleep(1_000, new AbortController().signal);
      running -= 1;
      const outcome = behave(task, attempt);
      if (!outcome.rateLimited) trace.completed.push(task);
      return outcome;
    },
  });
  return { clock, controller, trace, scheduler, pauses };
}

function maxInAnyMinute(times: number[]): number {
  let most = 0;
  for (const start of times)
    most = Math.max(most, times.filter((t) => t >= start && t < start + 60_000).length);
  return most;
}

describe('rate-limited scheduling (simulated clock)', () => {
  it('30 a minute and 4 at once: never more, and 100 cells take the three minutes that allows', async () => {
    const { clock, trace, scheduler } = setup({ perMinute: 30, concurrency: 4 });
    for (let i = 0; i < 100; i += 1) scheduler.add('confidential', i);
    await clock.run(scheduler.drain());
    expect(trace.completed).toHaveLength(100);
    expect(trace.maxRunning).toBe(4);
    expect(maxInAnyMinute(trace.starts.map((s) => s.at))).toBe(30);
    // 30 start in the first 8 s (4 at a time), then the window reopens each minute: the last 10 at 3:00.
    expect(clock.time).toBe(3 * 60_000 + 3_000);
    expect(laneDurationMs(100, { perMinute: 30, concurrency: 4 }, 1_000)).toBe(3 * 60_000 + 1_000);
  });

  it('lanes of different providers run side by side, each under its own limit', async () => {
    const { clock, trace, scheduler } = setup({ perMinute: 10, concurrency: 2 });
    for (let i = 0; i < 40; i += 1) scheduler.add(i % 2 === 0 ? 'a' : 'b', i);
    await clock.run(scheduler.drain());
    const of = (even: boolean) => trace.starts.filter((s) => (s.task % 2 === 0) === even).map((s) => s.at);
    expect(maxInAnyMinute(of(true))).toBe(10);
    expect(maxInAnyMinute(of(false))).toBe(10);
    expect(clock.time).toBe(60_000 + 5_000);
  });

  it('a 429 pauses the lane for Retry-After and runs the cell again; nothing fails', async () => {
    const { clock, trace, scheduler, pauses } = setup({ perMinute: 60, concurrency: 1 }, (task, attempt) =>
      task === 3 && attempt === 1 ? { rateLimited: true, retryAfterMs: 7_000 } : { rateLimited: false },
    );
    for (let i = 0; i < 6; i += 1) scheduler.add('p', i);
    await clock.run(scheduler.drain());
    expect(trace.completed.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pauses).toEqual([7_000]);
    const retry = trace.starts.filter((s) => s.task === 3);
    expect(retry).toHaveLength(2);
    // The lane waited: the retried cell went first after the pause, nothing started in between.
    expect(retry[1]?.at).toBe((retry[0]?.at ?? 0) + 1_000 + 7_000);
    expect(trace.starts.find((s) => s.task === 4)?.at).toBeGreaterThan(retry[1]?.at ?? 0);
  });

  it('repeated 429s without Retry-After back off exponentially', async () => {
    const { clock, scheduler, pauses } = setup({ perMinute: 60, concurrency: 1 }, (_task, attempt) =>
      attempt <= 3 ? { rateLimited: true, retryAfterMs: null } : { rateLimited: false },
    );
    scheduler.add('p', 0);
    await clock.run(scheduler.drain());
    expect(pauses).toEqual([2_000, 4_000, 8_000]);
  });

  it('two runs back to back share the provider limit: the second waits for the window', async () => {
    const clock = new FakeClock();
    const history = new Map<string, number[]>();
    const starts: number[] = [];
    const scheduler = () =>
      new RateScheduler<number>({
        clock,
        history,
        signal: new AbortController().signal,
        lane: () => ({ perMinute: 5, concurrency: 5 }),
        run: async () => {
          starts.push(clock.now());
          await clock.sleep(1_000, new AbortController().signal);
          return { rateLimited: false };
        },
      });
    const first = scheduler();
    const second = scheduler();
    for (let i = 0; i < 5; i += 1) first.add('p', i);
    for (let i = 0; i < 5; i += 1) second.add('p', i);
    await clock.run(first.drain().then(() => second.drain()));
    expect(maxInAnyMinute(starts)).toBe(5);
    expect(starts.slice(5)).toEqual([60_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('after an abort nothing new starts and drain ends once the running cells end', async () => {
    const { clock, controller, trace, scheduler } = setup({ perMinute: 2, concurrency: 2 });
    for (let i = 0; i < 10; i += 1) scheduler.add('p', i);
    const drained = scheduler.drain();
    const stopWhenTwoDone = (async () => {
      while (trace.completed.length < 2) await new Promise((r) => setImmediate(r));
      controller.abort();
    })();
    await clock.run(Promise.all([drained, stopWhenTwoDone]).then(() => undefined));
    expect(trace.starts).toHaveLength(2);
    expect(scheduler.pending).toBe(8);
  });
});
