import { afterEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../main/threads/search';
import { conversation, memoryRepo, sourceWorker, tempDir } from '../threads/support';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ThreadsRepo } from '../../main/threads/repo';
import type { DatabaseSync } from 'node:sqlite';

/** Three threads saying the same word: one in project p1 tagged #eval, one tagged #eval, one plain. */
function filed(db: DatabaseSync, repo: ThreadsRepo) {
  const ids: string[] = [];
  for (const title of ['in-project', 'tagged', 'plain']) {
    const thread = repo.createThread();
    conversation(repo, thread.id, [`budget question from ${title}`, 'an answer']);
    ids.push(thread.id);
  }
  db.prepare(`INSERT INTO projects (id, name, created_at) VALUES ('p1', 'Evals', 0)`).run();
  db.prepare('UPDATE threads SET project_id = ? WHERE id = ?').run('p1', ids[0]!);
  for (const id of ids.slice(0, 2))
    db.prepare('INSERT INTO thread_tags (thread_id, tag) VALUES (?, ?)').run(id, 'eval');
  return ids;
}

let cleanup: (() => Promise<void> | void) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('the search palette’s project and tag filters', () => {
  it('find only messages of threads in the project, with the tag, or both, in either order of hits', async () => {
    const { db, repo } = memoryRepo();
    const [inProject, tagged, plain] = filed(db, repo);
    const search = new SearchService({ db, file: ':memory:' });
    const threads = async (filter: { projectId?: string; tag?: string }, mode: 'newest' | 'relevance') =>
      [...new Set((await search.search('budget', mode, 20, filter)).map((h) => h.threadId))].sort();
    for (const mode of ['newest', 'relevance'] as const) {
      expect(await threads({}, mode)).toEqual([inProject, tagged, plain].sort());
      expect(await threads({ projectId: 'p1' }, mode)).toEqual([inProject]);
      expect(await threads({ tag: 'eval' }, mode)).toEqual([inProject, tagged].sort());
      expect(await threads({ projectId: 'p1', tag: 'eval' }, mode)).toEqual([inProject]);
      expect(await threads({ tag: 'nothing' }, mode)).toEqual([]);
    }
  });

  it('apply in the search worker too', async () => {
    const { dir, remove } = tempDir();
    const file = `${dir}/app.db`;
    const { db } = openDatabase(file, migrations);
    const repo = new ThreadsRepo(db, () => Date.now());
    const [inProject] = filed(db, repo);
    const search = new SearchService({ db, file, worker: sourceWorker });
    cleanup = async () => {
      await search.close();
      db.close();
      remove();
    };
    const hits = await search.search('budget', 'newest', 20, { projectId: 'p1' });
    expect(hits.map((h) => h.threadId)).toEqual([inProject]);
  }, 60_000);
});
