import { describe, expect, it } from 'vitest';
import { conversation, memoryRepo } from './support';

const texts = (messages: { content: string }[]) => messages.map((m) => m.content);

describe('branches', () => {
  it('sends the active path only: regenerating makes a sibling answer that becomes active', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [q1, a1] = conversation(repo, thread.id, ['q1', 'a1']);
    const a1b = repo.insertMessage({
      threadId: thread.id,
      parentId: q1!.id,
      role: 'assistant',
      content: 'a1 again',
    });
    repo.setActiveLeaf(thread.id, a1b.id);
    expect(texts(repo.activePath(thread.id))).toEqual(['q1', 'a1 again']);
    expect(texts(repo.activePath(thread.id, a1!.id))).toEqual(['q1', 'a1']);
    expect(repo.messages(thread.id)).toHaveLength(3);
  });

  it('switching to a branch continues down its most recent answers', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [q1, a1] = conversation(repo, thread.id, ['q1', 'a1', 'q2', 'a2']);
    const a1b = repo.insertMessage({
      threadId: thread.id,
      parentId: q1!.id,
      role: 'assistant',
      content: 'a1b',
    });
    conversation(repo, thread.id, ['q2b', 'a2b'], a1b.id);
    const latest = repo.insertMessage({
      threadId: thread.id,
      parentId: a1b.id,
      role: 'user',
      content: 'q2c',
    });

    const back = repo.selectBranch(thread.id, a1!.id);
    expect(texts(repo.activePath(thread.id, back.activeLeafId))).toEqual(['q1', 'a1', 'q2', 'a2']);
    repo.selectBranch(thread.id, a1b.id);
    expect(texts(repo.activePath(thread.id))).toEqual(['q1', 'a1b', 'q2c']);
    repo.selectBranch(thread.id, latest.id);
    expect(repo.getThread(thread.id).activeLeafId).toBe(latest.id);
  });

  it('editing a user message makes a new active branch and keeps the old one', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [q1, , q2] = conversation(repo, thread.id, ['q1', 'a1', 'q2', 'a2']);
    const edited = repo.editMessage(q2!.id, 'q2 edited');
    expect(edited).toMatchObject({ role: 'user', content: 'q2 edited', parentId: q2!.parentId });
    expect(edited.id).not.toBe(q2!.id);
    expect(repo.getThread(thread.id).activeLeafId).toBe(edited.id);
    expect(texts(repo.activePath(thread.id))).toEqual(['q1', 'a1', 'q2 edited']);
    expect(repo.getMessage(q2!.id).content).toBe('q2');

    const root = repo.editMessage(q1!.id, 'q1 edited');
    expect(root.parentId).toBeNull();
    expect(texts(repo.activePath(thread.id))).toEqual(['q1 edited']);
  });

  it('editing an answer corrects it in place', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [, a1] = conversation(repo, thread.id, ['q1', 'a1']);
    const edited = repo.editMessage(a1!.id, 'a1 fixed');
    expect(edited.id).toBe(a1!.id);
    expect(texts(repo.activePath(thread.id))).toEqual(['q1', 'a1 fixed']);
    expect(repo.messages(thread.id)).toHaveLength(2);
  });

  it('deleting a message removes its descendants and moves the active branch to a survivor', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [q1, a1] = conversation(repo, thread.id, ['q1', 'a1']);
    const sibling = repo.insertMessage({
      threadId: thread.id,
      parentId: q1!.id,
      role: 'assistant',
      content: 'a1b',
    });
    const deeper = conversation(repo, thread.id, ['q2', 'a2'], sibling.id);
    expect(repo.deleteMessage(sibling.id)).toBe(3);
    expect(texts(repo.activePath(thread.id))).toEqual(['q1', 'a1']);
    expect(() => repo.getMessage(deeper[0]!.id)).toThrow(/no longer exists/);

    expect(repo.deleteMessage(a1!.id)).toBe(1);
    expect(repo.getThread(thread.id).activeLeafId).toBe(q1!.id);
    expect(repo.deleteMessage(q1!.id)).toBe(1);
    expect(repo.getThread(thread.id)).toMatchObject({ activeLeafId: null, messageCount: 0 });
  });

  it('deleting off the active branch leaves the active branch alone', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [q1, a1] = conversation(repo, thread.id, ['q1', 'a1']);
    const other = repo.insertMessage({
      threadId: thread.id,
      parentId: q1!.id,
      role: 'assistant',
      content: 'x',
    });
    repo.deleteMessage(other.id);
    expect(repo.getThread(thread.id).activeLeafId).toBe(a1!.id);
  });

  it('handles a linear thread of 20,000 messages: path, delete from the top, purge', () => {
    const { repo, db } = memoryRepo();
    const thread = repo.createThread();
    db.exec('BEGIN');
    const all = conversation(
      repo,
      thread.id,
      Array.from({ length: 20_000 }, (_, i) => `m${i}`),
    );
    db.exec('COMMIT');
    expect(repo.activePath(thread.id)).toHaveLength(20_000);
    expect(repo.deleteMessage(all[10]!.id)).toBe(19_990);
    expect(repo.getThread(thread.id)).toMatchObject({ messageCount: 10, activeLeafId: all[9]!.id });
    conversation(
      repo,
      thread.id,
      Array.from({ length: 5_000 }, (_, i) => `n${i}`),
      all[9]!.id,
    );
    repo.deleteThread(thread.id);
    expect(repo.purgeDeleted(Number.MAX_SAFE_INTEGER)).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
  });

  it('refuses to link a message to a parent in another thread', () => {
    const { repo } = memoryRepo();
    const a = repo.createThread();
    const b = repo.createThread();
    const [q] = conversation(repo, a.id, ['q']);
    expect(() => repo.insertMessage({ threadId: b.id, parentId: q!.id, role: 'assistant' })).toThrow(
      /not in this thread/,
    );
    expect(() => repo.selectBranch(b.id, q!.id)).toThrow(/another thread/);
  });
});
