/**
 * Runs `action` at most once per `intervalMs`: at once when the last run is long enough ago (so
 * the first token is not held back), otherwise once at the end of the interval. An action that
 * had nothing to do returns false and does not use up the interval.
 */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly action: () => boolean,
  ) {}

  request(): void {
    if (this.timer !== null) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.run();
      return;
    }
    this.timer = setTimeout(this.fire, wait);
  }

  /** Runs now if something is pending and forgets the timer. */
  flush(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.run();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly fire = (): void => {
    // libuv's millisecond clock can fire a timer a fraction early; the spacing is a promise.
    const wait = this.last + this.intervalMs - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(this.fire, wait);
      return;
    }
    this.timer = null;
    this.run();
  };

  private run(): void {
    // Stamped after the action, so the spacing holds between the pushes themselves.
    if (this.action()) this.last = performance.now();
  }
}
