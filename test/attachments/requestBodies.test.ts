import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BodyBlobSource } from '../../main/attachments/requestBodies';
import { compactBody, expandBody } from '../../main/attachments/requestBodies';
import type { Message } from '../../main/contract';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { App } from '../support/app';
import { startApp } from '../support/app';

/** Stored request bodies refer to attachment blobs instead of repeating their base64. */

const MB = 1024 * 1024;

describe('compact bodies', () => {
  const payload = fc
    .uint8Array({ minLength: 800, maxLength: 3000 })
    .map((bytes) => Buffer.from(bytes).toString('base64'));
  const filler = fc.string({ maxLength: 40 }).map((s) => JSON.stringify(s));

  it('rebuild exactly what they were made from, whatever sits around the payloads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(filler, payload, fc.boolean()), { maxLength: 5 }),
        filler,
        (pieces, tail) => {
          const stored = new Map<string, string>();
          let body = '';
          pieces.forEach(([before, b64, known], i) => {
            body += `${before},"data:image/png;base64,${b64}"`;
            if (known) stored.set(`${i}`.padStart(64, '0'), b64);
          });
          body += tail;
          const source: BodyBlobSource = {
            recent: () => [...stored].map(([sha, b64]) => [sha, b64] as const),
            stored: (sha) => stored.has(sha),
            base64: (sha) => stored.get(sha) ?? null,
          };
          const compact = compactBody(body, source);
          if (compact === null) return;
          expect(compact.body.length).toBeLessThan(body.length);
          expect(expandBody(compact.body, compact.blobs, source.base64)).toBe(body);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keep a payload that is not a stored blob, and one that only shares its length', () => {
    const b64 = randomBytes(2000).toString('base64');
    const other = randomBytes(2000).toString('base64');
    const source: BodyBlobSource = {
      recent: () => [['a'.repeat(64), other] as const],
      stored: () => true,
      base64: () => other,
    };
    expect(compactBody(`{"url":"data:image/png;base64,${b64}"}`, source)).toBeNull();
  });
});

let mock: MockProvider;
let app: App;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(async () => {
  mock.reset();
  app = await startApp(mock);
});
afterEach(async () => {
  await app.close();
});

/** A PNG of noise, about `mb` MB: incompressible, so it is sent at nearly its size. */
async function noisePng(mb: number): Promise<Buffer> {
  const side = Math.floor(Math.sqrt((mb * MB) / 3));
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** Bytes of the database's used pages (the WAL's included: SQLite counts the logical file). */
function usedBytes(): number {
  const one = (pragma: string) =>
    Number(Object.values(app.services.db.prepare(`PRAGMA ${pragma}`).get() as object)[0]);
  return (one('page_count') - one('freelist_count')) * one('page_size');
}

async function sendWith(png: Buffer): Promise<Message> {
  const staged = await app.call('attachments:stage', {
    threadId: app.threadId,
    name: 'noise.png',
    dataBase64: png.toString('base64'),
    detail: 'low',
  });
  const sent = await app.call('chat:send', {
    threadId: app.threadId,
    content: 'What is this?',
    attachments: [{ id: staged.id }],
  });
  const ended = (await app.ended(sent.streamId)) as { messages: Message[] };
  return ended.messages[0]!;
}

describe('stored request bodies', () => {
  it('hold a 5 MB image sent twice once, and rebuild the bytes the provider received', async () => {
    const png = await noisePng(4.9);
    const before = usedBytes();
    await sendWith(png);
    await sendWith(png);
    const grown = usedBytes() - before;

    const chats = mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats).toHaveLength(2);
    // The second request carries the image twice (the first turn and this one): 3 copies were sent.
    const sentBytes = chats.reduce((sum, r) => sum + r.body.length, 0);
    expect(sentBytes).toBeGreaterThan(3 * 4.9 * MB);
    const blobs = app.services.db.prepare('SELECT size FROM attachment_blobs').all() as { size: number }[];
    expect(blobs).toHaveLength(1);
    // One copy of the image and some change; whole bodies would have added 3 × 6.5 MB of base64.
    expect(grown).toBeLessThan(blobs[0]!.size + 1 * MB);

    // What the window gets (IPC serialises the messages) is the exact bytes on the wire.
    const detail = JSON.parse(JSON.stringify(await app.call('threads:get', { id: app.threadId }))) as {
      messages: Message[];
    };
    const answers = detail.messages.filter((m) => m.role === 'assistant');
    expect(answers).toHaveLength(2);
    answers.forEach((answer, i) => {
      expect(answer.meta).not.toHaveProperty('requestBodyBlobs');
      expect(Buffer.from(answer.meta!.requestBody, 'utf8').equals(chats[i]!.body)).toBe(true);
    });
    // An export carries whole bodies too.
    const exported = await app.call('threads:export', { id: app.threadId, format: 'json' });
    expect(exported.text).toContain(JSON.stringify(chats[1]!.bodyText).slice(1, -1));
    // Each answer holds the blob its body refers to, as the message it was attached to does.
    const held = app.services.db
      .prepare('SELECT COUNT(*) AS n FROM attachment_refs WHERE message_id = ?')
      .get(answers[1]!.id) as { n: number };
    expect(Number(held.n)).toBe(1);
  }, 60_000);

  it('read a body stored whole (before migration 011) as it was', async () => {
    const answer = await sendWith(await noisePng(0.05));
    const whole = mock.requests.filter((r) => r.path.endsWith('/chat/completions'))[0]!.bodyText;
    const meta = { ...answer.meta!, requestBody: whole };
    app.services.db
      .prepare('UPDATE messages SET meta_json = ? WHERE id = ?')
      .run(JSON.stringify(meta), answer.id);
    const detail = await app.call('threads:get', { id: app.threadId });
    expect(detail.messages.find((m) => m.id === answer.id)?.meta?.requestBody).toBe(whole);
  }, 30_000);
});

describe('the preflight', () => {
  it('counts the base64 of a 5 MB image without building it, to the byte Send then sends', async () => {
    const png = await noisePng(4.9);
    const staged = await app.call('attachments:stage', {
      threadId: app.threadId,
      name: 'noise.png',
      dataBase64: png.toString('base64'),
      detail: 'low',
    });
    // Each preflight (one per pause in typing) used to encode the image and serialise it in JSON.
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    const preflight = await app.call('attachments:preflight', {
      threadId: app.threadId,
      content: 'What is this?',
      attachments: [{ id: staged.id }],
    });
    const encoded = toString.mock.calls.filter((_args, i) => {
      const self = toString.mock.contexts[i] as Buffer;
      return _args[0] === 'base64' && self.length > MB;
    });
    toString.mockRestore();
    expect(encoded).toHaveLength(0);

    const sent = await app.call('chat:send', {
      threadId: app.threadId,
      content: 'What is this?',
      attachments: [{ id: staged.id }],
    });
    await app.ended(sent.streamId);
    const wire = mock.requests.filter((r) => r.path.endsWith('/chat/completions'))[0]!;
    expect(preflight.requestBytes).toBe(wire.body.length);
  }, 30_000);
});
