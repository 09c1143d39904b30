import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ThreadsRepo } from './repo';

/** What this needs of `setTimeout` and friends, so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Yields to the event loop between slices. */
  setImmediate(fn: () => void): unknown;
}

const nodeTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setImmediate: (fn) => setImmediate(fn).unref(),
};

export interface FtsMaintenanceOptions {
  /** How long writes must pause before merging starts. */
  quietMs?: number;
  /** Index pages written per slice: about a millisecond of work each. */
  pagesPerSlice?: number;
  timers?: Timers;
  /**
   * The connection the start's look at the index goes through: the unguarded one, so an index
   * damaged while the app was closed is still found by a search or the background check (as
   * before this look), not reported by maintenance at start. Default: `db`.
   */
  startDb?: DatabaseSync;
}

/**
 * Merges the full-text index's segments while the user is not writing. FTS5 would otherwise
 * merge inside whichever write crosses its threshold, adding several milliseconds to that one
 * write; the migration turns that off (`automerge = 0`) and this does the same work in short
 * slices at quiet moments. Left alone for a long time, FTS5's crisis merge still bounds the
 * number of segments.
 */
export class FtsMaintenance {
  private readonly db: DatabaseSync;
  private readonly quietMs: number;
  private readonly timers: Timers;
  private readonly merge: StatementSync;
  private readonly changes: StatementSync;
  private readonly structure: StatementSync;
  /** The index's structure record when merging last finished (or at start): unchanged, nothing to do. */
  private settled: Uint8Array | null;
  private timer: unknown = null;
  private writesSinceStart = 0;
  private unsubscribe: (() => void) | null = null;
  private disposed = false;

  constructor(db: DatabaseSync, options: FtsMaintenanceOptions = {}) {
    this.db = db;
    this.quietMs = options.quietMs ?? 1_000;
    this.timers = options.timers ?? nodeTimers;
    this.merge = db.prepare(
      `INSERT INTO messages_fts (messages_fts, rank) VALUES ('merge', ${Math.max(1, Math.floor(options.pagesPerSlice ?? 32))})`,
    );
    this.changes = db.prepare('SELECT total_changes() AS n');
    // FTS5 keeps its segments' list in one record (id 10), rewritten whenever a write adds a
    // segment or a merge moves one. Merge work left at start waits for the index's next change:
    // a slice of a large index takes 100 ms to a second on main, which the first screen needs.
    const structure = 'SELECT block FROM messages_fts_data WHERE id = 10';
    this.structure = db.prepare(structure);
    try {
      this.settled = FtsMaintenance.blockOf((options.startDb ?? db).prepare(structure));
    } catch {
      this.settled = null; // unreadable: merging goes on as before, and meets the damage itself
    }
  }

  private static blockOf(statement: StatementSync): Uint8Array | null {
    return (statement.get() as { block: Uint8Array } | undefined)?.block ?? null;
  }

  private readStructure(): Uint8Array | null {
    return FtsMaintenance.blockOf(this.structure);
  }

  /** Whether the index has changed since merging last finished (or since start). */
  private indexChanged(): boolean {
    const now = this.readStructure();
    const settled = this.settled;
    if (now === null || settled === null) return true;
    return !Buffer.from(now).equals(Buffer.from(settled));
  }

  /** Follows the repository's writes; returns the unsubscribe. */
  watch(repo: ThreadsRepo): () => void {
    this.unsubscribe?.();
    const stop = repo.subscribe(() => this.noteWrite());
    this.unsubscribe = stop;
    return stop;
  }

  /** Call after a write that touched the index: merging waits for writes to pause. */
  noteWrite(): void {
    if (this.disposed) return;
    this.writesSinceStart++;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.writesSinceStart = 0;
      this.startMerging();
    }, this.quietMs);
  }

  /** One slice of merge work; false when there was nothing left to merge. */
  mergeSlice(): boolean {
    const before = (this.changes.get() as { n: number }).n;
    this.merge.run();
    // FTS5 reports merge work through the change counter: two or more means it did some.
    return (this.changes.get() as { n: number }).n - before >= 2;
  }

  /** Merges until done, without yielding (startup, tests and benchmarks). Returns slices run. */
  mergeAll(): number {
    let slices = 0;
    while (this.mergeSlice()) slices++;
    return slices;
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private startMerging(): void {
    if (this.disposed || !this.db.isOpen || !this.indexChanged()) return;
    this.continueMerging();
  }

  private continueMerging(): void {
    if (this.disposed || this.writesSinceStart > 0 || !this.db.isOpen) return;
    if (this.mergeSlice()) this.timers.setImmediate(() => this.continueMerging());
    else this.settled = this.readStructure();
  }
}
