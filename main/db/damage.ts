import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { AppFailure } from '../contract';

// SQLite's primary result codes (the low byte of an extended code).
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

const primaryCode = (error: unknown): number | null => {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
};

/** SQLITE_CORRUPT or SQLITE_NOTADB: the file's bytes are not what SQLite wrote. */
function isDamageError(error: unknown): boolean {
  const code = primaryCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

export interface DamageReport {
  /** Where the damaged file was copied (its WAL beside it as `<aside>-wal`, so the pair opens). */
  aside: string;
  /** What SQLite said, or what the integrity check found. */
  reason: string;
  at: number;
}

export const asideName = (file: string, at: number): string =>
  `${file}.damaged-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;

/**
 * Copies the database and its WAL to `aside` / `aside-wal`: SQLite reads a file's WAL by that
 * name, so the copy opens as the database looked, including what was not yet checkpointed.
 */
function copyPairAside(file: string, aside: string): void {
  copyFileSync(file, aside);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${aside}-wal`);
}

/** Moves the database and its WAL to `aside` / `aside-wal` (the shared-memory index is rebuilt). */
export function movePairAside(file: string, aside: string): void {
  if (existsSync(file)) renameSync(file, aside);
  if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${aside}-wal`);
  rmSync(`${file}-shm`, { force: true });
}

export const damageMessage = (report: DamageReport): string =>
  `Your database is damaged (${report.reason}). A copy of it as it was is kept at ${report.aside}. ` +
  'Nothing new is saved until you start a new database; you can save what can still be read first.';

// Short: the banner carries the whole story (what, where the copy is, what to do).
const unreadable = () =>
  new AppFailure(
    'database_damaged',
    'This could not be read: the database is damaged (see the notice at the top).',
  );
const unsaved = () =>
  new AppFailure(
    'database_damaged',
    'Not saved: the database is damaged, so nothing new is written (see the notice at the top).',
  );

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Watches one connection: any SQLITE_CORRUPT / SQLITE_NOTADB it raises, at any time, marks the
 * database damaged. Then the connection stops writing (`query_only`), the file and its WAL are
 * copied aside as a pair, and `onDamage` tells the user. Reads keep working where the pages allow,
 * so what can be read can still be saved.
 */
export class DatabaseGuard {
  readonly db: DatabaseSync;
  private report: DamageReport | null = null;
  private readonly wrappers = new WeakMap<object, Map<PropertyKey, AnyFunction>>();

  constructor(
    private readonly file: string,
    private readonly raw: DatabaseSync,
    private readonly onDamage: (report: DamageReport) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.db = this.wrap(raw);
  }

  get damage(): DamageReport | null {
    return this.report;
  }

  /** Marks the database damaged (once): stop writing first, then copy the pair, then tell. */
  markDamaged(reason: string): DamageReport {
    if (this.report) return this.report;
    const at = this.now();
    const report: DamageReport = { aside: asideName(this.file, at), reason, at };
    this.report = report;
    try {
      this.raw.exec('PRAGMA query_only = ON');
    } catch {
      // A connection too damaged to take a pragma writes nothing either.
    }
    if (this.file !== ':memory:' && existsSync(this.file)) {
      // An open read transaction keeps the WAL from being reset while it is copied.
      let reading = false;
      try {
        this.raw.exec('BEGIN');
        reading = true;
        this.raw.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
      } catch {
        // The copy is taken anyway: a damaged schema page is what we are keeping.
      }
      try {
        copyPairAside(this.file, report.aside);
      } finally {
        if (reading) this.raw.exec('COMMIT');
      }
    }
    this.onDamage(report);
    return report;
  }

  private failure(error: unknown): unknown {
    if (isDamageError(error)) {
      this.markDamaged(error instanceof Error ? error.message : String(error));
      return unreadable();
    }
    if (this.report && primaryCode(error) === SQLITE_READONLY) return unsaved();
    return error;
  }

  /** A proxy whose every method call is checked; native methods run on the real object. */
  private wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (object, property) => {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== 'function') return value;
        let cache = this.wrappers.get(object);
        if (!cache) this.wrappers.set(object, (cache = new Map()));
        let wrapper = cache.get(property);
        if (!wrapper) {
          const method = value as AnyFunction;
          wrapper = (...args: unknown[]) => {
            let result: unknown;
            try {
              result = method.apply(object, args);
            } catch (error) {
              throw this.failure(error);
            }
            // Statements (from prepare) and row iterators fail later, when stepped: watch them too.
            return typeof result === 'object' && result !== null && !Array.isArray(result) && isNative(result)
              ? this.wrap(result)
              : result;
          };
          cache.set(property, wrapper);
        }
        return wrapper;
      },
    });
  }
}

/** Statements and iterators (not plain row objects) are worth watching. */
function isNative(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null;
}

/** Written by "start a new database"; read by the next open, which swaps the files. */
export interface StartFresh {
  /** The damaged file's copy: the live pair moves beside it as `<aside>.last`. */
  aside: string;
  /** A saved readable copy to continue with, or null for an empty database. */
  replacement: string | null;
}

const startFreshMarker = (file: string) => `${file}.start-fresh`;

export function requestStartFresh(file: string, request: StartFresh): void {
  writeFileSync(startFreshMarker(file), JSON.stringify(request));
}

/**
 * Before opening: if the user chose to start a new database, the damaged pair moves aside
 * (nothing is deleted) and the saved readable copy, if any, takes its place.
 */
export function applyStartFresh(file: string): StartFresh | null {
  const marker = startFreshMarker(file);
  if (!existsSync(marker)) return null;
  const request = JSON.parse(readFileSync(marker, 'utf8')) as StartFresh;
  movePairAside(file, `${request.aside}.last`);
  if (request.replacement && existsSync(request.replacement)) {
    movePairAside(request.replacement, file);
  }
  rmSync(marker, { force: true });
  return request;
}
