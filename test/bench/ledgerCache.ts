import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';

// Where usage-dashboard.bench.ts caches its 1,000,000-row ledger (about a minute to build) and
// where the render bench's usage screen finds it.
export const LEDGER_CACHE_DIR = join(tmpdir(), 'llm-desk-bench');
export const LEDGER_ROWS = 1_000_000;
/** Bumped when the generated rows change (2: threads in projects, with tags), so an old cache is not mistaken for the new one. */
const DATA_VERSION = 2;

/** The cache file of the current schema (as SQLite stores it): every migration gives a new one. */
export function ledgerCacheFile(): string {
  const { db } = openDatabase(':memory:', migrations);
  const sql = (
    db.prepare('SELECT group_concat(sql, char(10)) AS s FROM sqlite_master').get() as { s: string }
  ).s;
  db.close();
  const key = createHash('sha256')
    .update(`${sql}\n${DATA_VERSION}\n${LEDGER_ROWS}`)
    .digest('hex')
    .slice(0, 12);
  return join(LEDGER_CACHE_DIR, `usage-1m-${key}.sqlite`);
}
