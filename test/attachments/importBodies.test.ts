import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyBlob } from '../../main/attachments/requestBodies';
import { expandBody } from '../../main/attachments/requestBodies';
import type { AttachmentRef, Message, ResponseMeta } from '../../main/contract';
import { MESSAGE_DEFAULTS } from '../../main/contract';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../main/threads/importExportFormat';
import type { App } from '../support/app';
import { startApp } from '../support/app';
import { MB, noisePng, useMockApp } from './support/mockApp';

/** An imported thread's request bodies keep attachments as blob references, like sent ones. */

const t = useMockApp();

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes of the database's used pages (the WAL's included: SQLite counts the logical file). */
function usedBytes(app: App): number {
  const one = (pragma: string) =>
    Number(Object.values(app.services.db.prepare(`PRAGMA ${pragma}`).get() as object)[0]);
  return (one('page_count') - one('freelist_count')) * one('page_size');
}

function storedMeta(messageId: string, app: App = t.app): string {
  const row = app.services.db.prepare('SELECT meta_json FROM messages WHERE id = ?').get(messageId) as {
    meta_json: string;
  };
  return row.meta_json;
}

/**
 * The body as a later read rebuilds it from the database alone (the store keeps the last bodies it
 * wrote whole for a while, which would hide a rebuild that differs).
 */
function rebuiltFromStore(messageId: string, app: App = t.app): string {
  const meta = JSON.parse(storedMeta(messageId, app)) as {
    requestBody: string;
    requestBodyBlobs?: BodyBlob[];
  };
  if (!meta.requestBodyBlobs) return meta.requestBody;
  return expandBody(meta.requestBody, meta.requestBodyBlobs, (sha) => {
    const row = app.services.db.prepare('SELECT data FROM attachment_blobs WHERE sha256 = ?').get(sha) as
      { data: Uint8Array } | undefined;
    return row ? Buffer.from(row.data).toString('base64') : null;
  });
}

async function answersOf(threadId: string, app: App = t.app): Promise<Message[]> {
  const detail = await app.call('threads:get', { id: threadId });
  return detail.messages.filter((m) => m.role === 'assistant');
}

const exactBody = async (messageId: string, app: App = t.app): Promise<string> =>
  (await app.call('attachments:requestBody', { messageId })).body;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the same bytes with the last character's unused low bit flipped (when it has one). */
function respell(b64: string): string {
  const padded = b64.endsWith('=');
  if (!padded) return b64;
  const at = b64.replace(/=+$/, '').length - 1;
  const flipped = ALPHABET[ALPHABET.indexOf(b64[at]!) ^ 1]!;
  return `${b64.slice(0, at)}${flipped}${b64.slice(at + 1)}`;
}

describe('an exported thread imported again', () => {
  it('takes one copy of a 5 MB photo, and its answers rebuild the bytes that went on the wire', async () => {
    const staged = await t.stage('noise.png', await noisePng(4.9), 'low');
    await t.send('What is this?', [{ id: staged.id }]);
    await t.send('And now?');
    const wire = t.chatRequests().map((r) => r.bodyText);
    const exported = await t.app.call('threads:export', { id: t.app.threadId, format: 'json' });

    const photoBytes = Number(
      (t.app.services.db.prepare('SELECT size FROM attachment_blobs').get() as { size: number }).size,
    );

    // Into another app, which has never seen the photo: its bodies (3 copies of the photo's base64)
    // keep references to the one blob the import stores.
    const other = await startApp(t.mock);
    try {
      const before = usedBytes(other);
      const imported = await other.call('threads:import', { text: exported.text });
      expect(usedBytes(other) - before).toBeLessThan(photoBytes + 1 * MB);
      const answers = await answersOf(imported.id, other);
      expect(answers).toHaveLength(2);
      for (const [i, answer] of answers.entries()) {
        expect(storedMeta(answer.id, other).length).toBeLessThan(16 * 1024);
        expect(await exactBody(answer.id, other)).toBe(wire[i]);
        expect(rebuiltFromStore(answer.id, other)).toBe(wire[i]);
      }
    } finally {
      await other.close();
    }
  }, 90_000);

  it('rebuilds every body exactly, whatever its files and text (property)', async () => {
    const template = JSON.parse(
      (await t.app.call('threads:export', { id: t.app.threadId, format: 'json' })).text,
    ) as { thread: Record<string, unknown> };
    const file = fc.uint8Array({ minLength: 800, maxLength: 4000 });
    const part = fc.oneof(
      fc.string({ maxLength: 30 }).map((text) => ({ kind: 'text' as const, text })),
      fc.nat(3).map((blob) => ({ kind: 'blob' as const, blob })),
      // The same bytes spelled otherwise (unused low bits of the last character): not the blob's
      // base64, so it must come back as it was, not as the blob's own spelling.
      fc.nat(3).map((blob) => ({ kind: 'respelled' as const, blob })),
      // A payload no message attaches: it stays in the body as it is.
      file.map((bytes) => ({ kind: 'loose' as const, base64: Buffer.from(bytes).toString('base64') })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(file, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(part, { maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        async (files, turns) => {
          const blobs = files.map((bytes) => ({
            bytes,
            sha: sha256(bytes),
            b64: Buffer.from(bytes).toString('base64'),
          }));
          const refs: AttachmentRef[] = blobs.map((b, i) => ({
            sha256: b.sha,
            name: `f${i}.png`,
            wireName: `f${i}.png`,
            kind: 'image',
            mime: 'image/png',
            originalBytes: b.bytes.length,
            storedBytes: b.bytes.length,
            notes: [],
          }));
          const messages: Message[] = [];
          const bodies: string[] = [];
          let parentId: string | null = null;
          for (const [n, parts] of turns.entries()) {
            const content = parts.map((p) =>
              p.kind === 'text'
                ? { type: 'text', text: p.text }
                : {
                    type: 'image_url',
                    image_url: {
                      url: `data:image/png;base64,${p.kind === 'loose' ? p.base64 : p.kind === 'blob' ? blobs[p.blob % blobs.length]!.b64 : respell(blobs[p.blob % blobs.length]!.b64)}`,
                    },
                  },
            );
            const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] });
            bodies.push(body);
            const user: Message = {
              ...MESSAGE_DEFAULTS,
              id: `u${n}`,
              threadId: 'x',
              parentId,
              role: 'user',
              content: `turn ${n}`,
              attachments: n === 0 ? refs : [],
              createdAt: n,
              updatedAt: n,
            };
            const meta: ResponseMeta = {
              requestId: null,
              url: 'https://x.test/v1/chat/completions',
              requestBody: body,
              requestHeaders: {},
              status: 200,
              responseHeaders: {},
              responseSha256: null,
              completionId: null,
              model: 'm',
              systemFingerprint: null,
              serviceTier: null,
              timings: { requestSentAt: null, firstByteAt: null, firstTokenAt: null, endedAt: null },
              droppedFields: [],
              attempts: 1,
            };
            const answer: Message = {
              ...MESSAGE_DEFAULTS,
              id: `a${n}`,
              threadId: 'x',
              parentId: user.id,
              role: 'assistant',
              content: 'ok',
              meta,
              createdAt: n,
              updatedAt: n,
            };
            messages.push(user, answer);
            parentId = answer.id;
          }
          const text = JSON.stringify({
            format: EXPORT_FORMAT,
            version: EXPORT_VERSION,
            exportedAt: 0,
            thread: { ...template.thread, activeLeafId: parentId },
            messages,
            attachments: Object.fromEntries(blobs.map((b) => [b.sha, { mime: 'image/png', base64: b.b64 }])),
          });
          const imported = await t.app.call('threads:import', { text });
          const answers = await answersOf(imported.id);
          expect(answers).toHaveLength(bodies.length);
          for (const [i, answer] of answers.entries()) {
            expect(await exactBody(answer.id)).toBe(bodies[i]);
            expect(rebuiltFromStore(answer.id)).toBe(bodies[i]);
            // Each attached file is held once, as a blob: never in the stored body.
            const stored = storedMeta(answer.id);
            for (const b of blobs) expect(stored.includes(b.b64)).toBe(false);
          }
          // And out again: the same bodies, byte for byte.
          const again = JSON.parse(
            (await t.app.call('threads:export', { id: imported.id, format: 'json' })).text,
          ) as { messages: Message[] };
          expect(
            again.messages.filter((m) => m.role === 'assistant').map((m) => m.meta?.requestBody),
          ).toEqual(bodies);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
