import { describe, expect, it } from 'vitest';
import { ThreadSettings } from '../../main/contract';
import { titleFrom } from '../../main/threads/defaults';
import { ThreadsRepo } from '../../main/threads/repo';
import { conversation, memoryRepo } from './support';

const usage = (totalTokens: number, credits: number | null, cost: number | null) => ({
  promptTokens: totalTokens / 2,
  completionTokens: totalTokens / 2,
  reasoningTokens: null,
  totalTokens,
  reported: true,
  creditsConsumed: credits,
  creditsRemaining: null,
  cost,
});

describe('threads', () => {
  it('starts a new thread with streaming on, usage included, manual tools and no model', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    expect(thread.title).toBe('New thread');
    expect(ThreadSettings.parse(thread.settings)).toEqual({
      providerId: null,
      model: null,
      systemPrompt: '',
      params: { stream: true, include_usage: true },
      toolIds: [],
      toolMode: 'manual',
      maxToolRounds: 5,
    });
    expect(thread.messageCount).toBe(0);
    expect(thread.activeLeafId).toBeNull();
  });

  it('starts a new thread with the provider and model of the thread used last', () => {
    const { repo } = memoryRepo();
    const first = repo.createThread({ providerId: 'p1', model: 'm1' });
    repo.createThread({ providerId: 'p2', model: 'm2' });
    repo.touch(first.id);
    const next = repo.createThread({ systemPrompt: 'Be brief.' });
    expect(next.settings).toMatchObject({ providerId: 'p1', model: 'm1', systemPrompt: 'Be brief.' });
  });

  it('lists pinned threads first, then by last activity, hiding archived and deleted ones', () => {
    const { repo } = memoryRepo();
    const a = repo.createThread();
    const b = repo.createThread();
    const c = repo.createThread();
    const d = repo.createThread();
    repo.touch(a.id);
    repo.updateThread(c.id, { pinned: true });
    repo.updateThread(d.id, { archived: true });
    expect(repo.list().map((t) => t.id)).toEqual([c.id, a.id, b.id]);
    expect(repo.list(true).map((t) => t.id)).toEqual([d.id]);
    repo.deleteThread(a.id);
    expect(repo.list().map((t) => t.id)).toEqual([c.id, b.id]);
  });

  it('names a thread after its first user message until the user renames it', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    conversation(repo, thread.id, ['  How do I parse\nJSON in Rust?', 'Use serde.', 'And YAML?']);
    expect(repo.getThread(thread.id)).toMatchObject({ title: 'How do I parse', titleEdited: false });
    const renamed = repo.updateThread(thread.id, { title: 'Rust parsing' });
    expect(renamed).toMatchObject({ title: 'Rust parsing', titleEdited: true });
    const other = repo.createThread();
    repo.updateThread(other.id, { title: 'Mine' });
    conversation(repo, other.id, ['Hello there']);
    expect(repo.getThread(other.id).title).toBe('Mine');
  });

  it('makes titles of at most 60 characters from the first non-blank line', () => {
    expect(titleFrom('\n\n  # Plan the   launch  \nmore')).toBe('Plan the launch');
    expect(titleFrom('   ')).toBe('');
    const long = titleFrom('word '.repeat(40));
    expect(Array.from(long).length).toBeLessThanOrEqual(60);
    expect(long.endsWith('…')).toBe(true);
    expect(Array.from(titleFrom('😀'.repeat(100))).length).toBe(60);
  });

  it('merges settings and keeps the chosen tools in order', () => {
    const { repo, db } = memoryRepo();
    db.exec(`INSERT INTO tools (id, name, parameters_json, created_at, updated_at) VALUES
      ('t1', 'a', '{}', 0, 0), ('t2', 'b', '{}', 0, 0)`);
    const thread = repo.createThread({ systemPrompt: 'S' });
    const updated = repo.updateThread(thread.id, {
      settings: { toolIds: ['t2', 't1'], toolMode: 'canned', params: { temperature: 0.3 } },
    });
    expect(updated.settings).toMatchObject({
      systemPrompt: 'S',
      toolIds: ['t2', 't1'],
      toolMode: 'canned',
      maxToolRounds: 5,
      params: { temperature: 0.3 },
    });
    expect(() => repo.updateThread(thread.id, { settings: { toolIds: ['gone'] } })).toThrow(
      /no longer exists/,
    );
    expect(repo.getThread(thread.id).settings.toolIds).toEqual(['t2', 't1']);
  });

  it('soft-deletes a thread so it can be restored, and purges it on the next start', () => {
    const { repo, db, clock } = memoryRepo();
    const thread = repo.createThread();
    conversation(repo, thread.id, ['hi', 'hello']);
    expect(repo.deleteThread(thread.id)).toBe(true);
    expect(() => repo.getThread(thread.id)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'not_found' }) }),
    );
    expect(repo.restoreThread(thread.id).messageCount).toBe(2);
    repo.deleteThread(thread.id);
    clock.advance(1000);
    const nextSession = new ThreadsRepo(db, clock.now);
    expect(nextSession.purgeDeleted()).toBe(1);
    expect(() => nextSession.restoreThread(thread.id)).toThrow(/no longer exists/);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
  });

  it('keeps token, credit and cost totals in step with message usage', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [, answer] = conversation(repo, thread.id, ['q', 'a']);
    expect(repo.getThread(thread.id).totals).toEqual({ tokens: 0, credits: null, cost: null });
    repo.updateMessage(answer!.id, { usage: usage(100, 2.5, null) });
    const second = repo.insertMessage({
      threadId: thread.id,
      parentId: answer!.id,
      role: 'assistant',
      usage: usage(40, null, 0.01),
    });
    expect(repo.list()[0]?.totals).toEqual({ tokens: 140, credits: 2.5, cost: 0.01 });
    repo.deleteMessage(second.id);
    expect(repo.getThread(thread.id)).toMatchObject({
      messageCount: 2,
      totals: { tokens: 100, credits: 2.5, cost: null },
    });
  });

  it('turns answers left streaming by a crash into interrupted ones', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [question] = conversation(repo, thread.id, ['q']);
    const partial = repo.insertMessage({
      threadId: thread.id,
      parentId: question!.id,
      role: 'assistant',
      status: 'streaming',
      content: 'half',
    });
    expect(repo.recoverInterrupted()).toBe(1);
    expect(repo.getMessage(partial.id)).toMatchObject({
      status: 'interrupted',
      content: 'half',
      errorCode: 'aborted',
      errorMessage: 'The app closed while this answer was streaming',
    });
  });

  it('pages through raw stream events, optionally filtered by text', () => {
    const { repo } = memoryRepo();
    const thread = repo.createThread();
    const [m] = conversation(repo, thread.id, ['q']);
    repo.appendEvents(
      m!.id,
      Array.from({ length: 30 }, (_, i) => ({
        seq: i,
        at: i,
        data: i % 3 === 0 ? `{"tool_calls":${i}}` : `{"content":"50%_${i}"}`,
      })),
    );
    expect(repo.rawEvents(m!.id, { query: '', offset: 0, limit: 5 })).toMatchObject({
      total: 30,
      events: [{ seq: 0 }, {}, {}, {}, { seq: 4 }],
    });
    const tools = repo.rawEvents(m!.id, { query: 'TOOL_calls', offset: 2, limit: 100 });
    expect(tools.total).toBe(10);
    expect(tools.events.map((e) => e.seq)).toEqual([6, 9, 12, 15, 18, 21, 24, 27]);
    expect(repo.rawEvents(m!.id, { query: '%_1', offset: 0, limit: 100 }).events.map((e) => e.seq)).toEqual([
      1, 10, 11, 13, 14, 16, 17, 19,
    ]);
  });

  it('saves, replaces by name and deletes parameter presets', () => {
    const { repo } = memoryRepo();
    const cold = repo.presets.save('Cold', { temperature: 0 });
    repo.presets.save('Creative', { temperature: 1.2, top_p: 0.9 });
    const again = repo.presets.save('Cold', { temperature: 0.1 });
    expect(again.id).toBe(cold.id);
    expect(repo.presets.list().map((p) => [p.name, p.params])).toEqual([
      ['Cold', { temperature: 0.1 }],
      ['Creative', { temperature: 1.2, top_p: 0.9 }],
    ]);
    expect(repo.presets.delete(cold.id)).toBe(true);
    expect(repo.presets.delete(cold.id)).toBe(false);
  });

  it('tells subscribers about structural changes but not about streaming text', () => {
    const { repo } = memoryRepo();
    const seen: (string | null)[] = [];
    const stop = repo.subscribe((id) => seen.push(id));
    const thread = repo.createThread();
    const [q] = conversation(repo, thread.id, ['q']);
    const answer = repo.insertMessage({
      threadId: thread.id,
      parentId: q!.id,
      role: 'assistant',
      status: 'streaming',
    });
    seen.length = 0;
    repo.updateMessage(answer.id, { content: 'partial' });
    repo.appendEvents(answer.id, [{ seq: 0, at: 0, data: '{}' }]);
    expect(seen).toEqual([]);
    repo.updateMessage(answer.id, { content: 'done', status: 'complete' });
    expect(seen).toEqual([thread.id]);
    stop();
    repo.deleteThread(thread.id);
    expect(seen).toEqual([thread.id]);
  });
});
