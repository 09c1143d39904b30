import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessagePatch, ThreadsPort } from '../../main/chat/ports';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ThreadsRepo } from '../../main/threads/repo';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { harness, usageRows } from './support/harness';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

const textOf = (events: { event: { type: string } }[]) =>
  events
    .map((p) =>
      'choices' in p.event && Array.isArray(p.event.choices)
        ? p.event.choices.map((c: { content?: string }) => c.content ?? '').join('')
        : '',
    )
    .join('');

describe('stopping, closing and crashing mid-stream', () => {
  it('Stop closes the HTTP request at once and keeps what arrived', async () => {
    const h = harness({ mock });
    mock.script({ reply: { chunks: 3000, delayMs: 2 } });
    const sent = await h.service.send({ threadId: h.threadId, content: 'go on and on' }, 1);
    await h.sink.next(
      (e) =>
        e.type === 'delta' && e.streamId === sent.streamId && e.choices.some((c) => (c.content ?? '') !== ''),
    );
    expect(h.service.stop({ streamId: sent.streamId })).toEqual({ stopped: true });
    const closed = await mock.clientClosed();
    expect(closed.path).toBe('/api/v1/chat/completions');
    expect(closed.framesSent).toBeLessThan(3000);
    const [message] = (await h.sink.ended(sent.streamId)).messages;
    expect(message).toMatchObject({ status: 'interrupted', errorCode: 'aborted' });
    expect(message?.content.length).toBeGreaterThan(0);
    expect(usageRows(h)[0]).toMatchObject({ status: 'aborted', error_code: 'aborted', tokens_reported: 0 });
    expect(h.service.stop({ streamId: sent.streamId })).toEqual({ stopped: false });
  });

  it('closing a window aborts its streams only and stops pushing to it', async () => {
    const h = harness({ mock });
    const other = h.repo.createThread({ providerId: 'p1', model: 'phala/gpt-oss-120b' });
    mock.script(
      { reply: { chunks: 3000, delayMs: 2 } },
      { reply: { content: 'short and sweet', chunks: 3, delayMs: 20 } },
    );
    const mine = await h.service.send({ threadId: h.threadId, content: 'long' }, 1);
    const theirs = await h.service.send({ threadId: other.id, content: 'short' }, 2);
    await h.sink.next((e) => e.type === 'delta' && e.streamId === mine.streamId);
    h.service.closeWindow(1);
    const pushedBefore = h.sink.pushed.filter((p) => p.senderId === 1).length;
    await mock.clientClosed();
    await h.service.whenSettled(mine.streamId);
    expect(h.sink.pushed.filter((p) => p.senderId === 1)).toHaveLength(pushedBefore);
    expect(h.repo.getMessage(mine.messages[0]?.id ?? '')).toMatchObject({
      status: 'interrupted',
      errorCode: 'aborted',
    });
    const [answer] = (await h.sink.ended(theirs.streamId)).messages;
    expect(answer).toMatchObject({ status: 'complete', content: 'short and sweet' });
  });

  it('after a kill and restart the answer shows what was saved, marked interrupted, under a second lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llm-desk-chat-'));
    const file = join(dir, 'app.db');
    const saves: { at: number; content: string }[] = [];
    let dead = false;
    try {
      const h = harness({
        mock,
        file,
        wrapThreads: (repo): ThreadsPort => ({
          getThread: (id) => repo.getThread(id),
          getMessage: (id) => repo.getMessage(id),
          activePath: (id, leaf) => repo.activePath(id, leaf),
          insertMessage: (m) => repo.insertMessage(m),
          setActiveLeaf: (t, m) => repo.setActiveLeaf(t, m),
          touch: (id) => repo.touch(id),
          appendEvents: (id, events) => repo.appendEvents(id, events),
          deleteMessage: (id) => repo.deleteMessage(id),
          updateMessage: (id: string, patch: MessagePatch) => {
            // A killed process writes nothing more.
            if (dead) throw new Error('process is gone');
            const saved = repo.updateMessage(id, patch);
            if (patch.content !== undefined) saves.push({ at: performance.now(), content: saved.content });
            return saved;
          },
        }),
      });
      mock.script({ reply: { chunks: 4000, delayMs: 1 } });
      const sent = await h.service.send({ threadId: h.threadId, content: 'a long answer please' }, 1);
      const id = sent.messages[0]?.id ?? '';
      let deltas = 0;
      await h.sink.next((e) => e.type === 'delta' && e.streamId === sent.streamId && (deltas += 1) === 40);
      dead = true;
      const killedAt = performance.now();
      const delivered = textOf(h.sink.pushed.filter((p) => p.event.streamId === sent.streamId));

      const restarted = new ThreadsRepo(openDatabase(file, migrations).db);
      expect(restarted.recoverInterrupted()).toBe(1);
      const recovered = restarted.getMessage(id);
      const last = saves.at(-1);
      expect(recovered).toMatchObject({
        status: 'interrupted',
        errorCode: 'aborted',
        errorMessage: 'The app closed while this answer was streaming',
      });
      expect(recovered.content).toBe(last?.content);
      expect(recovered.content.length).toBeGreaterThan(0);
      expect(delivered.startsWith(recovered.content)).toBe(true);
      expect(killedAt - (last?.at ?? 0)).toBeLessThan(1000);
      for (let i = 1; i < saves.length; i += 1)
        expect((saves[i]?.at ?? 0) - (saves[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(249);
      expect(restarted.rawEvents(id, { query: '', offset: 0, limit: 5 }).total).toBeGreaterThan(0);
      await h.service.whenSettled(sent.streamId);
      await mock.clientClosed();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
