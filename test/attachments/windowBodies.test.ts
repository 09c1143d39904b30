import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract';
import { MB, noisePng, useMockApp } from './support/mockApp';

/** What crosses to the window of a thread with a 5 MB photo: the request bodies with files elided. */

const t = useMockApp();

/** The bytes a payload takes when it crosses (IPC serialises what main sends). */
const crossing = (payload: unknown): number => Buffer.byteLength(JSON.stringify(payload));

describe('request bodies sent to the window', () => {
  it('carry a 5 MB photo as its size and hash; the exact body is read on demand', async () => {
    const png = await noisePng(4.9);
    const staged = await t.stage('noise.png', png, 'low');
    // The photo as sent: re-encoded when staged (metadata stripped), stored under its hash.
    const { sha256 } = staged.ref;
    await t.send('What is this?', [{ id: staged.id }]);
    const ended = await t.send('And now?');
    const { size } = t.app.services.db
      .prepare('SELECT size FROM attachment_blobs WHERE sha256 = ?')
      .get(sha256) as { size: number };

    const wire = t.chatRequests();
    expect(wire).toHaveLength(2);
    expect(wire[1]!.body.length).toBeGreaterThan(6 * MB);

    // The stream's end: the answer's meta says what was left out and how big the exact body is.
    expect(crossing(ended)).toBeLessThan(32 * 1024);
    const meta = ended.messages[0]!.meta!;
    expect(meta.requestBodyElided).toEqual({
      bytes: wire[1]!.body.length,
      files: [{ mime: 'image/png', bytes: size, sha256 }],
    });
    // Still the request's JSON: the inspector indents it, tools and seeds are read from it.
    const shown = JSON.parse(meta.requestBody) as { messages: { content: unknown }[] };
    expect(shown.messages[0]!.content).toEqual([
      { type: 'text', text: 'What is this?' },
      {
        type: 'image_url',
        image_url: {
          url: `data:image/png;base64,…${size.toLocaleString('en-US')} bytes, SHA-256 ${sha256}…`,
          detail: 'low',
        },
      },
    ]);

    // Opening the thread: both answers, each small.
    const detail = await t.app.call('threads:get', { id: t.app.threadId });
    expect(crossing(detail)).toBeLessThan(64 * 1024);
    const answers = detail.messages.filter((m) => m.role === 'assistant');
    expect(answers.map((a) => a.meta?.requestBodyElided?.bytes)).toEqual(wire.map((r) => r.body.length));

    // Copy and curl read the exact body, byte for byte what went on the wire.
    for (const [i, answer] of answers.entries()) {
      const exact = await t.app.call('attachments:requestBody', { messageId: answer.id });
      expect(Buffer.from(exact.body, 'utf8').equals(wire[i]!.body)).toBe(true);
    }
  }, 90_000);

  it('elide a large body stored whole (before migration 011) the same way, hashing its files', async () => {
    const staged = await t.stage('noise.png', await noisePng(0.5), 'low');
    const answer = (await t.send('What is this?', [{ id: staged.id }])).messages[0]!;
    const wire = t.chatRequests()[0]!;
    const row = t.app.services.db.prepare('SELECT meta_json FROM messages WHERE id = ?').get(answer.id) as {
      meta_json: string;
    };
    const { requestBodyBlobs: _refs, ...stored } = JSON.parse(row.meta_json) as Record<string, unknown>;
    t.app.services.db
      .prepare('UPDATE messages SET meta_json = ? WHERE id = ?')
      .run(JSON.stringify({ ...stored, requestBody: wire.bodyText }), answer.id);

    const detail = await t.app.call('threads:get', { id: t.app.threadId });
    expect(crossing(detail)).toBeLessThan(16 * 1024);
    const meta = detail.messages.find((m) => m.id === answer.id)!.meta!;
    expect(meta.requestBodyElided).toMatchObject({
      bytes: wire.body.length,
      files: [{ mime: 'image/png', sha256: staged.ref.sha256 }],
    });
    expect(meta.requestBody).toContain(`SHA-256 ${staged.ref.sha256}…`);
    const exact = await t.app.call('attachments:requestBody', { messageId: answer.id });
    expect(exact.body).toBe(wire.bodyText);
  }, 60_000);

  it('leave a small body whole, and say when an answer has no request', async () => {
    const staged = await t.stage('note.txt', 'a short note');
    const ended = await t.send('Read this', [{ id: staged.id }]);
    const meta = ended.messages[0]!.meta!;
    expect(meta.requestBodyElided).toBeUndefined();
    expect(meta.requestBody).toBe(t.chatRequests()[0]!.bodyText);

    const user = (await t.app.call('threads:get', { id: t.app.threadId })).messages.find(
      (m: Message) => m.role === 'user',
    )!;
    const refused = await t.app
      .call('attachments:requestBody', { messageId: user.id })
      .catch((error: { appError?: unknown }) => error.appError);
    expect(refused).toEqual({ code: 'not_found', message: 'No request was recorded for this answer.' });
  }, 30_000);
});
