import { PDF_PAGE_IMAGES } from '../contract/attachmentLimits';
import { PDF_LIMITS, PdfRefusal, describeLoadError, loadPdfJs } from './pdf';
import type { PagesReply } from './protocol';

/**
 * Pages of a PDF drawn as images, for a model that reads images but not PDF files: pdf.js draws
 * each page on a canvas (@napi-rs/canvas, which pdf.js uses in Node) in the attachments worker,
 * and main then treats each PNG as an attached image (sharp: limits, re-encoding). Only the first
 * PDF_PAGE_IMAGES pages are drawn; a page is drawn at most `maxEdge` pixels on its longest side
 * whatever size it claims, so a page 200 inches wide costs what a letter page does.
 */

export interface PageImage {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface RenderedPages {
  /** Pages in the document. */
  pages: number;
  /** The first min(pages, PDF_PAGE_IMAGES) pages. */
  images: PageImage[];
}

/** A page taking longer than this to draw is refused (a page built to exhaust renderers). */
export const PAGE_RENDER_MS = 15_000;

interface CanvasLike {
  toBuffer(mime: 'image/png'): Buffer;
}
interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: CanvasLike; context: unknown };
  destroy(entry: { canvas: CanvasLike; context: unknown }): void;
}

function timeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new PdfRefusal(message));
    }, ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export async function renderPdfPages(bytes: Uint8Array, maxEdge: number): Promise<RenderedPages> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    describeLoadError(error);
  }
  try {
    const pages = doc.numPages;
    if (pages > PDF_LIMITS.maxPages) {
      throw new PdfRefusal(
        `the PDF has ${pages.toLocaleString('en-US')} pages; the most read is ${PDF_LIMITS.maxPages.toLocaleString('en-US')}. Attach the pages you need (print them to a new PDF)`,
      );
    }
    const factory = (doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
    const images: PageImage[] = [];
    for (let n = 1; n <= Math.min(pages, PDF_PAGE_IMAGES); n++) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      try {
        page = await doc.getPage(n);
      } catch (error) {
        if (error instanceof RangeError)
          throw new PdfRefusal(`page ${n} of the PDF is nested too deeply to draw safely (a “PDF bomb”?)`);
        throw new PdfRefusal(`page ${n} of the PDF could not be read, so its pages cannot be sent as images`);
      }
      const base = page.getViewport({ scale: 1 });
      const longest = Math.max(base.width, base.height);
      if (!Number.isFinite(longest) || longest < 1)
        throw new PdfRefusal(
          `page ${n} of the PDF has no size (its MediaBox is empty), so it cannot be drawn`,
        );
      const viewport = page.getViewport({ scale: maxEdge / longest });
      const width = Math.max(1, Math.round(viewport.width));
      const height = Math.max(1, Math.round(viewport.height));
      const entry = factory.create(width, height);
      try {
        // Main's tsconfig has no DOM types: pdf.js's parameter types are taken from its own signature.
        type Params = Parameters<typeof page.render>[0];
        const render = page.render({
          canvasContext: entry.context as Params['canvasContext'],
          canvas: entry.canvas as unknown as Params['canvas'],
          viewport,
        });
        await timeout(
          render.promise,
          PAGE_RENDER_MS,
          () => render.cancel(),
          `drawing page ${n} of the PDF took over ${PAGE_RENDER_MS / 1000} s and was stopped (a page built to exhaust readers?); send its text instead`,
        );
        images.push({ png: new Uint8Array(entry.canvas.toBuffer('image/png')), width, height });
      } finally {
        factory.destroy(entry);
        page.cleanup();
      }
    }
    return { pages, images };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** The worker's answer to a `pages` request: the pages, or the refusal worded for the chip. */
export async function drawPages(id: number, bytes: Uint8Array, maxEdge: number): Promise<PagesReply> {
  try {
    const drawn = await renderPdfPages(bytes, maxEdge);
    return { id, ok: true, pages: drawn.pages, images: drawn.images };
  } catch (error) {
    if (error instanceof PdfRefusal) return { id, ok: false, message: error.message };
    throw error;
  }
}
