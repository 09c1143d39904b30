import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { applyStartFresh, asideName, movePairAside } from './damage';

export interface Migration {
  /** Strictly increasing; never renumber a migration that has shipped. */
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Things the user must be told, e.g. that a damaged database was copied aside. */
  notices: string[];
  /** Where a database that failed its open-time check was moved (with its WAL beside it). */
  movedAside: string | null;
}

/** Runs `fn` in a transaction; rolls back and rethrows on failure. */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function configure(db: DatabaseSync): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
}

/** Present while the database is open; left behind by a crash or a kill. */
const openMarker = (file: string) => `${file}.open`;

/**
 * Every open reads the header and schema (cheap, catches a file that is not a database); the full
 * page-by-page `quick_check` (seconds on a large history) runs here only after an unclean shutdown.
 * After a clean one it runs in the background once the window is up (see integrity.ts).
 */
function passesIntegrityCheck(file: string, thorough: boolean): boolean {
  let probe: DatabaseSync | undefined;
  try {
    probe = new DatabaseSync(file);
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (!thorough) return true;
    const row = probe.prepare('PRAGMA quick_check').get() as { quick_check?: string } | undefined;
    return row?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    probe?.close();
  }
}

export function appliedMigrations(db: DatabaseSync): { version: number; name: string }[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
}

/** Applies every migration newer than the database, each in its own transaction. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): string[] {
  const done = new Set(appliedMigrations(db).map((m) => m.version));
  const ran: string[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    if (done.has(migration.version)) continue;
    transaction(db, () => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    });
    ran.push(migration.name);
  }
  return ran;
}

/**
 * Opens (or creates) the database, migrating it. A file that fails its integrity check is
 * copied aside and the user is told; it is never silently replaced.
 */
export function openDatabase(
  file: string,
  migrations: readonly Migration[],
  now = Date.now(),
): OpenedDatabase {
  const notices: string[] = [];
  const onDisk = file !== ':memory:';
  let movedAside: string | null = null;
  // The user chose a new database after damage: the damaged pair moves aside before opening.
  if (onDisk) applyStartFresh(file);
  if (onDisk && existsSync(file) && !passesIntegrityCheck(file, existsSync(openMarker(file)))) {
    // Moved, not copied: the file and its WAL stay together as a pair that opens as it was.
    movedAside = asideName(file, now);
    movePairAside(file, movedAside);
    notices.push(
      `Your database failed its integrity check. It was kept at ${movedAside} and a new, empty one was started.`,
    );
  }
  const db = new DatabaseSync(file);
  configure(db);
  migrate(db, migrations);
  if (onDisk) writeFileSync(openMarker(file), String(now));
  return { db, notices, movedAside };
}

/** A clean close: the next start can skip the full integrity check. */
export function closeDatabase(file: string, db: DatabaseSync): void {
  db.close();
  if (file !== ':memory:') rmSync(openMarker(file), { force: true });
}
