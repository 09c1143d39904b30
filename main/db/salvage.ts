import type { DatabaseSync } from 'node:sqlite';
import { closeDatabase, openDatabase, type Migration } from './database';

export interface SalvagedTable {
  name: string;
  rows: number;
  /** False when a damaged page stopped the copy part way: the rows before it are kept. */
  complete: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function columnsOf(db: DatabaseSync, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
}

/** Plain tables of the current schema; FTS indexes and their shadow tables are rebuilt by triggers. */
function plainTables(db: DatabaseSync): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

/**
 * Copies every row that can still be read from a damaged connection into a new database with the
 * current schema, table by table; a table stops at its first unreadable page. Nothing is written
 * to the damaged file.
 */
export function saveReadable(
  source: DatabaseSync,
  target: string,
  migrations: readonly Migration[],
): SalvagedTable[] {
  const { db } = openDatabase(target, migrations);
  const saved: SalvagedTable[] = [];
  try {
    db.exec('PRAGMA foreign_keys = OFF');
    for (const table of plainTables(db)) {
      let columns: string[];
      try {
        const wanted = new Set(columnsOf(db, table));
        columns = columnsOf(source, table).filter((c) => wanted.has(c));
      } catch {
        saved.push({ name: table, rows: 0, complete: false });
        continue;
      }
      if (columns.length === 0) continue;
      const list = columns.map(quote).join(', ');
      const insert = db.prepare(
        `INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      let rows = 0;
      let complete = true;
      db.exec('BEGIN');
      try {
        const read = source.prepare(`SELECT ${list} FROM ${quote(table)}`);
        read.setReturnArrays(true);
        for (const row of read.iterate()) {
          insert.run(...(row as unknown as (string | number | bigint | null | Uint8Array)[]));
          rows++;
        }
      } catch {
        complete = false;
      }
      db.exec('COMMIT');
      saved.push({ name: table, rows, complete });
    }
    db.exec('PRAGMA foreign_keys = ON');
  } finally {
    closeDatabase(target, db);
  }
  return saved;
}
