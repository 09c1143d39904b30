import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import type { Message } from '../../main/contract';
import { ThreadsRepo } from '../../main/threads/repo';
import type { SearchWorkerOptions } from '../../main/threads/search';

/** A clock that moves one millisecond per reading, so creation order is always visible. */
export function steppingClock(start = 1_700_000_000_000): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => (t += 1), advance: (ms) => void (t += ms) };
}

export function memoryRepo(): {
  db: DatabaseSync;
  repo: ThreadsRepo;
  clock: ReturnType<typeof steppingClock>;
} {
  const { db } = openDatabase(':memory:', migrations);
  const clock = steppingClock();
  return { db, repo: new ThreadsRepo(db, clock.now), clock };
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'llm-desk-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The search worker straight from its TypeScript source. */
export const sourceWorker: SearchWorkerOptions = {
  url: new URL('../../main/threads/searchWorker.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};

/** user → assistant pairs on one line; returns the messages in order. */
export function conversation(
  repo: ThreadsRepo,
  threadId: string,
  texts: string[],
  parentId: string | null = null,
): Message[] {
  const out: Message[] = [];
  let parent = parentId;
  texts.forEach((content, i) => {
    const message = repo.insertMessage({
      threadId,
      parentId: parent,
      role: i % 2 === 0 ? 'user' : 'assistant',
      content,
    });
    out.push(message);
    parent = message.id;
  });
  if (parent !== null) repo.setActiveLeaf(threadId, parent);
  return out;
}

/**
 * A random message tree: message i answers message `parents[i] % i` (or starts a new root when
 * `parents[i]` is a multiple of `rootEvery`), roles alternating; returns them in creation order.
 */
export function randomTree(
  repo: ThreadsRepo,
  threadId: string,
  parents: readonly number[],
  rootEvery: number,
): Message[] {
  const made: Message[] = [];
  for (const [i, p] of parents.entries()) {
    const parent = i === 0 || p % rootEvery === 0 ? null : (made[p % made.length] ?? null);
    made.push(
      repo.insertMessage({
        threadId,
        parentId: parent?.id ?? null,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content: `m${i}`,
      }),
    );
  }
  return made;
}
