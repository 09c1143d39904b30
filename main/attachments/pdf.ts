import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageMarker } from './text';

/**
 * Text of a PDF, page by page, with pdf.js (Mozilla's reader, the legacy build for Node). Runs
 * in the attachments worker only: parsing is synchronous JavaScript that would hold main's
 * event loop for seconds on a long document.
 */

/** Bounds against PDF bombs: more pages or text than this is refused, not read for minutes. */
export const PDF_LIMITS = { maxPages: 2000, maxChars: 8_000_000, maxMs: 60_000 } as const;

export interface PdfText {
  pages: number;
  /** Every page after its marker, pages separated by a blank line. */
  text: string;
  /** No page had text: a scan, which only OCR or a vision model could read. */
  scanned: boolean;
  /** Pages pdf.js could not parse (marked in the text, said in the chip). */
  unreadable: number;
}

/** A refusal worded for the chip. */
export class PdfRefusal extends Error {}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
export const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function pageText(items: readonly TextItemLike[]): string {
  let out = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

export function describeLoadError(error: unknown): never {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException')
    throw new PdfRefusal(
      'the PDF is password-protected; open it, save a copy without a password and attach that',
    );
  if (name === 'InvalidPDFException')
    throw new PdfRefusal('the PDF is damaged or not really a PDF (no readable structure)');
  if (error instanceof RangeError)
    throw new PdfRefusal('the PDF is built too deeply nested to read safely (a “PDF bomb”?)');
  throw new PdfRefusal(
    `the PDF could not be read (${error instanceof Error ? error.message : String(error)})`,
  );
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** An open document: its page count, checked against PDF_LIMITS, and how to let it go. */
export interface OpenPdf {
  doc: PdfDocument;
  pages: number;
  close(): Promise<void>;
}

/**
 * Opens a PDF with pdf.js, refusing with the reason what cannot be read (password, damage,
 * nesting) or has more pages than are ever read. The caller closes it (`finally`).
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const lib = await loadPdfJs();
  // pdf.js may take ownership of the buffer it is given: it gets a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const close = () => task.destroy().catch(() => undefined);
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (error) {
    await close();
    describeLoadError(error);
  }
  const pages = doc.numPages;
  if (pages > PDF_LIMITS.maxPages) {
    await close();
    throw new PdfRefusal(
      `the PDF has ${pages.toLocaleString('en-US')} pages; the most read is ${PDF_LIMITS.maxPages.toLocaleString('en-US')}. Attach the pages you need (print them to a new PDF)`,
    );
  }
  return { doc, pages, close };
}

/** Extracts the text of every page; `now` lets a test run out of time without waiting. */
export async function extractPdfText(bytes: Uint8Array, now: () => number = Date.now): Promise<PdfText> {
  const started = now();
  const { doc, pages, close } = await openPdf(bytes);
  try {
    const parts: string[] = [];
    let chars = 0;
    let withText = 0;
    let unreadable = 0;
    for (let n = 1; n <= pages; n++) {
      if (now() - started > PDF_LIMITS.maxMs) {
        throw new PdfRefusal(
          `reading the PDF took over ${PDF_LIMITS.maxMs / 1000} s (stopped at page ${n} of ${pages})`,
        );
      }
      let text: string;
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        text = pageText(content.items as TextItemLike[]);
        page.cleanup();
      } catch (error) {
        if (error instanceof RangeError)
          throw new PdfRefusal(`page ${n} of the PDF is nested too deeply to read safely (a “PDF bomb”?)`);
        unreadable++;
        text = `[page ${n} could not be read]`;
      }
      if (text.replace(/\s/g, '').length > 0 && !text.startsWith('[page ')) withText++;
      chars += text.length;
      if (chars > PDF_LIMITS.maxChars) {
        throw new PdfRefusal(
          `the PDF's text passes ${PDF_LIMITS.maxChars.toLocaleString('en-US')} characters by page ${n}; attach fewer pages`,
        );
      }
      parts.push(`${pageMarker(n, pages)}\n${text}`);
    }
    if (pages > 0 && unreadable === pages) {
      throw new PdfRefusal(
        'no page of the PDF could be read: damaged, or built to exhaust readers (a “PDF bomb”?)',
      );
    }
    return { pages, text: parts.join('\n\n'), scanned: pages > 0 && withText === 0, unreadable };
  } finally {
    await close();
  }
}
