import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function database(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db, migrations);
  db.exec(`INSERT INTO attachment_blobs (sha256, mime, size, data, created_at) VALUES
             ('${A}', 'image/png', 1, x'00', 1), ('${B}', 'text/plain', 1, x'00', 1);
           INSERT INTO threads (id, title, created_at, last_activity_at) VALUES ('t', 'T', 1, 1), ('u', 'U', 1, 1);`);
  return db;
}

const add = (db: DatabaseSync, id: string, thread: string, shas: string[]) =>
  db
    .prepare(
      `INSERT INTO messages (id, thread_id, parent_id, role, content, status, attachments_json, created_at, updated_at)
       VALUES (?, ?, NULL, 'user', '', 'complete', ?, 1, 1)`,
    )
    .run(id, thread, JSON.stringify(shas.map((sha256) => ({ sha256 }))));

const blobs = (db: DatabaseSync) =>
  (db.prepare('SELECT sha256 FROM attachment_blobs ORDER BY sha256').all() as { sha256: string }[]).map((r) =>
    r.sha256.slice(0, 1),
  );

describe('007-attachments: a blob lives while a message uses it', () => {
  it('keeps a blob two messages share until both are gone, also when a thread is deleted', () => {
    const db = database();
    add(db, 'm1', 't', [A]);
    add(db, 'm2', 'u', [A, B]);
    db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
    expect(blobs(db)).toEqual(['a', 'b']);
    db.prepare("DELETE FROM threads WHERE id = 'u'").run();
    expect(blobs(db)).toEqual([]);
  });

  it('refuses a message naming a blob that is not stored', () => {
    const db = database();
    expect(() => add(db, 'm3', 't', ['c'.repeat(64)])).toThrow(/FOREIGN KEY/);
  });
});
