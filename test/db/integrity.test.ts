import { readFileSync, readdirSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ThreadsRepo } from '../../main/threads/repo';
import { tempDir } from '../threads/support';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

describe('a damaged database', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });

  function setup() {
    const dir = tempDir();
    cleanup = dir.remove;
    return { dir: dir.dir, file: join(dir.dir, 'desk.sqlite') };
  }

  it('that is not a database at all is copied aside, the user is told, and a new one starts', () => {
    const { dir, file } = setup();
    writeFileSync(file, 'this is not sqlite, it is a shopping list');
    const { db, notices } = openDatabase(file, migrations, NOW);
    const aside = `${file}.damaged-2025-01-02T03-04-05-000Z`;
    expect(notices).toEqual([
      `Your database failed its integrity check. It was kept at ${aside} and a new, empty one was started.`,
    ]);
    expect(readFileSync(aside, 'utf8')).toBe('this is not sqlite, it is a shopping list');
    expect(new ThreadsRepo(db).list()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toContain(
      'desk.sqlite.damaged-2025-01-02T03-04-05-000Z',
    );
    db.close();
  });

  it('with corrupted pages is kept byte for byte, never silently replaced', () => {
    const { file } = setup();
    const first = openDatabase(file, migrations, NOW);
    const repo = new ThreadsRepo(first.db);
    const thread = repo.createThread();
    first.db.exec('BEGIN');
    for (let i = 0; i < 300; i++)
      repo.insertMessage({
        threadId: thread.id,
        parentId: null,
        role: 'user',
        content: `note ${i} `.repeat(50),
      });
    first.db.exec('COMMIT');
    first.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    first.db.close();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const garbage = Buffer.alloc(4096 * 4, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = readFileSync(file);

    const { db, notices } = openDatabase(file, migrations, NOW);
    expect(notices).toHaveLength(1);
    const aside = `${file}.damaged-2025-01-02T03-04-05-000Z`;
    expect(readFileSync(aside).equals(damaged)).toBe(true);
    // Moved, not copied: nothing of the damaged file is left under the live name.
    expect(readFileSync(file).equals(damaged)).toBe(false);
    expect(new ThreadsRepo(db).list()).toEqual([]);
    db.close();
  });

  it('a healthy database opens without a notice', () => {
    const { file } = setup();
    openDatabase(file, migrations, NOW).db.close();
    const { db, notices } = openDatabase(file, migrations, NOW);
    expect(notices).toEqual([]);
    db.close();
  });
});
