import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseStatus } from '../../main/contract';
import { AppFailure } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { DatabaseHealth } from '../../main/db/health';
import { migrations } from '../../main/db/migrations';
import { ThreadsRepo } from '../../main/threads/repo';
import { tempDir } from '../threads/support';
import { cleanlyClosedHistory, flipBytes } from './damagedFile';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
const ASIDE_SUFFIX = '.damaged-2025-01-02T03-04-05-000Z';

function open(file: string) {
  const opened = openDatabase(file, migrations, NOW);
  const told: DatabaseStatus[] = [];
  const health = new DatabaseHealth({
    file,
    raw: opened.db,
    migrations,
    onDamage: (status) => told.push(status),
    restart: () => true,
    now: () => NOW,
  });
  return { opened, health, told, repo: new ThreadsRepo(health.db) };
}

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppFailure ? error.error.code : String(error);
  }
};

describe('bytes damaged in a cleanly closed database', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
  });
  function setup() {
    const dir = tempDir();
    cleanup = dir.remove;
    return join(dir.dir, 'desk.sqlite');
  }

  it('are found by the background check: the pair is copied aside, writing stops, the user is told', async () => {
    const file = setup();
    cleanlyClosedHistory(file, NOW);
    flipBytes(file);
    const { opened, health, told, repo } = open(file);
    // The open itself stays light (header and schema), so the damage is not seen yet.
    expect(opened.notices).toEqual([]);
    expect(health.status().state).toBe('unchecked');

    const status = await health.check();
    expect(status.state).toBe('damaged');
    expect(status.aside).toBe(`${file}${ASIDE_SUFFIX}`);
    expect(status.message).toContain('Nothing new is saved');
    expect(told).toEqual([status]);
    const before = readFileSync(file);
    expect(readFileSync(`${file}${ASIDE_SUFFIX}`).equals(before)).toBe(true);

    // Writing has stopped: a new thread is refused with a code the UI explains, the file is untouched.
    expect(codeOf(() => repo.createThread())).toBe('database_damaged');
    expect(readFileSync(file).equals(before)).toBe(true);
    opened.db.close();
  });

  it('are treated as damage the moment a read meets them, and the copy opens with what was in the WAL', () => {
    const file = setup();
    const threadId = cleanlyClosedHistory(file, NOW);
    flipBytes(file);
    const { opened, health, told, repo } = open(file);
    // A write that lands only in the WAL before the damage is met: the copy must keep it.
    const late = repo.createThread();
    expect(existsSync(`${file}-wal`)).toBe(true);

    expect(codeOf(() => repo.messages(threadId))).toBe('database_damaged');
    expect(told).toHaveLength(1);
    expect(health.status().state).toBe('damaged');
    expect(codeOf(() => repo.createThread())).toBe('database_damaged');

    const aside = `${file}${ASIDE_SUFFIX}`;
    expect(existsSync(`${aside}-wal`)).toBe(true);
    const copy = new DatabaseSync(aside, { readOnly: true });
    const ids = copy.prepare('SELECT id FROM threads').all() as { id: string }[];
    expect(ids.map((t) => t.id)).toContain(late.id);
    copy.close();
    opened.db.close();
  });

  it('can be saved as far as it reads, and the next start continues on that copy', async () => {
    const file = setup();
    const threadId = cleanlyClosedHistory(file, NOW);
    flipBytes(file);
    const { opened, health } = open(file);
    await health.check();
    const saved = health.saveReadable();
    expect(saved.tables.find((t) => t.name === 'threads')).toMatchObject({ rows: 1 });
    expect(await health.startFresh('readable')).toEqual({ restarting: true });
    opened.db.close();

    const next = open(file);
    expect(next.repo.list().map((t) => t.id)).toEqual([threadId]);
    expect(await next.health.check()).toMatchObject({ state: 'ok' });
    // Nothing was deleted: the damaged pair as it was when the user chose is kept beside the copy.
    expect(existsSync(`${file}${ASIDE_SUFFIX}.last`)).toBe(true);
    next.opened.db.close();
  });

  it('a healthy database checks ok and keeps writing', async () => {
    const file = setup();
    cleanlyClosedHistory(file, NOW);
    const { opened, health, told, repo } = open(file);
    expect(await health.check()).toMatchObject({ state: 'ok', aside: null });
    const made = repo.createThread();
    expect(repo.list().map((t) => t.id)).toContain(made.id);
    expect(told).toEqual([]);
    opened.db.close();
  });
});
