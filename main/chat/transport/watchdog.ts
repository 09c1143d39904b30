import type { TimeoutKind } from '../assembly/failures';

/**
 * One timer for the whole exchange: re-arming only moves a deadline, so a stream of a hundred
 * thousand chunks does not create a hundred thousand timers.
 */
export class Watchdog {
  private deadline = 0;
  private kind: TimeoutKind = 'connect';
  private limit = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = 0;
  private stopped = false;

  constructor(private readonly onExpire: (kind: TimeoutKind, limitMs: number) => void) {}

  arm(ms: number, kind: TimeoutKind): void {
    if (this.stopped) return;
    const now = performance.now();
    this.deadline = now + ms;
    this.kind = kind;
    this.limit = ms;
    if (this.timer !== null && this.timerAt <= this.deadline) return;
    // No timer yet, or a shorter limit than the one pending (first byte after connect).
    if (this.timer !== null) clearTimeout(this.timer);
    this.schedule(ms, now);
  }

  private schedule(ms: number, now: number): void {
    this.timerAt = now + ms;
    this.timer = setTimeout(this.check, ms);
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly check = (): void => {
    this.timer = null;
    if (this.stopped) return;
    const now = performance.now();
    const left = this.deadline - now;
    if (left > 0) {
      this.schedule(left, now);
      return;
    }
    this.stopped = true;
    this.onExpire(this.kind, this.limit);
  };
}
