import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThreadDetail } from '../../main/contract';
import { underLoaded } from '../../renderer/src/store/conversation/branches';
import { memoryRepo, randomTree } from './support';

const idSet = (detail: ThreadDetail) => new Set(detail.messages.map((m) => m.id));
const WHOLE = 100_000;

type Change =
  | { kind: 'answer'; count: number }
  | { kind: 'branch'; at: number }
  | { kind: 'edit'; at: number }
  | { kind: 'none' };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('answer' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('branch' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
  fc.constant({ kind: 'none' as const }),
);

describe('reloading a thread read back to its start', () => {
  it('keeps the earlier messages under the newest stretch exactly as a whole reload would have it', () => {
    // One database for every run, each run on a thread of its own: migrating a fresh database per
    // run made the 300 runs take 12 s here and over 20 s on a loaded machine.
    const { repo } = memoryRepo();
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 2, maxLength: 80 }),
        fc.nat(),
        changeArb,
        fc.integer({ min: 1, max: 6 }),
        (parents, leafPick, change, window) => {
          const thread = repo.createThread();
          // Each message answers an earlier one (or starts a root): a random tree.
          const made = randomTree(repo, thread.id, parents, 9);
          repo.setActiveLeaf(thread.id, made[leafPick % made.length]!.id);
          // Everything of the active branch is loaded, as after scrolling to the top.
          const loaded = repo.detail(thread.id, { limit: WHOLE });

          const path = repo.activePath(thread.id);
          if (change.kind === 'answer') {
            let parentId = path.at(-1)?.id ?? null;
            for (let i = 0; i < change.count; i++)
              parentId = repo.insertMessage({
                threadId: thread.id,
                parentId,
                role: 'assistant',
                content: 'new',
              }).id;
            if (parentId) repo.setActiveLeaf(thread.id, parentId);
          } else if (change.kind === 'branch' && path.length > 0) {
            const target = path[change.at % path.length]!;
            const sibling = repo.insertMessage({
              threadId: thread.id,
              parentId: target.parentId,
              role: target.role,
              content: 'another',
            });
            repo.selectBranch(thread.id, sibling.id);
          } else if (change.kind === 'edit' && path.length > 0) {
            repo.editMessage(path[change.at % path.length]!.id, 'edited');
          }

          const merged = underLoaded(loaded, repo.detail(thread.id, { limit: window }));
          const whole = repo.detail(thread.id, { limit: WHOLE });
          // When it cannot keep what is loaded it says so (the app then reloads the whole depth).
          if (merged === null) return;
          expect(idSet(merged)).toEqual(idSet(whole));
          expect(merged.earlier).toBe(false);
          expect(merged.thread.activeLeafId).toBe(whole.thread.activeLeafId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives up (so the app reloads everything) when the branch changed above the newest stretch', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    let parentId: string | null = null;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      parentId = repo.insertMessage({
        threadId: thread.id,
        parentId,
        role: i % 2 ? 'assistant' : 'user',
        content: `m${i}`,
      }).id;
      ids.push(parentId);
    }
    repo.setActiveLeaf(thread.id, parentId ?? '');
    const loaded = repo.detail(thread.id, { limit: WHOLE });
    // A new branch from near the start: its newest stretch starts on a message the loaded branch lacks.
    const fork = repo.insertMessage({
      threadId: thread.id,
      parentId: ids[2] ?? null,
      role: 'user',
      content: 'fork',
    });
    let leaf = fork.id;
    for (let i = 0; i < 10; i++)
      leaf = repo.insertMessage({
        threadId: thread.id,
        parentId: leaf,
        role: 'assistant',
        content: `f${i}`,
      }).id;
    repo.setActiveLeaf(thread.id, leaf);
    expect(underLoaded(loaded, repo.detail(thread.id, { limit: 5 }))).toBeNull();
  });
});
