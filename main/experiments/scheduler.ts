import type { PresetId } from '../contract';
import { defaultPerMinute } from '../contract/experiments';

/**
 * Runs an experiment's cells under each provider's rate limit: at most `perMinute` starts in any
 * sliding minute and `concurrency` at once per lane (one lane per provider). A task that comes
 * back rate-limited (429 after the chat engine's own retries) goes back to the front of its
 * lane, and the lane pauses for the provider's Retry-After or an exponential backoff: the run
 * slows down, it does not fail.
 */

export interface Lane {
  perMinute: number;
  concurrency: number;
}

/** What the confidential service documents (30 chat requests a minute); a cautious default elsewhere. */
export function laneFor(preset: PresetId): Lane {
  return { perMinute: defaultPerMinute(preset), concurrency: 4 };
}

export interface Clock {
  now(): number;
  /** Resolves after `ms` or when `signal` aborts, whichever is first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export type TaskOutcome = { rateLimited: false } | { rateLimited: true; retryAfterMs: number | null };

const WINDOW_MS = 60_000;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 60_000;

interface LaneState<T> {
  spec: Lane;
  queue: T[];
  starts: number[];
  running: number;
  pausedUntil: number;
  backoffs: number;
}

export interface SchedulerOptions<T> {
  clock: Clock;
  lane: (key: string) => Lane;
  run: (task: T) => Promise<TaskOutcome>;
  signal: AbortSignal;
  /** Called when a lane pauses after a 429, with how long. */
  onPause?: (laneKey: string, ms: number) => void;
  /**
   * Start times per lane shared across schedulers (runs), so two runs back to back or side by side
   * still keep each provider under its limit together.
   */
  history?: Map<string, number[]>;
}

export class RateScheduler<T> {
  private readonly lanes = new Map<string, LaneState<T>>();
  private wake: (() => void) | null = null;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: SchedulerOptions<T>) {}

  add(laneKey: string, task: T): void {
    let lane = this.lanes.get(laneKey);
    if (!lane) {
      const history = this.options.history;
      let starts = history?.get(laneKey);
      if (!starts) {
        starts = [];
        history?.set(laneKey, starts);
      }
      lane = {
        spec: this.options.lane(laneKey),
        queue: [],
        starts,
        running: 0,
        pausedUntil: 0,
        backoffs: 0,
      };
      this.lanes.set(laneKey, lane);
    }
    lane.queue.push(task);
  }

  get pending(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.queue.length;
    return n;
  }

  /** Starts what may start now; returns the earliest time something else may, or null. */
  private startReady(): number | null {
    const now = this.options.clock.now();
    let next: number | null = null;
    for (const [key, lane] of this.lanes) {
      while (lane.queue.length > 0 && lane.running < lane.spec.concurrency) {
        while (lane.starts.length > 0 && (lane.starts[0] ?? 0) <= now - WINDOW_MS) lane.starts.shift();
        const windowFree = lane.starts.length < lane.spec.perMinute;
        const at = Math.max(
          lane.pausedUntil,
          windowFree ? now : (lane.starts[lane.starts.length - lane.spec.perMinute] ?? now) + WINDOW_MS,
        );
        if (at > now) {
          next = next === null ? at : Math.min(next, at);
          break;
        }
        const task = lane.queue.shift() as T;
        lane.starts.push(now);
        lane.running += 1;
        this.launch(key, lane, task);
      }
    }
    return next;
  }

  private launch(key: string, lane: LaneState<T>, task: T): void {
    const done = this.options
      .run(task)
      .catch((): TaskOutcome => ({ rateLimited: false }))
      .then((outcome) => {
        lane.running -= 1;
        if (outcome.rateLimited && !this.options.signal.aborted) {
          lane.backoffs += 1;
          const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (lane.backoffs - 1));
          const wait = Math.max(outcome.retryAfterMs ?? 0, backoff);
          lane.pausedUntil = Math.max(lane.pausedUntil, this.options.clock.now() + wait);
          lane.queue.unshift(task);
          this.options.onPause?.(key, wait);
        } else if (!outcome.rateLimited) lane.backoffs = 0;
      })
      .finally(() => {
        this.running.delete(done);
        this.wake?.();
      });
    this.running.add(done);
  }

  /** Runs every queued task; after an abort, starts nothing new and waits for those running. */
  async drain(): Promise<void> {
    const { clock, signal } = this.options;
    for (;;) {
      const next = signal.aborted ? null : this.startReady();
      if (this.running.size === 0 && (next === null || signal.aborted)) return;
      const woken = new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      if (next === null) await woken;
      else {
        const timer = new AbortController();
        const onAbort = (): void => timer.abort();
        signal.addEventListener('abort', onAbort, { once: true });
        await Promise.race([woken, clock.sleep(next - clock.now(), timer.signal)]);
        timer.abort();
        signal.removeEventListener('abort', onAbort);
      }
      this.wake = null;
    }
  }
}

/**
 * How long `requests` take on one lane: the sliding window lets `perMinute` start at once, then
 * that many a minute; concurrency bounds it by latency too. The slower of the two wins.
 */
export function laneDurationMs(requests: number, lane: Lane, latencyMs: number): number {
  if (requests <= 0) return 0;
  const byRate = Math.floor((requests - 1) / lane.perMinute) * WINDOW_MS + latencyMs;
  const byConcurrency = Math.ceil(requests / lane.concurrency) * latencyMs;
  return Math.max(byRate, byConcurrency);
}
