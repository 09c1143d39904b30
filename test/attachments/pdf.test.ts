import { describe, expect, it } from 'vitest';
import { PDF_LIMITS, PdfRefusal, extractPdfText } from '../../main/attachments/pdf';
import { makePdf, textPages } from './support/pdf';

describe('PDF text, page by page', () => {
  it('puts a marker before each page, with the text of that page after it', async () => {
    const pdf = makePdf({ pages: [['First page, (with) brackets'], ['Second page'], ['Third']] });
    const out = await extractPdfText(pdf);
    expect(out).toMatchObject({ pages: 3, scanned: false, unreadable: 0 });
    expect(out.text).toBe(
      '--- Page 1 of 3 ---\nFirst page, (with) brackets\n\n--- Page 2 of 3 ---\nSecond page\n\n--- Page 3 of 3 ---\nThird',
    );
  });

  it('says a PDF without any text is a scan instead of sending nothing', async () => {
    const out = await extractPdfText(makePdf({ pages: [[], []] }));
    expect(out).toMatchObject({ pages: 2, scanned: true });
  });

  it('refuses a password-protected PDF with what to do', async () => {
    const pdf = makePdf({ pages: textPages(1, 2), encrypted: true });
    await expect(extractPdfText(pdf)).rejects.toThrow(
      /password-protected; open it, save a copy without a password/,
    );
  });

  it('refuses a page-count bomb before reading its pages', async () => {
    const pdf = makePdf({ pages: textPages(1, 1), declaredCount: PDF_LIMITS.maxPages + 1 });
    expect(pdf.length).toBeLessThan(60_000);
    await expect(extractPdfText(pdf)).rejects.toThrow(/has 2,001 pages; the most read is 2,000/);
  });

  it('refuses a deeply nested PDF that no page of could be read', async () => {
    const pdf = makePdf({ pages: textPages(1, 1), nesting: 200_000 });
    await expect(extractPdfText(pdf)).rejects.toThrow(PdfRefusal);
  });

  it('stops reading when the time budget runs out', async () => {
    let clock = 0;
    const now = () => (clock += PDF_LIMITS.maxMs / 2 + 1);
    await expect(extractPdfText(makePdf({ pages: textPages(3, 1) }), now)).rejects.toThrow(/took over 60 s/);
  });

  it('refuses bytes that are not a PDF structure', async () => {
    await expect(extractPdfText(Buffer.from('%PDF-1.4\nnothing here'))).rejects.toThrow(
      /damaged or not really a PDF/,
    );
  });
});
