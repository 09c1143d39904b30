import type { AttestationLevel, CheckStatus, TranscriptCheck } from '../contract/attestation';

/** Builds transcript lines that all carry the same judging time and level. */
export class CheckList {
  readonly checks: TranscriptCheck[] = [];
  constructor(
    private readonly now: Date,
    private readonly level: AttestationLevel,
  ) {}

  add(id: string, label: string, status: CheckStatus, reason: string): boolean {
    this.checks.push({ id, label, status, reason, at: this.now.toISOString(), level: this.level });
    return status === 'pass';
  }
  pass(id: string, label: string, reason: string): true {
    this.add(id, label, 'pass', reason);
    return true;
  }
  fail(id: string, label: string, reason: string): false {
    this.add(id, label, 'fail', reason);
    return false;
  }
  skip(id: string, label: string, reason: string): false {
    this.add(id, label, 'skip', reason);
    return false;
  }
  get ok(): boolean {
    return this.checks.every((c) => c.status === 'pass' || c.status === 'skip');
  }
}
