// Writes the startup bench's database: `--messages` stored messages (1,000,000 by default) in
// threads of 20 to 1,800, with the schema of the tree at `--root` (the build being measured may be
// older than this one: its own migrations make the file, and a newer build migrates it forward
// when it opens it). The newest thread is the longest-lived one, so the app opens it at start.
//   node --import tsx test/bench/startup/corpus.ts --root <tree> --out <file> [--messages N]
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatabaseSync } from 'node:sqlite';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
};
const root = arg('root') ?? process.cwd();
const out = arg('out');
const total = Number(arg('messages') ?? 1_000_000);
if (!out) throw new Error('--out <file> is required');

const { openDatabase, closeDatabase } = (await import(
  pathToFileURL(join(root, 'main/db/database.ts')).href
)) as {
  openDatabase: (file: string, migrations: unknown) => { db: DatabaseSync };
  closeDatabase: (file: string, db: DatabaseSync) => void;
};
const { migrations } = (await import(pathToFileURL(join(root, 'main/db/migrations/index.ts')).href)) as {
  migrations: unknown;
};

const WORDS =
  'the model answers with code and a table, then explains the latency budget of each stream in plain words'.split(
    ' ',
  );
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const text = (words: number) =>
  Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');

for (const suffix of ['', '-wal', '-shm']) rmSync(out + suffix, { force: true });
const { db } = openDatabase(out, migrations);
db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF');
const trigger = db
  .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_fts_insert'")
  .get() as { sql: string } | undefined;
// One index rebuild at the end costs a third of indexing row by row through the trigger.
if (trigger) db.exec('DROP TRIGGER messages_fts_insert');
const insertThread = db.prepare(
  'INSERT INTO threads (id, title, provider_id, model, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?)',
);
const insertMessage = db.prepare(`INSERT INTO messages
  (id, thread_id, parent_id, role, content, status, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, 'complete', ?, ?)`);
const finish = db.prepare('UPDATE threads SET active_leaf_id = ?, last_activity_at = ? WHERE id = ?');
const start = Date.now() - 365 * 86_400_000;
const step = (365 * 86_400_000) / total;
let written = 0;
db.exec('BEGIN');
while (written < total) {
  const id = randomUUID();
  const length = Math.min(total - written, 2 * Math.floor(10 + random() * random() * 900));
  const at = Math.floor(start + written * step);
  insertThread.run(id, text(5), null, null, at, at);
  let parent: string | null = null;
  for (let i = 0; i < length; i++) {
    const messageId = randomUUID();
    const when = Math.floor(start + written * step);
    insertMessage.run(
      messageId,
      id,
      parent,
      i % 2 === 0 ? 'user' : 'assistant',
      text(i % 2 === 0 ? 12 : 90),
      when,
      when,
    );
    parent = messageId;
    if (++written % 50_000 === 0) db.exec('COMMIT; BEGIN');
  }
  // The last thread is the newest by an hour, so it is the one the app opens at start.
  finish.run(parent, written >= total ? Date.now() + 3_600_000 : Math.floor(start + written * step), id);
}
db.exec('COMMIT');
if (trigger) {
  db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')");
  db.exec(trigger.sql);
}
db.exec('PRAGMA journal_mode = WAL');
// Closed as the app closes it, so the next start does not take it for a crashed run.
closeDatabase(out, db);
console.log(`  startup corpus: ${total.toLocaleString('en')} messages in ${out}`);
