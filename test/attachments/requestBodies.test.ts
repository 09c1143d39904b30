import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { BodyBlobSource } from '../../main/attachments/requestBodies';
import { compactBody, expandBody, requestBodyCodec } from '../../main/attachments/requestBodies';
import type { Message, ResponseMeta } from '../../main/contract';
import { MB, noisePng, useMockApp } from './support/mockApp';

/** Stored request bodies refer to attachment blobs instead of repeating their base64. */

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

  it('read back as they were sent when two differ only in their photo', () => {
    // "What is this?" with one photo, then with another: the same stored text twice, told apart
    // only by the blob each refers to (found by the import property test of importBodies).
    const photos = new Map([
      ['a'.repeat(64), randomBytes(1200).toString('base64')],
      ['b'.repeat(64), randomBytes(900).toString('base64')],
    ]);
    const codec = requestBodyCodec({
      recent: () => photos.entries(),
      stored: (sha) => photos.has(sha),
      base64: (sha) => photos.get(sha) ?? null,
    });
    const bodies = [...photos.values()].map(
      (b64) => `{"messages":[{"content":"What is this?","url":"data:image/png;base64,${b64}"}]}`,
    );
    const stored = bodies.map((requestBody) => codec.stored({ requestBody } as ResponseMeta) as ResponseMeta);
    expect(stored[0]!.requestBody).toBe(stored[1]!.requestBody);
    expect(stored.map((s) => codec.read(s).requestBody)).toEqual(bodies);
  });
});

const t = useMockApp();

/** Bytes of the database's used pages (the WAL's included: SQLite counts the logical file). */
function usedBytes(): number {
  const one = (pragma: string) =>
    Number(Object.values(t.app.services.db.prepare(`PRAGMA ${pragma}`).get() as object)[0]);
  return (one('page_count') - one('freelist_count')) * one('page_size');
}

async function sendWith(png: Buffer): Promise<Message> {
  const staged = await t.stage('noise.png', png, 'low');
  const ended = await t.send('What is this?', [{ id: staged.id }]);
  return ended.messages[0]!;
}

describe('stored request bodies', () => {
  it('hold a 5 MB image sent twice once, and rebuild the bytes the provider received', async () => {
    const png = await noisePng(4.9);
    const before = usedBytes();
    await sendWith(png);
    await sendWith(png);
    const grown = usedBytes() - before;

    const chats = t.chatRequests();
    expect(chats).toHaveLength(2);
    // The second request carries the image twice (the first turn and this one): 3 copies were sent.
    const sentBytes = chats.reduce((sum, r) => sum + r.body.length, 0);
    expect(sentBytes).toBeGreaterThan(3 * 4.9 * MB);
    const blobs = t.app.services.db.prepare('SELECT size FROM attachment_blobs').all() as { size: number }[];
    expect(blobs).toHaveLength(1);
    // One copy of the image and some change; whole bodies would have added 3 × 6.5 MB of base64.
    expect(grown).toBeLessThan(blobs[0]!.size + 1 * MB);

    // What the inspector copies is the exact bytes on the wire (the window holds them elided).
    const detail = await t.app.call('threads:get', { id: t.app.threadId });
    const answers = detail.messages.filter((m) => m.role === 'assistant');
    expect(answers).toHaveLength(2);
    for (const [i, answer] of answers.entries()) {
      expect(answer.meta).not.toHaveProperty('requestBodyBlobs');
      const exact = await t.app.call('attachments:requestBody', { messageId: answer.id });
      expect(Buffer.from(exact.body, 'utf8').equals(chats[i]!.body)).toBe(true);
    }
    // An export carries whole bodies.
    const exported = await t.app.call('threads:export', { id: t.app.threadId, format: 'json' });
    expect(exported.text).toContain(JSON.stringify(chats[1]!.bodyText).slice(1, -1));
    // Each answer holds the blob its body refers to, as the message it was attached to does.
    const held = t.app.services.db
      .prepare('SELECT COUNT(*) AS n FROM attachment_refs WHERE message_id = ?')
      .get(answers[1]!.id) as { n: number };
    expect(Number(held.n)).toBe(1);
  }, 60_000);

  it('read a body stored whole (before migration 011) as it was', async () => {
    const answer = await sendWith(await noisePng(0.05));
    const whole = t.chatRequests()[0]!.bodyText;
    const meta = { ...answer.meta!, requestBody: whole };
    t.app.services.db
      .prepare('UPDATE messages SET meta_json = ? WHERE id = ?')
      .run(JSON.stringify(meta), answer.id);
    const detail = await t.app.call('threads:get', { id: t.app.threadId });
    expect(detail.messages.find((m) => m.id === answer.id)?.meta?.requestBody).toBe(whole);
  }, 30_000);
});

describe('the preflight', () => {
  it('counts the base64 of a 5 MB image without building it, to the byte Send then sends', async () => {
    const png = await noisePng(4.9);
    const staged = await t.stage('noise.png', png, 'low');
    // Each preflight (one per pause in typing) used to encode the image and serialise it in JSON.
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    const preflight = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'What is this?',
      attachments: [{ id: staged.id }],
    });
    const encoded = toString.mock.calls.filter((_args, i) => {
      const self = toString.mock.contexts[i] as Buffer;
      return _args[0] === 'base64' && self.length > MB;
    });
    toString.mockRestore();
    expect(encoded).toHaveLength(0);

    await t.send('What is this?', [{ id: staged.id }]);
    const wire = t.chatRequests()[0]!;
    expect(preflight.requestBytes).toBe(wire.body.length);
  }, 30_000);
});
