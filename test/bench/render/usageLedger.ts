import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../../../main/db/database';
import { migrations } from '../../../main/db/migrations';
import { LEDGER_CACHE_DIR, ledgerCacheFile } from '../ledgerCache';

/**
 * The cached ledger of the current schema, else the newest one of an earlier schema (only its
 * `usage` rows are read, and migrations elsewhere do not change them), else one built now.
 */
async function cachedLedger(): Promise<string> {
  const exact = ledgerCacheFile();
  if (existsSync(exact)) return exact;
  const older = existsSync(LEDGER_CACHE_DIR)
    ? readdirSync(LEDGER_CACHE_DIR)
        .filter((f) => /^usage-1m-[0-9a-f]+\.sqlite$/.test(f))
        .map((f) => join(LEDGER_CACHE_DIR, f))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    : [];
  if (older[0]) return older[0];
  console.log(
    '  usage: no cached 1M-row ledger; building it with usage-dashboard.bench.ts (about a minute)…',
  );
  const dashboard = (await import('../usage-dashboard.bench')) as { run: () => Promise<unknown> };
  await dashboard.run();
  if (!existsSync(exact)) throw new Error(`usage-dashboard.bench.ts did not leave ${exact}`);
  return exact;
}

/**
 * Makes `dataDir` hold a fresh database (this schema) with the cached ledger's 1,000,000 rows,
 * moved in time so its two years end a minute ago: the usage screen's "30 days" follows the clock
 * and the cached rows end in January 2026. The rows go in with the rollup triggers paused and no
 * zone registered, so the app builds its own time zone's rollup on first use (as after an import).
 */
export async function ledgerDataDir(dataDir: string): Promise<{ source: string; copyMs: number }> {
  const source = await cachedLedger();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'llm-desk.sqlite');
  const started = performance.now();
  const { db } = openDatabase(file, migrations);
  try {
    const columns = (
      db.prepare("SELECT name FROM pragma_table_xinfo('usage') WHERE hidden = 0").all() as { name: string }[]
    ).map((c) => c.name);
    db.prepare('ATTACH DATABASE ? AS ledger').run(source);
    const { end } = db.prepare('SELECT max(at) AS end FROM ledger.usage').get() as { end: number };
    db.exec('BEGIN');
    db.exec('UPDATE usage_rollup_state SET paused = 1 WHERE id = 1');
    db.prepare(
      `INSERT INTO usage (${columns.join(', ')})
       SELECT ${columns.map((c) => (c === 'at' ? 'at + :shift' : c)).join(', ')} FROM ledger.usage ORDER BY at`,
    ).run({ shift: Date.now() - 60_000 - end });
    db.exec('UPDATE usage_rollup_state SET paused = 0 WHERE id = 1');
    db.exec('COMMIT');
    db.exec('DETACH DATABASE ledger');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    closeDatabase(file, db);
  }
  return { source, copyMs: performance.now() - started };
}
