import type { Check, CheckId, CheckStatus } from './types';
import { EvidenceError } from './bytes';

/** Collects the transcript of one verification; every check is judged at the caller's `now`. */
export class Transcript {
  readonly checks: Check[] = [];
  private readonly at: string;

  constructor(now: Date) {
    this.at = now instanceof Date && !Number.isNaN(now.getTime()) ? now.toISOString() : 'invalid time';
  }

  add(id: CheckId, label: string, status: CheckStatus, reason: string): Check {
    const check: Check = { id, label, status, reason, at: this.at };
    this.checks.push(check);
    return check;
  }

  pass(id: CheckId, label: string, reason: string): boolean {
    this.add(id, label, 'pass', reason);
    return true;
  }

  fail(id: CheckId, label: string, reason: string): false {
    this.add(id, label, 'fail', reason);
    return false;
  }

  skip(id: CheckId, label: string, reason: string): false {
    this.add(id, label, 'skip', reason);
    return false;
  }

  warn(id: CheckId, label: string, reason: string): false {
    this.add(id, label, 'warn', reason);
    return false;
  }

  /** Runs `body`; anything it throws becomes a failed check with the error's message. */
  guard(id: CheckId, label: string, body: () => boolean): boolean {
    try {
      return body();
    } catch (error) {
      return this.fail(id, label, describe(error));
    }
  }

  passed(id: CheckId): boolean {
    return this.checks.some((c) => c.id === id && c.status === 'pass');
  }
}

export function describe(error: unknown): string {
  if (error instanceof EvidenceError) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return 'unexpected error';
}

/**
 * The last line of defence of an exported verifier: whatever escapes the checks (a bug, a hostile
 * value of the wrong type) becomes one failed check instead of an exception in the caller.
 */
export function boundary<T>(now: Date, verify: () => T, failed: (t: Transcript) => T): T {
  try {
    return verify();
  } catch (error) {
    const t = new Transcript(now);
    t.fail('verifier', 'Verifier', `the evidence could not be checked: ${describe(error)}`);
    return failed(t);
  }
}
