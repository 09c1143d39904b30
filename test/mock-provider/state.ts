import type { ClientClosedEvent, OAuthBehaviour, RecordedRequest, ScriptStep } from './types';
import { DEFAULT_REQUEST_LIMIT_BYTES } from './contentParts';

export interface StateOptions {
  chunkDelayMs: number;
  initialCredits: number;
  accessTokenTtlSec: number;
}

type Waiter = (event: ClientClosedEvent | null) => void;

const defaultOAuth = (accessTokenTtlSec: number): OAuthBehaviour => ({
  deny: false,
  grantScopes: null,
  accessTokenTtlSec,
  offlineAccessNeedsConsent: false,
  resource: null,
  clientGeneration: 0,
});

/** All mutable state of one mock instance, shared by the route handlers. */
export class MockState {
  readonly requests: RecordedRequest[] = [];
  readonly revokedJtis = new Set<string>();
  /** Cancels pending waits (slow first byte, chunk delays, hangs) when the server closes. */
  readonly shutdown = new AbortController();
  oauth: OAuthBehaviour;
  /** Bodies past this many bytes get a 413 (contentParts.ts). */
  requestLimitBytes = DEFAULT_REQUEST_LIMIT_BYTES;
  private steps: ScriptStep[] = [];
  private credits = new Map<string, number>();
  private closeEvents: ClientClosedEvent[] = [];
  private waiters: Waiter[] = [];
  /** Galadriel rate-limit window: one entry per completion in the last minute. */
  private galadrielWindow: { time: number; tokens: number }[] = [];

  constructor(readonly options: StateOptions) {
    this.oauth = defaultOAuth(options.accessTokenTtlSec);
  }

  get chunkDelayMs(): number {
    return this.options.chunkDelayMs;
  }

  script(steps: readonly ScriptStep[]): void {
    this.steps.push(...steps);
  }

  nextStep(): ScriptStep | undefined {
    return this.steps.shift();
  }

  pendingSteps(): number {
    return this.steps.length;
  }

  balance(subject: string): number {
    return this.credits.get(subject) ?? this.options.initialCredits;
  }

  setCredits(subject: string, credits: number): void {
    this.credits.set(subject, credits);
  }

  /** Returns what is left; the balance never goes below zero. */
  charge(subject: string, amount: number): number {
    const left = Math.max(0, this.balance(subject) - amount);
    this.credits.set(subject, left);
    return left;
  }

  /** Requests and tokens used in the last minute, this completion included. */
  recordGaladriel(tokens: number): { requests: number; tokens: number } {
    const now = Date.now();
    this.galadrielWindow = this.galadrielWindow.filter((e) => now - e.time < 60_000);
    this.galadrielWindow.push({ time: now, tokens });
    return {
      requests: this.galadrielWindow.length,
      tokens: this.galadrielWindow.reduce((s, e) => s + e.tokens, 0),
    };
  }

  pushClientClosed(event: ClientClosedEvent): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(event);
    else this.closeEvents.push(event);
  }

  /** `null` when `timeoutMs` passes first. */
  nextClientClosed(timeoutMs?: number): Promise<ClientClosedEvent | null> {
    const queued = this.closeEvents.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const waiter: Waiter = (event) => {
        clearTimeout(timer);
        resolve(event);
      };
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.waiters = this.waiters.filter((w) => w !== waiter);
              resolve(null);
            }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** On shutdown nobody will disconnect any more; let waiters go. */
  releaseWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter(null);
  }

  reset(): void {
    this.requestLimitBytes = DEFAULT_REQUEST_LIMIT_BYTES;
    this.requests.length = 0;
    this.revokedJtis.clear();
    this.steps = [];
    this.credits.clear();
    this.closeEvents = [];
    this.galadrielWindow = [];
    this.oauth = defaultOAuth(this.options.accessTokenTtlSec);
  }
}
