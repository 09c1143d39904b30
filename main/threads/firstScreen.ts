/**
 * When the window has shown its first thread: the first `threads:get` answered, or `fallbackMs`
 * after start when none comes (nothing to open). Start-up work the first screen does not need
 * (the tokenizer's second of parsing on main, the full integrity check's pass over every page)
 * waits for it, so it never holds up the first screen's requests.
 */
export class FirstScreen {
  /** Resolves once the first thread was answered (in the task after the answer went out). */
  readonly shown: Promise<void>;
  private open: () => void = () => {};
  private opened = false;
  private readonly fallback: ReturnType<typeof setTimeout>;

  constructor(fallbackMs = 10_000) {
    this.shown = new Promise<void>((resolve) => {
      this.open = () => {
        if (this.opened) return;
        this.opened = true;
        clearTimeout(this.fallback);
        // After the answer is on its way: the caller's reply is sent in this task.
        setTimeout(resolve, 0);
      };
    });
    this.fallback = setTimeout(() => this.open(), fallbackMs);
    this.fallback.unref();
  }

  /** `threads:get`, opening the gate with its first answer (or failure). */
  watch<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
    return (...args) => {
      try {
        return handler(...args);
      } finally {
        this.open();
      }
    };
  }

  /** Resolves `ms` after the first screen was shown. */
  after(ms: number): Promise<void> {
    return this.shown.then(() => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  }

  dispose(): void {
    clearTimeout(this.fallback);
  }
}
