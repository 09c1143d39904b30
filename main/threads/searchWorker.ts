import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { createSearcher } from './searcher';
import type { SearchReply } from './searchProtocol';
import { isSearchRequest, isSearchWorkerData } from './searchProtocol';

/*
 * Runs full-text queries on its own read-only connection so a search over a million messages
 * never blocks main's event loop. WAL lets it read while main writes; each query sees the
 * latest committed data. When asked, it also checkpoints the WAL so main's writes never wait
 * for one.
 */
if (!parentPort || !isSearchWorkerData(workerData))
  throw new Error('searchWorker must run as a worker with { file }');
const port = parentPort;
const db = new DatabaseSync(workerData.file, { readOnly: true });
// A larger page cache keeps the index pages of frequent terms in memory between keystrokes.
db.exec('PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536');
const searcher = createSearcher(db);

if (workerData.checkpointEveryMs !== null) {
  // A PASSIVE checkpoint copies the log into the database without holding up main's writes.
  const writer = new DatabaseSync(workerData.file);
  writer.exec('PRAGMA busy_timeout = 0; PRAGMA synchronous = NORMAL');
  const checkpoint = writer.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  setInterval(() => {
    try {
      checkpoint.get();
    } catch {
      // Busy (main is checkpointing itself) or the file is going away: the next tick tries again.
    }
  }, workerData.checkpointEveryMs);
}

port.on('message', (request: unknown) => {
  if (!isSearchRequest(request)) return;
  let reply: SearchReply;
  try {
    reply = {
      id: request.id,
      hits: searcher.search(request.query, request.mode, request.limit, request.filter),
    };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
