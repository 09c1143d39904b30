import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenedMessage as Message, Result, ThreadDetail } from '../../main/contract';
import { MESSAGE_PREVIEW_CHARS } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink, Handlers } from '../../main/ipc/handlers';
import { threadHandlers } from '../../main/threads/handlers';
import { clipContent } from '../../main/threads/messageContent';
import { SearchService } from '../../main/threads/search';
import { memoryRepo } from './support';

/**
 * Issue 12: opening a thread that holds a 5 MB answer must not carry 5 MB to the window (the
 * renderer parsed it on its UI thread: a 100 ms frame). `threads:get` sends the beginning of a
 * huge message with its full length; `messages:content` pages the rest, so Copy and "Show all"
 * still get every character.
 */
function setup() {
  const { db, repo } = memoryRepo();
  const sink: EventSink = { toSender: () => {}, broadcast: () => {} };
  const handlers = threadHandlers({ repo, search: new SearchService({ db, file: ':memory:' }), sink });
  const all = handlers as Partial<Handlers> as Handlers;
  const call = async <T>(name: string, payload: unknown): Promise<T> => {
    const result: Result<unknown> = await dispatch(all, name, payload, { senderId: 1 });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { repo, call };
}

const FIVE_MB = `${'x'.repeat(4_999_999)}😀`;

describe('a thread holding a 5 MB answer', () => {
  it('opens with a bounded payload that says how long the answer really is', async () => {
    const { repo, call } = setup();
    const thread = repo.createThread();
    const q = repo.insertMessage({ threadId: thread.id, parentId: null, role: 'user', content: 'long?' });
    repo.insertMessage({ threadId: thread.id, parentId: q.id, role: 'assistant', content: FIVE_MB });
    const detail = await call<ThreadDetail>('threads:get', { id: thread.id });
    // The beginning of the answer and little else: bounded by the preview, not by the answer.
    expect(JSON.stringify(detail).length).toBeLessThan(MESSAGE_PREVIEW_CHARS + 4_000);
    const answer = detail.messages[1] as Message;
    expect(answer.content).toBe(FIVE_MB.slice(0, MESSAGE_PREVIEW_CHARS));
    expect(answer.contentLength).toBe(FIVE_MB.length);
    // A short message is sent whole, with no length of its own.
    expect(detail.messages[0]?.content).toBe('long?');
    expect(detail.messages[0]?.contentLength).toBeUndefined();
  });

  it('gives all of it back, page by page, exactly', async () => {
    const { repo, call } = setup();
    const thread = repo.createThread();
    const m = repo.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'assistant',
      content: FIVE_MB,
    });
    let text = '';
    for (let offset = 0; ;) {
      const page = await call<{ text: string; total: number }>('messages:content', { id: m.id, offset });
      expect(page.total).toBe(FIVE_MB.length);
      expect(page.text.length).toBeLessThanOrEqual(1_048_576);
      text += page.text;
      offset += page.text.length;
      if (offset >= page.total) break;
    }
    expect(text === FIVE_MB).toBe(true);
  });

  it('never serves a page of a text that changed since the last page (an edit in between)', async () => {
    const { repo, call } = setup();
    const thread = repo.createThread();
    const m = repo.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'assistant',
      content: FIVE_MB,
    });
    const first = await call<{ total: number }>('messages:content', { id: m.id, offset: 0 });
    expect(first.total).toBe(FIVE_MB.length);
    await call('messages:edit', { id: m.id, content: 'y'.repeat(40_000) });
    const next = await call<{ text: string; total: number }>('messages:content', {
      id: m.id,
      offset: 32_000,
    });
    expect({ length: next.text.length, onlyY: /^y*$/.test(next.text), total: next.total }).toEqual({
      length: 8_000,
      onlyY: true,
      total: 40_000,
    });
  });

  it('refuses a page of a message that does not exist, by name', async () => {
    const { call } = setup();
    await expect(call('messages:content', { id: 'nope', offset: 0 })).rejects.toThrow(/not_found|nope/);
  });

  it('keeps a message that is still streaming whole (its live text is appended to)', async () => {
    const { repo, call } = setup();
    const thread = repo.createThread();
    repo.insertMessage({
      threadId: thread.id,
      parentId: null,
      role: 'assistant',
      content: FIVE_MB,
      status: 'streaming',
    });
    const detail = await call<ThreadDetail>('threads:get', { id: thread.id });
    expect(detail.messages[0]?.content.length).toBe(FIVE_MB.length);
  });
});

describe('clipContent', () => {
  it('never splits a surrogate pair and always keeps a prefix', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1, max: 60 }),
        (s, n) => {
          const clipped = clipContent(s, n);
          expect(s.startsWith(clipped)).toBe(true);
          expect(clipped.length).toBeLessThanOrEqual(n);
          const last = clipped.charCodeAt(clipped.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
          if (s.length <= n) expect(clipped).toBe(s);
        },
      ),
    );
  });
});
