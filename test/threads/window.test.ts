import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message, ThreadDetail } from '../../main/contract';
import { THREAD_WINDOW } from '../../main/contract';
import type { ThreadsRepo } from '../../main/threads/repo';
import { conversation, memoryRepo, randomTree } from './support';

const ids = (messages: readonly { id: string }[]) => messages.map((m) => m.id);

/** The active-branch messages of a window (the others are siblings, for the switchers). */
function onPath(detail: ThreadDetail, path: readonly Message[]): Message[] {
  const wanted = new Set(ids(path));
  return detail.messages.filter((m) => wanted.has(m.id));
}

/** Opens a thread and pages back to its first message the way the message list does. */
function pageBack(repo: ThreadsRepo, threadId: string, limit?: number): ThreadDetail[] {
  const pages = [repo.detail(threadId, limit === undefined ? {} : { limit })];
  const path = repo.activePath(threadId);
  for (let page = pages[0]; page?.earlier; page = pages.at(-1)) {
    const first = onPath(page, path)[0];
    if (!first) throw new Error('a page with nothing of the active branch');
    pages.push(repo.detail(threadId, { before: first.id, ...(limit === undefined ? {} : { limit }) }));
  }
  return pages;
}

describe('opening a long thread', () => {
  it('returns the newest messages of the active branch, and pages back to the first without gaps', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const texts = Array.from({ length: 2 * THREAD_WINDOW + 37 }, (_, i) => `m${i}`);
    const all = conversation(repo, thread.id, texts);

    const opened = repo.detail(thread.id);
    expect(opened.messages).toHaveLength(THREAD_WINDOW);
    expect(opened.messages.at(-1)?.content).toBe(texts.at(-1));
    expect(opened.earlier).toBe(true);

    const pages = pageBack(repo, thread.id);
    expect(pages).toHaveLength(3);
    expect(pages.at(-1)?.earlier).toBe(false);
    const joined = pages.reverse().flatMap((p) => ids(p.messages));
    expect(joined).toEqual(ids(all));
  });

  it('reaches up to a message asked for (a search hit far above), with some context above it', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const all = conversation(
      repo,
      thread.id,
      Array.from({ length: 600 }, (_, i) => `m${i}`),
    );
    const target = all[100]!;
    const detail = repo.detail(thread.id, { through: target.id });
    expect(ids(detail.messages)).toContain(target.id);
    expect(detail.messages[0]?.content).toBe('m80');
    expect(detail.earlier).toBe(true);
    // Not on the active branch: nothing more than the opening window.
    const other = repo.insertMessage({
      threadId: thread.id,
      parentId: all[5]!.id,
      role: 'assistant',
      content: 'x',
    });
    expect(repo.detail(thread.id, { through: other.id }).messages).toHaveLength(THREAD_WINDOW);
  });

  it('brings the siblings of every message shown, for the branch switchers, but not their branches', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [q1, , q2] = conversation(repo, thread.id, ['q1', 'a1', 'q2', 'a2']);
    const retry = repo.insertMessage({
      threadId: thread.id,
      parentId: q1!.id,
      role: 'assistant',
      content: 'a1b',
    });
    conversation(repo, thread.id, ['under a1b'], retry.id);
    repo.selectBranch(thread.id, q2!.id);
    const detail = repo.detail(thread.id);
    expect(detail.messages.map((m) => m.content)).toEqual(['q1', 'a1', 'q2', 'a2', 'a1b']);
  });

  it('pages any branching thread back to exactly its active branch, with every sibling on the way', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 120 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (parents, leafPick, limit) => {
          const { repo } = memoryRepo();
          const thread = repo.createThread();
          // Each message answers an earlier one (or starts a root): a random tree.
          const made = randomTree(repo, thread.id, parents, 7);
          const leaf = made[leafPick % made.length]!;
          repo.setActiveLeaf(thread.id, leaf.id);
          const path = repo.activePath(thread.id);
          const pages = pageBack(repo, thread.id, limit);
          const loaded = pages.flatMap((p) => p.messages);
          expect(ids(pages.toReversed().flatMap((p) => onPath(p, path)))).toEqual(ids(path));
          // No message comes twice, and each path message arrives with all its siblings.
          expect(new Set(ids(loaded)).size).toBe(loaded.length);
          const loadedIds = new Set(ids(loaded));
          for (const m of path)
            for (const sibling of made.filter((x) => x.parentId === m.parentId))
              expect(loadedIds.has(sibling.id)).toBe(true);
          // Nothing off the branch but those siblings.
          const parentsOnPath = new Set([null, ...ids(path)]);
          for (const m of loaded) expect(parentsOnPath.has(m.parentId)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
