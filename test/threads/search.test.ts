import { statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ThreadsRepo } from '../../main/threads/repo';
import { INLINE_CHECKPOINT_SAFETY_PAGES, SearchService } from '../../main/threads/search';
import { toMatchExpression } from '../../main/threads/searchQuery';
import { conversation, memoryRepo, sourceWorker, tempDir } from './support';

/** The highlighted words of a snippet (between the \u0001 and \u0002 markers). */
const highlighted = (snippet: string) =>
  snippet
    .split('\u0001')
    .slice(1)
    .map((part) => part.split('\u0002')[0]);

function searchable() {
  const { db, repo } = memoryRepo();
  return { db, repo, search: new SearchService({ db, file: ':memory:' }) };
}

describe('search query', () => {
  it('quotes every word, ANDs them and treats the word being typed as a prefix', () => {
    expect(toMatchExpression('rust ser')).toBe('"rust" "ser"*');
    expect(toMatchExpression('rust serde ')).toBe('"rust" "serde"');
    expect(toMatchExpression('a "quoted" NEAR(x) -not col:val')).toBe(
      '"a" """quoted""" "NEAR(x)" "-not" "col:val"*',
    );
    expect(toMatchExpression('bit x')).toBe('"bit" "x"');
    expect(toMatchExpression(' - * " ( ) ')).toBeNull();
    expect(toMatchExpression('')).toBeNull();
  });

  it('never produces an expression FTS5 rejects, whatever is typed', () => {
    const { search } = searchable();
    const odd = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom(
          '"',
          '-',
          '*',
          '(',
          ')',
          ':',
          '^',
          '+',
          'NEAR',
          'AND',
          'OR',
          'NOT',
          ' ',
          'a',
          'é',
          '日',
          '\u0000',
          '\u0001',
        ),
        maxLength: 30,
      }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    return fc.assert(
      fc.asyncProperty(odd, fc.constantFrom('newest' as const, 'relevance' as const), async (query, mode) => {
        await expect(search.search(query, mode, 5)).resolves.toBeInstanceOf(Array);
      }),
      { numRuns: 400 },
    );
  });
});

describe('search', () => {
  it('finds words across threads, newest first, with highlighted snippets and thread titles', async () => {
    const { repo, search } = searchable();
    const a = repo.createThread();
    conversation(repo, a.id, [
      'How do I configure the borrow checker?',
      'The borrow checker is not configurable.',
    ]);
    const b = repo.createThread();
    conversation(repo, b.id, ['Tell me about BORROWING money', 'Banks lend it.']);
    const hits = await search.search('borrow ');
    expect(hits.map((h) => h.threadTitle)).toEqual([
      'How do I configure the borrow checker?',
      'How do I configure the borrow checker?',
    ]);
    expect(hits[0]).toMatchObject({ threadId: a.id, role: 'assistant' });
    expect(highlighted(hits[0]!.snippet)).toEqual(['borrow']);
    const prefix = await search.search('borr');
    expect(prefix).toHaveLength(3);
    expect(highlighted(prefix[0]!.snippet)).toEqual(['BORROWING']);
  });

  it('matches without diacritics and in any case', async () => {
    const { repo, search } = searchable();
    const t = repo.createThread();
    conversation(repo, t.id, ['Crème brûlée at the Café', 'Voilà']);
    expect(await search.search('creme brulee ')).toHaveLength(1);
    expect(await search.search('CAFÉ')).toHaveLength(1);
  });

  it('stays in step with edits and deletes', async () => {
    const { repo, search } = searchable();
    const t = repo.createThread();
    const [q, a] = conversation(repo, t.id, ['apples and pears', 'bananas']);
    repo.editMessage(a!.id, 'cherries');
    expect(await search.search('bananas ')).toEqual([]);
    expect((await search.search('cherries ')).map((h) => h.messageId)).toEqual([a!.id]);
    repo.deleteMessage(q!.id);
    expect(await search.search('apples ')).toEqual([]);
    expect(await search.search('cherries ')).toEqual([]);
  });

  it('indexes a streamed answer once it stops streaming, whatever way it ends', async () => {
    const { db, repo, search } = searchable();
    const t = repo.createThread();
    const [q] = conversation(repo, t.id, ['question']);
    const answer = repo.insertMessage({
      threadId: t.id,
      parentId: q!.id,
      role: 'assistant',
      status: 'streaming',
    });
    repo.updateMessage(answer.id, { content: 'quantum entanglement', reasoning: 'thinking about physics' });
    expect(await search.search('quantum ')).toEqual([]);
    repo.updateMessage(answer.id, { content: 'quantum entanglement explained', status: 'complete' });
    expect(await search.search('explained ')).toHaveLength(1);
    expect(await search.search('physics ')).toHaveLength(1);

    const crashed = repo.insertMessage({
      threadId: t.id,
      parentId: q!.id,
      role: 'assistant',
      status: 'streaming',
      content: 'zebra',
    });
    expect(await search.search('zebra ')).toEqual([]);
    repo.recoverInterrupted();
    expect((await search.search('zebra ')).map((h) => h.messageId)).toEqual([crashed.id]);
    repo.deleteMessage(crashed.id);
    expect(await search.search('zebra ')).toEqual([]);
    const dropped = repo.insertMessage({
      threadId: t.id,
      parentId: q!.id,
      role: 'assistant',
      status: 'streaming',
      content: 'x',
    });
    repo.deleteMessage(dropped.id);
    expect(() =>
      db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)"),
    ).not.toThrow();
  });

  it('leaves out deleted threads until they are restored', async () => {
    const { repo, search } = searchable();
    const t = repo.createThread();
    conversation(repo, t.id, ['platypus']);
    repo.deleteThread(t.id);
    expect(await search.search('platypus')).toEqual([]);
    repo.restoreThread(t.id);
    expect(await search.search('platypus')).toHaveLength(1);
  });

  it('ranks by relevance when asked, newest first otherwise', async () => {
    const { repo, search } = searchable();
    const t = repo.createThread();
    const [dense] = conversation(repo, t.id, ['kernel kernel kernel panic in the kernel']);
    const thin = repo.insertMessage({
      threadId: t.id,
      parentId: dense!.id,
      role: 'assistant',
      content: `${'a long answer about many unrelated things '.repeat(20)} and one kernel`,
    });
    expect((await search.search('kernel ', 'newest')).map((h) => h.messageId)).toEqual([thin.id, dense!.id]);
    const ranked = await search.search('kernel ', 'relevance');
    expect(ranked.map((h) => h.messageId)).toEqual([dense!.id, thin.id]);
    expect(highlighted(ranked[0]!.snippet)).toContain('kernel');
    expect(await search.search('kernel ', 'newest', 1)).toHaveLength(1);
  });

  it('the FTS index matches the messages table after a random mix of writes', () => {
    const { db, repo } = memoryRepo();
    const t = repo.createThread();
    const words = ['red', 'green', 'blue', 'cyan'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(1000), fc.constantFrom(...words)), { maxLength: 40 }),
        (ops) => {
          for (const [op, pick, word] of ops) {
            const existing = repo.messages(t.id);
            const target = existing[pick % Math.max(1, existing.length)];
            if (op === 0 || !target)
              repo.insertMessage({
                threadId: t.id,
                parentId: null,
                role: 'user',
                content: word,
                status: pick % 2 ? 'streaming' : 'complete',
              });
            else if (op === 1) repo.updateMessage(target.id, { content: `${target.content} ${word}` });
            else if (op === 2)
              repo.updateMessage(target.id, {
                status: (['streaming', 'complete', 'error'] as const)[pick % 3],
              });
            else repo.deleteMessage(target.id);
          }
          db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 0)");
          for (const word of words) {
            const fts = db
              .prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?')
              .get(word);
            const table = db
              .prepare("SELECT count(*) AS n FROM messages WHERE status <> 'streaming' AND content LIKE ?")
              .get(`%${word}%`);
            expect(fts).toEqual(table);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('search off the main thread', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('runs in a worker against the database file and sees writes as they commit', async () => {
    const dir = tempDir();
    const file = join(dir.dir, 'desk.sqlite');
    const { db } = openDatabase(file, migrations);
    const repo = new ThreadsRepo(db);
    const search = new SearchService({ db, file, worker: sourceWorker });
    cleanup = async () => {
      await search.close();
      db.close();
      dir.remove();
    };
    expect(search.offThread).toBe(true);
    const t = repo.createThread();
    conversation(repo, t.id, ['the first walrus']);
    const [first, none] = await Promise.all([search.search('walrus'), search.search('unicorn')]);
    expect(first.map((h) => h.threadTitle)).toEqual(['the first walrus']);
    expect(none).toEqual([]);
    conversation(repo, t.id, ['a second walrus'], repo.getThread(t.id).activeLeafId);
    expect(await search.search('walrus', 'relevance')).toHaveLength(2);
    expect(await search.search('"NEAR -', 'newest')).toEqual([]);
  });

  it('checkpoints the WAL from the worker so main commits never do it inline', async () => {
    const dir = tempDir();
    const file = join(dir.dir, 'desk.sqlite');
    const { db } = openDatabase(file, migrations);
    const search = new SearchService({ db, file, worker: sourceWorker, walCheckpointEveryMs: 20 });
    cleanup = async () => {
      await search.close();
      db.close();
      dir.remove();
    };
    search.start();
    expect(db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({
      wal_autocheckpoint: INLINE_CHECKPOINT_SAFETY_PAGES,
    });
    const sizeBefore = statSync(file).size;
    const repo = new ThreadsRepo(db);
    const t = repo.createThread();
    conversation(
      repo,
      t.id,
      Array.from({ length: 300 }, (_, i) => `${'x'.repeat(2000)} ${i}`),
    );
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(sizeBefore + 300 * 2000), {
      timeout: 10_000,
      interval: 20,
    });
    expect(await search.search('x')).toEqual([]);
  });

  it('fails a search clearly when the worker cannot start', async () => {
    const dir = tempDir();
    const file = join(dir.dir, 'desk.sqlite');
    const { db } = openDatabase(file, migrations);
    const broken = new SearchService({
      db,
      file,
      worker: { url: new URL('./missing-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] },
    });
    cleanup = async () => {
      await broken.close();
      db.close();
      dir.remove();
    };
    await expect(broken.search('x')).rejects.toMatchObject({ error: { code: 'internal' } });
  });
});
