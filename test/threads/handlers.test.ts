import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, Result } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink, Handlers } from '../../main/ipc/handlers';
import { threadHandlers } from '../../main/threads/handlers';
import { SearchService } from '../../main/threads/search';
import { memoryRepo } from './support';

function setup() {
  const { db, repo } = memoryRepo();
  const broadcasts: { event: EventName; payload: unknown }[] = [];
  const sink: EventSink = {
    toSender: () => {},
    broadcast: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      void broadcasts.push({ event, payload }),
  };
  const handlers = threadHandlers({
    repo,
    search: new SearchService({ db, file: ':memory:' }),
    sink,
    now: () => 1_750_000_000_000,
  });
  // Only the threads, messages and presets channels are called here.
  const all = handlers as Partial<Handlers> as Handlers;
  const call = async <T>(name: string, payload: unknown): Promise<T> => {
    const result: Result<unknown> = await dispatch(all, name, payload, { senderId: 7 });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const fail = async (name: string, payload: unknown) => {
    const result = await dispatch(all, name, payload, { senderId: 7 });
    return result.ok ? null : result.error;
  };
  return { repo, broadcasts, call, fail };
}

describe('thread handlers', () => {
  it('create, send-like writes, list, search, export and import through the channels', async () => {
    const { repo, call, broadcasts } = setup();
    const thread = await call<{ id: string }>('threads:create', {});
    expect(broadcasts).toEqual([{ event: 'threads:changed', payload: { threadId: thread.id } }]);
    const q = repo.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'user',
      content: 'Where is Timbuktu?',
    });
    repo.setActiveLeaf(thread.id, q.id);
    expect(await call('threads:list', {})).toMatchObject([
      { id: thread.id, title: 'Where is Timbuktu?', messageCount: 1 },
    ]);
    expect(await call('threads:search', { query: 'timbuk' })).toMatchObject([
      { messageId: q.id, snippet: 'Where is \u0001Timbuktu\u0002?' },
    ]);
    const exported = await call<{ filename: string; text: string }>('threads:export', {
      id: thread.id,
      format: 'json',
    });
    expect(exported.filename).toBe('where-is-timbuktu.json');
    const copy = await call<{ id: string; title: string }>('threads:import', { text: exported.text });
    expect(copy.title).toBe('Where is Timbuktu?');
    expect(await call<unknown[]>('threads:list', {})).toHaveLength(2);
  });

  it("threads:list with a limit gives the list's first rows, in the list's order", async () => {
    const { call, fail } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call<{ id: string }>('threads:create', {})).id);
    await call('threads:update', { id: ids[0], pinned: true });
    const all = await call<{ id: string }[]>('threads:list', {});
    const first = await call<{ id: string }[]>('threads:list', { limit: 3 });
    expect(all).toHaveLength(5);
    expect(first.map((t) => t.id)).toEqual(all.slice(0, 3).map((t) => t.id));
    expect(first[0]?.id).toBe(ids[0]);
    await expect(fail('threads:list', { limit: 0 })).resolves.toMatchObject({ code: 'invalid_request' });
  });

  it('rename, pin, archive, delete with undo, branch switching and message edits', async () => {
    const { repo, call } = setup();
    const thread = await call<{ id: string }>('threads:create', { settings: { model: 'm' } });
    expect(await call('threads:update', { id: thread.id, title: '  Trip  ', pinned: true })).toMatchObject({
      title: 'Trip',
      titleEdited: true,
      pinned: true,
    });
    const q = repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'q' });
    const a = repo.insertMessage({ threadId: thread.id, parentId: q.id, role: 'assistant', content: 'a' });
    const edited = await call<{ id: string }>('messages:edit', { id: q.id, content: 'q2' });
    // The active branch is the edited question alone; its sibling comes along for the ‹ 1/2 › switcher.
    expect(await call('threads:get', { id: thread.id })).toMatchObject({
      thread: { activeLeafId: edited.id },
      messages: [{ content: 'q' }, { content: 'q2' }],
      earlier: false,
    });
    expect(await call('threads:selectBranch', { threadId: thread.id, messageId: q.id })).toMatchObject({
      activeLeafId: a.id,
    });
    expect(await call('messages:delete', { id: q.id })).toEqual({ deleted: 2 });
    expect(await call('threads:delete', { id: thread.id })).toEqual({ deleted: true });
    expect(await call('threads:list', {})).toEqual([]);
    expect(await call('threads:restore', { id: thread.id })).toMatchObject({
      id: thread.id,
      messageCount: 1,
    });
    await call('threads:update', { id: thread.id, archived: true });
    expect(await call('threads:list', { archived: true })).toMatchObject([{ id: thread.id }]);
  });

  it('presets and raw events through the channels', async () => {
    const { repo, call } = setup();
    const preset = await call<{ id: string }>('presets:save', {
      name: 'Precise',
      params: { temperature: 0 },
    });
    expect(await call('presets:list', {})).toMatchObject([{ name: 'Precise', params: { temperature: 0 } }]);
    expect(await call('presets:delete', { id: preset.id })).toEqual({ deleted: true });
    const t = repo.createThread();
    const m = repo.insertMessage({ threadId: t.id, parentId: null, role: 'assistant' });
    repo.appendEvents(m.id, [{ seq: 1, at: 5, data: 'data: {"a":1}' }]);
    expect(await call('messages:rawEvents', { id: m.id })).toEqual({
      total: 1,
      events: [{ seq: 1, at: 5, data: 'data: {"a":1}' }],
    });
  });

  it('opening gives the thread the list starts with, opened as threads:get would, passing over skipped ones', async () => {
    const { repo, call } = setup();
    expect(await call('threads:opening', {})).toBeNull();
    const older = repo.createThread();
    const q = repo.insertMessage({ threadId: older.id, parentId: null, role: 'user', content: 'Hello?' });
    repo.setActiveLeaf(older.id, q.id);
    const newer = repo.createThread();
    const archived = repo.createThread();
    repo.updateThread(archived.id, { archived: true });
    const deleted = repo.createThread();
    repo.deleteThread(deleted.id);
    const first = (await call<{ id: string }[]>('threads:list', {}))[0]?.id;
    expect(first).toBe(newer.id);
    expect(await call('threads:opening', {})).toEqual(await call('threads:get', { id: newer.id }));
    // A thread whose rendering failed is passed over; a pinned one comes first, as in the list.
    expect(await call('threads:opening', { skip: [newer.id] })).toEqual(
      await call('threads:get', { id: older.id }),
    );
    repo.updateThread(older.id, { pinned: true });
    expect(await call('threads:opening', {})).toMatchObject({
      thread: { id: older.id },
      messages: [{ id: q.id }],
    });
    expect(await call('threads:opening', { skip: [older.id, newer.id] })).toBeNull();
  });

  it('answers a missing thread or a bad import with an error the user can read', async () => {
    const { fail } = setup();
    expect(await fail('threads:get', { id: 'nope' })).toMatchObject({
      code: 'not_found',
      message: 'That thread no longer exists.',
    });
    expect(await fail('messages:edit', { id: 'nope', content: 'x' })).toMatchObject({ code: 'not_found' });
    expect(await fail('threads:import', { text: '[1, 2]' })).toMatchObject({
      code: 'invalid_request',
      detail: { field: '0' },
    });
  });
});
