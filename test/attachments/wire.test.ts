import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fencedFile } from '../../main/attachments/text';
import { startApp } from '../support/app';
import { makePdf, textPages } from './support/pdf';
import { photoWithGps } from './support/photo';
import { b64, useMockApp } from './support/mockApp';

/** Each part type's exact bytes on the wire, through the real services, checked against OpenAI's schema. */

const schema: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/openai/chat-completion-request.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema as Record<string, unknown>);

const t = useMockApp();
const { stage, lastChatBody, send: sendAndWait } = t;

describe('attachments on the wire', () => {
  it('sends an image, a PDF file and a text file as OpenAI parts, byte for byte, and stores them once', async () => {
    const photo = await stage('photo.jpg', await photoWithGps(1200, 900), 'high');
    const pdfBytes = makePdf({ pages: textPages(2, 3) });
    const pdf = await stage('report.pdf', pdfBytes);
    const code = await stage('notes\u202Etxt.md', Buffer.from('\ufeff# Notes\nUTF-16 text ✓\n', 'utf16le'));
    expect(photo.ref.notes).toContain('location removed');
    expect(code.ref).toMatchObject({ kind: 'text', encoding: 'utf-16le', wireName: 'notes_txt.md' });

    const ended = await sendAndWait('Look at these', [
      { id: photo.id, detail: 'high' },
      { id: pdf.id },
      { id: code.id },
    ]);

    const body = lastChatBody();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const user = body.messages[body.messages.length - 1];
    const stored = t.app.services.db.prepare('SELECT sha256, data FROM attachment_blobs').all() as {
      sha256: string;
      data: Uint8Array;
    }[];
    const blob = (sha: string) => stored.find((b) => b.sha256 === sha)?.data ?? new Uint8Array();
    expect(user?.content).toEqual([
      { type: 'text', text: 'Look at these' },
      {
        type: 'image_url',
        image_url: { url: `data:image/jpeg;base64,${b64(blob(photo.ref.sha256))}`, detail: 'high' },
      },
      {
        type: 'file',
        file: { filename: 'report.pdf', file_data: `data:application/pdf;base64,${b64(pdfBytes)}` },
      },
      { type: 'text', text: fencedFile('notes_txt.md', '# Notes\nUTF-16 text ✓\n') },
    ]);
    // The mock describes what it received.
    expect(ended.messages[0]?.content).toMatch(
      /^Received 4 parts: text \(13 characters\); image_url \(image\/jpeg, \d+ bytes, detail high\); file \(report\.pdf, application\/pdf, \d+ bytes\); text/,
    );
    // Image, PDF, the PDF's text and the text file: four blobs, each once.
    expect(stored).toHaveLength(4);
  });

  it('sends a PDF as its text with page markers when the model reads no PDF files', async () => {
    await t.app.call('attachments:limits', { providerId: t.app.providerId, limits: { fileParts: 'never' } });
    const pdf = await stage('report.pdf', makePdf({ pages: [['Alpha'], ['Beta']] }));
    const preflight = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: '',
      attachments: [{ id: pdf.id }],
    });
    expect(preflight.parts[0]).toMatchObject({ sentAs: 'text', note: /extracted text, 2 pages/ });

    await sendAndWait('', [{ id: pdf.id }]);

    const body = lastChatBody();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.messages[body.messages.length - 1]?.content).toEqual([
      {
        type: 'text',
        text: 'report.pdf (PDF, 2 pages, text extracted)\n\n--- Page 1 of 2 ---\nAlpha\n\n--- Page 2 of 2 ---\nBeta',
      },
    ]);
  });

  it('blocks a Send over the provider limit before the mock can answer 413, and says what to do', async () => {
    await fetch(`${t.mock.url}/__mock/request-limit`, {
      method: 'POST',
      body: JSON.stringify({ bytes: 100_000 }),
    });
    await t.app.call('attachments:limits', { providerId: t.app.providerId, limits: { requestMb: 0.1 } });
    const big = await stage('big.txt', 'All work and no play. '.repeat(8000));

    const preflight = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'Summarise',
      attachments: [{ id: big.id }],
    });
    expect(preflight.blocked).toMatch(
      /^The request would be 0\.17 MB; Mock takes at most 0\.10 MB\. Remove a file/,
    );
    const refused = await t.app
      .call('chat:send', { threadId: t.app.threadId, content: 'Summarise', attachments: [{ id: big.id }] })
      .catch((error: { appError?: unknown }) => error.appError);
    expect(refused).toMatchObject({ code: 'invalid_request', message: preflight.blocked });
    expect(t.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);

    // Without the preflight's limit the mock would have refused it.
    await t.app.call('attachments:limits', { providerId: t.app.providerId, limits: { requestMb: 20 } });
    const ended = await sendAndWait('Summarise', [{ id: big.id }]);
    expect(t.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
    expect(ended.messages[0]?.errorMessage).toMatch(/413|too large/i);
  });

  it('says an image will not be sent to a model without vision, and sends it after "Use anyway"', async () => {
    await t.app.call('models:setOverride', {
      providerId: t.app.providerId,
      modelId: 'openai/gpt-4o-mini',
      capabilities: { vision: false },
    });
    const photo = await stage('p.png', await photoWithGps(64, 48), 'low');
    const preflight = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'hi',
      attachments: [{ id: photo.id }],
    });
    expect(preflight.parts[0]).toMatchObject({ sentAs: 'omitted', tokens: 0, note: /does not read images/ });
    const anyway = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'hi',
      attachments: [{ id: photo.id, useAnyway: true }],
    });
    expect(anyway.parts[0]).toMatchObject({ sentAs: 'image', tokens: 85 });
  });

  it('removes a blob when the last message that used it is deleted', async () => {
    const text = await stage('a.txt', 'hello attachments');
    await sendAndWait('one', [{ id: text.id }]);
    expect(await t.app.call('attachments:storage', {})).toEqual({ files: 1, bytes: 17 });
    const thread = await t.app.call('threads:get', { id: t.app.threadId });
    const user = thread.messages.find((m) => m.role === 'user');
    expect(user?.attachments?.[0]).toMatchObject({ name: 'a.txt', kind: 'text' });
    await t.app.call('messages:delete', { id: user?.id ?? '' });
    expect(await t.app.call('attachments:storage', {})).toEqual({ files: 0, bytes: 0 });
  });

  it('exports a thread with its files and imports it losslessly; edited bytes are refused', async () => {
    const photo = await stage('p.jpg', await photoWithGps(320, 240), 'low');
    const pdf = await stage('r.pdf', makePdf({ pages: [['Alpha']] }));
    await sendAndWait('files', [{ id: photo.id, detail: 'low' }, { id: pdf.id }]);
    const sentBody = lastChatBody();
    const exported = await t.app.call('threads:export', { id: t.app.threadId, format: 'json' });
    const file = JSON.parse(exported.text) as { attachments: Record<string, { base64: string }> };
    expect(Object.keys(file.attachments)).toHaveLength(3);

    // Into a fresh app: same refs, same bytes, so the same parts go on the wire.
    const other = await startApp(t.mock);
    try {
      const imported = await other.call('threads:import', { text: exported.text });
      const detail = await other.call('threads:get', { id: imported.id });
      const user = detail.messages.find((m) => m.role === 'user');
      const original = (await t.app.call('threads:get', { id: t.app.threadId })).messages.find(
        (m) => m.role === 'user',
      );
      expect(user?.attachments).toEqual(original?.attachments);
      await other.call('threads:update', {
        id: imported.id,
        settings: { providerId: other.providerId, model: 'openai/gpt-4o-mini' },
      });
      const again = await other.call('chat:send', { threadId: imported.id, content: 'again' });
      await other.ended(again.streamId);
      const body = lastChatBody();
      const userParts = (b: typeof body) => b.messages.find((m) => m.role === 'user')?.content;
      expect(userParts(body)).toEqual(userParts(sentBody));

      const [sha] = Object.keys(file.attachments);
      const tampered = JSON.parse(exported.text) as typeof file;
      if (sha)
        tampered.attachments[sha] = {
          ...tampered.attachments[sha],
          base64: Buffer.from('edited').toString('base64'),
        };
      const refused = await other
        .call('threads:import', { text: JSON.stringify(tampered) })
        .catch((error: { appError?: unknown }) => error.appError);
      expect(refused).toMatchObject({ code: 'invalid_request', message: /do not match their SHA-256/ });
    } finally {
      await other.close();
    }
  });

  it('asks first when files would leave a thread that had a confidential answer', async () => {
    await t.app.call('threads:update', { id: t.app.threadId, settings: { model: 'phala/gpt-oss-120b' } });
    await sendAndWait('hello enclave', []);
    const text = await stage('secret.txt', 'private notes');
    const confidential = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'x',
      attachments: [{ id: text.id }],
    });
    expect(confidential.leavesConfidential).toBe(false);
    await t.app.call('threads:update', { id: t.app.threadId, settings: { model: 'openai/gpt-4o-mini' } });
    const leaving = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'x',
      attachments: [{ id: text.id }],
    });
    expect(leaving.leavesConfidential).toBe(true);
  });
});
