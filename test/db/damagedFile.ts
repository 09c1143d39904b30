import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { closeDatabase, openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ThreadsRepo } from '../../main/threads/repo';

/** A database with one long thread, closed cleanly (no open marker: the open-time check is light). */
export function cleanlyClosedHistory(file: string, now = Date.now()): string {
  const { db } = openDatabase(file, migrations, now);
  const repo = new ThreadsRepo(db);
  const thread = repo.createThread();
  db.exec('BEGIN');
  for (let i = 0; i < 400; i++)
    repo.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'user',
      content: `note ${i} `.repeat(60),
    });
  db.exec('COMMIT');
  closeDatabase(file, db);
  return thread.id;
}

/**
 * Overwrites 16 KiB amid the history (from the middle page of `messages` on), as a failing disk or
 * another program might. Not the file's middle: where that falls depends on the schema's size (the
 * usage triggers' SQL of migration 018 moved it onto schema text the checks had already read).
 */
export function flipBytes(file: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'messages' ORDER BY pageno").all() as {
    pageno: number;
  }[];
  db.close();
  const middle = pages[Math.floor(pages.length / 2)]?.pageno;
  const size = statSync(file).size;
  const at = middle !== undefined ? (middle - 1) * pageSize : Math.floor(size / 2 / pageSize) * pageSize;
  const fd = openSync(file, 'r+');
  const garbage = Buffer.alloc(4096 * 4, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, at);
  closeSync(fd);
}

/** Overwrites the first page of one table or index, so every read of it fails, and only of it. */
export function breakTable(file: string, name: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  const row = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(name) as
    { rootpage: number } | undefined;
  db.close();
  if (!row) throw new Error(`no table ${name}`);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (row.rootpage - 1) * pageSize);
  closeSync(fd);
}
