import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

/** One statement the code under test ran, with the positional parameters it ran with. */
export interface Executed {
  sql: string;
  params: SQLInputValue[];
}

/**
 * Wraps a database so that every statement run through it (all/get/run/iterate) is recorded. The
 * wrapped statements behave exactly as the real ones; only the SQL and parameters are noted.
 */
export function recordingDatabase(db: DatabaseSync): { db: DatabaseSync; executed: Executed[] } {
  const executed: Executed[] = [];
  const RUNS = new Set(['all', 'get', 'run', 'iterate']);
  const wrapStatement = (statement: StatementSync, sql: string): StatementSync =>
    new Proxy(statement, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (typeof key === 'string' && RUNS.has(key))
          return (...args: SQLInputValue[]) => {
            executed.push({ sql, params: args });
            return method.apply(target, args);
          };
        return method.bind(target);
      },
    });
  const wrapped = new Proxy(db, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key === 'prepare') return (sql: string) => wrapStatement(target.prepare(sql), sql);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { db: wrapped, executed };
}

/** One way a statement reads the raw `usage` table, as EXPLAIN QUERY PLAN words it. */
export interface RawRead {
  sql: string;
  params: SQLInputValue[];
  detail: string;
}

/** Every step of the executed statements' plans that reads the raw `usage` table (not a rollup). */
export function rawReads(db: DatabaseSync, executed: readonly Executed[]): RawRead[] {
  const reads: RawRead[] = [];
  for (const { sql, params } of executed) {
    if (!/^\s*SELECT/i.test(sql)) continue;
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    for (const { detail } of plan)
      if (/^(SCAN|SEARCH) usage\b/.test(detail)) reads.push({ sql, params, detail });
  }
  return reads;
}

const DAY_MS = 86_400_000;

/**
 * Why a raw read is not allowed in a rolled-up summary, or null when it is: only the partial local
 * days at a range's edges (usage_at over at most a day) and the small partial indexes (costs in
 * other currencies than USD, reported balances) may be read row by row.
 */
export function whyWide(read: RawRead): string | null {
  if (/USING (COVERING )?INDEX (usage_cost_currency|usage_balance)\b/.test(read.detail)) return null;
  // The edges of a range (rawWhere's first two parameters), through the time index: through the
  // thread index a project's or tag's edges cost a seek per thread (5,000 for a busy tag).
  if (/USING (COVERING )?INDEX usage_at \(at>\? AND at<\?\)/.test(read.detail)) {
    const [from, to] = read.params as number[];
    if (from !== undefined && to !== undefined && to - from <= DAY_MS) return null;
    return `reads ${((Number(to) - Number(from)) / DAY_MS).toFixed(1)} days of raw rows`;
  }
  return 'reads the raw table without a bounding index';
}

/** The raw reads of the executed statements that go beyond the edges, worded for a failure. */
export function wideRawReads(db: DatabaseSync, executed: readonly Executed[]): string[] {
  return rawReads(db, executed)
    .map((read) => ({ read, why: whyWide(read) }))
    .filter((r) => r.why !== null)
    .map((r) => `${r.why}: ${r.read.detail}\n  ${r.read.sql.replace(/\s+/g, ' ')}`);
}
