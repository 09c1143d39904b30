import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PDF_PAGE_IMAGES } from '../../main/contract';
import { PdfRefusal } from '../../main/attachments/pdf';
import { PAGE_RENDER_MS, drawPages, renderPdfPages } from '../../main/attachments/pdfPages';
import { imageTokens } from '../../main/attachments/tokens';
import { useMockApp } from './support/mockApp';
import { makePdf, textPages } from './support/pdf';

/** PDFs sent as images of their pages, for a model that reads images but not PDF files. */

async function sizeOf(png: Uint8Array): Promise<{ width: number; height: number }> {
  const meta = await sharp(png).metadata();
  return { width: meta.width, height: meta.height };
}

describe('drawing pages', () => {
  it('draws each page at the longest edge asked for, with its text visible', async () => {
    const drawn = await renderPdfPages(makePdf({ pages: textPages(3, 10) }), 800);
    expect(drawn.pages).toBe(3);
    expect(drawn.images).toHaveLength(3);
    for (const image of drawn.images) {
      expect(await sizeOf(image.png)).toEqual({ width: image.width, height: image.height });
      expect(Math.max(image.width, image.height)).toBe(800);
      // A letter page: 612 × 792 points.
      expect(image.width).toBe(Math.round((800 * 612) / 792));
    }
    // Text was drawn: the page is not one flat colour.
    const stats = await sharp(drawn.images[0]!.png).stats();
    expect(stats.channels[0]!.min).toBeLessThan(100);
    expect(stats.channels[0]!.max).toBeGreaterThan(200);
  }, 60_000);

  it(`draws the first ${PDF_PAGE_IMAGES} pages of a longer PDF and counts them all`, async () => {
    const drawn = await renderPdfPages(makePdf({ pages: textPages(PDF_PAGE_IMAGES + 5, 2) }), 200);
    expect(drawn.pages).toBe(PDF_PAGE_IMAGES + 5);
    expect(drawn.images).toHaveLength(PDF_PAGE_IMAGES);
  }, 60_000);

  it('draws a page that claims to be 200,000 points wide no larger than any other', async () => {
    const drawn = await renderPdfPages(
      makePdf({ pages: textPages(1, 2), firstPageSize: [200_000, 100] }),
      600,
    );
    const image = drawn.images[0]!;
    expect(await sizeOf(image.png)).toEqual({ width: 600, height: 1 });
  }, 60_000);

  it('refuses, saying why, a page-count bomb and a nesting bomb', async () => {
    const refusal = (bytes: Uint8Array) =>
      renderPdfPages(bytes, 400).then(
        () => 'drawn',
        (error: unknown) => (error instanceof PdfRefusal ? error.message : `crashed: ${String(error)}`),
      );
    expect(await refusal(makePdf({ pages: textPages(1), declaredCount: 100_000 }))).toMatch(
      /has 100,000 pages; the most read is 2,000/,
    );
    expect(await refusal(makePdf({ pages: textPages(1), nesting: 100_000 }))).toMatch(
      /nested too deeply|could not be read|PDF bomb/,
    );
  }, 60_000);
});

describe('a page that never finishes drawing', () => {
  it('is stopped at the 15 s limit with the reason the chip shows, and its drawing cancelled', async () => {
    const limits: number[] = [];
    let cancelled = 0;
    const reply = await drawPages(7, makePdf({ pages: textPages(2, 3) }), 400, {
      // A draw that hangs, and a limit that runs out at once: nothing waits 15 s.
      draw: () => ({ promise: new Promise<never>(() => undefined), cancel: () => cancelled++ }),
      deadline: (ms, expire) => {
        limits.push(ms);
        queueMicrotask(expire);
        return () => undefined;
      },
    });
    expect(reply).toEqual({
      id: 7,
      ok: false,
      message:
        'drawing page 1 of the PDF took over 15 s and was stopped (a page built to exhaust readers?); send its text instead',
    });
    expect(limits).toEqual([PAGE_RENDER_MS]);
    expect(PAGE_RENDER_MS).toBe(15_000);
    expect(cancelled).toBe(1);
  }, 30_000);
});

// A model that reads images but not PDF files.
const t = useMockApp(async (app) => {
  await app.call('attachments:limits', { providerId: app.providerId, limits: { fileParts: 'never' } });
});

describe('a PDF as pages, through the app', () => {
  it('offers text or pages, counts the pages as images, and sends each after its marker', async () => {
    const staged = await t.app.call('attachments:stage', {
      threadId: t.app.threadId,
      name: 'report.pdf',
      dataBase64: Buffer.from(makePdf({ pages: textPages(2, 5) })).toString('base64'),
      detail: 'auto',
    });
    const asText = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'Summarise',
      attachments: [{ id: staged.id }],
    });
    expect(asText.parts[0]).toMatchObject({ sentAs: 'text', pdfChoice: true });

    const choice = [{ id: staged.id, pdfAs: 'pages' as const }];
    const asPages = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: 'Summarise',
      attachments: choice,
    });
    const part = asPages.parts[0]!;
    expect(part).toMatchObject({ sentAs: 'pages', pdfChoice: true, note: 'its 2 pages as images' });
    expect(asPages.blocked).toBeNull();

    const sent = await t.app.call('chat:send', {
      threadId: t.app.threadId,
      content: 'Summarise',
      attachments: choice,
    });
    await t.app.ended(sent.streamId);
    const wire = t.mock.requests.filter((r) => r.path.endsWith('/chat/completions'))[0]!;
    const body = JSON.parse(wire.bodyText) as { messages: { content: unknown }[] };
    const content = body.messages[body.messages.length - 1]!.content as {
      type: string;
      text?: string;
      image_url?: { url: string };
    }[];
    expect(content.map((c) => c.text ?? c.type)).toEqual([
      'Summarise',
      'report.pdf (PDF): its 2 pages as images',
      '--- Page 1 of 2 ---',
      'image_url',
      '--- Page 2 of 2 ---',
      'image_url',
    ]);
    const pages = await Promise.all(
      content
        .filter((c) => c.type === 'image_url')
        .map((c) => sizeOf(Buffer.from(c.image_url!.url.split(',')[1]!, 'base64'))),
    );
    expect(part.tokens).toBe(pages.reduce((sum, p) => sum + imageTokens(p.width, p.height, 'auto'), 0));
    expect(asPages.requestBytes).toBe(wire.body.length);
    // The pages are kept with the message: the blob store holds the PDF, its text and its 2 pages.
    const blobs = t.app.services.db.prepare('SELECT COUNT(*) AS n FROM attachment_refs').get() as {
      n: number;
    };
    expect(Number(blobs.n)).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('sends a scanned PDF, which has no text, as its pages without being asked', async () => {
    const scan = await t.app.call('attachments:stage', {
      threadId: t.app.threadId,
      name: 'scan.pdf',
      dataBase64: Buffer.from(makePdf({ pages: [[]] })).toString('base64'),
      detail: 'auto',
    });
    const preflight = await t.app.call('attachments:preflight', {
      threadId: t.app.threadId,
      content: '',
      attachments: [{ id: scan.id }],
    });
    expect(preflight.parts[0]).toMatchObject({ sentAs: 'pages', note: 'its 1 page as images' });
    expect(preflight.parts[0]!.tokens).toBeGreaterThan(0);
    expect(preflight.blocked).toBeNull();
  }, 60_000);
});
