import { Worker } from 'node:worker_threads';

export interface IntegrityResult {
  ok: boolean;
  /** False when the check could not run (no worker, file busy): that says nothing about damage. */
  ran: boolean;
  /** What `PRAGMA quick_check` (or opening the file) reported when it is not `ok`. */
  problems: string[];
}

// Runs in its own thread on its own read-only connection, so a check of a large history (seconds)
// never blocks the event loop. Inline source: no separate bundle to find at run time.
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let db;
try {
  db = new DatabaseSync(workerData.file, { readOnly: true });
  const rows = db.prepare('PRAGMA quick_check(' + workerData.limit + ')').all();
  const problems = rows.map((row) => String(Object.values(row)[0]));
  parentPort.postMessage({ ok: problems.length === 1 && problems[0] === 'ok', ran: true, problems: problems.filter((p) => p !== 'ok') });
} catch (error) {
  // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) are damage; anything else (busy, locked) is not a verdict.
  const code = error && typeof error.errcode === 'number' ? error.errcode & 0xff : -1;
  const damaged = code === 11 || code === 26;
  parentPort.postMessage({ ok: !damaged, ran: damaged, problems: [error && error.message ? error.message : String(error)] });
} finally {
  try { db && db.close(); } catch {}
}
`;

/**
 * `PRAGMA quick_check` of every page, off the main thread. The open-time check only reads the
 * header and schema; this one finds damage in a cleanly closed file whose bytes changed since.
 */
export function checkIntegrity(file: string, limit = 10): Promise<IntegrityResult> {
  return new Promise((resolve) => {
    const worker = new Worker(CHECK_SOURCE, { eval: true, workerData: { file, limit } });
    let settled = false;
    const settle = (result: IntegrityResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    worker.once('message', (message: IntegrityResult) => settle(message));
    // A worker that cannot run says nothing about the file: not damage.
    worker.once('error', (error) => settle({ ok: true, ran: false, problems: [error.message] }));
    worker.once('exit', () => settle({ ok: true, ran: false, problems: ['the check stopped early'] }));
  });
}
