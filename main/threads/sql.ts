import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { MetaCodec } from './rows';

/**
 * Prepared statements, compiled once per SQL text: the streaming path writes a message several
 * times a second and re-preparing would dominate those writes.
 */
export class Sql {
  readonly db: DatabaseSync;
  /** How messages' `meta` is stored and read back (see rows.ts); set once at start. */
  metaCodec: MetaCodec | null = null;
  private readonly cache = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  statement(sql: string): StatementSync {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  /** The row type is the caller's promise about the SELECT list; SQLite does not check it. */
  one<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.statement(sql).run(...params).changes);
  }

  /** Runs `fn` in a transaction, or inside the caller's when one is already open. */
  transaction<T>(fn: () => T): T {
    if (this.db.isTransaction) return fn();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
