import { PDF_PAGE_IMAGES } from '../contract/attachmentLimits';
import type { OpenPdf } from './pdf';
import { PdfRefusal, openPdf } from './pdf';
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

/** A page's drawing in progress, as pdf.js's RenderTask gives it. */
export interface PageDraw {
  promise: Promise<void>;
  cancel(): void;
}

/**
 * What a test may replace: the drawing of a page (one that hangs) and the clock that stops it,
 * which calls `expire` after `ms` and returns how to stop waiting.
 */
export interface DrawOptions {
  draw?: (page: PdfPage, params: Parameters<PdfPage['render']>[0]) => PageDraw;
  deadline?: (ms: number, expire: () => void) => () => void;
}

type PdfPage = Awaited<ReturnType<OpenPdf['doc']['getPage']>>;

const timerDeadline = (ms: number, expire: () => void): (() => void) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

/** The page drawn, or a refusal once the deadline passes (the drawing is cancelled then). */
function drawWithin(
  draw: PageDraw,
  n: number,
  deadline: NonNullable<DrawOptions['deadline']>,
): Promise<void> {
  let stop = (): void => undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    stop = deadline(PAGE_RENDER_MS, () => {
      draw.cancel();
      reject(
        new PdfRefusal(
          `drawing page ${n} of the PDF took over ${PAGE_RENDER_MS / 1000} s and was stopped (a page built to exhaust readers?); send its text instead`,
        ),
      );
    });
  });
  return Promise.race([draw.promise, limit]).finally(() => stop());
}

export async function renderPdfPages(
  bytes: Uint8Array,
  maxEdge: number,
  options: DrawOptions = {},
): Promise<RenderedPages> {
  const { doc, pages, close } = await openPdf(bytes);
  const draw = options.draw ?? ((page, params) => page.render(params));
  const deadline = options.deadline ?? timerDeadline;
  try {
    const factory = (doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
    const images: PageImage[] = [];
    for (let n = 1; n <= Math.min(pages, PDF_PAGE_IMAGES); n++) {
      let page: PdfPage;
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
        type Params = Parameters<PdfPage['render']>[0];
        const drawing = draw(page, {
          canvasContext: entry.context as Params['canvasContext'],
          canvas: entry.canvas as unknown as Params['canvas'],
          viewport,
        });
        await drawWithin(drawing, n, deadline);
        images.push({ png: new Uint8Array(entry.canvas.toBuffer('image/png')), width, height });
      } finally {
        factory.destroy(entry);
        page.cleanup();
      }
    }
    return { pages, images };
  } finally {
    await close();
  }
}

/** The worker's answer to a `pages` request: the pages, or the refusal worded for the chip. */
export async function drawPages(
  id: number,
  bytes: Uint8Array,
  maxEdge: number,
  options: DrawOptions = {},
): Promise<PagesReply> {
  try {
    const drawn = await renderPdfPages(bytes, maxEdge, options);
    return { id, ok: true, pages: drawn.pages, images: drawn.images };
  } catch (error) {
    if (error instanceof PdfRefusal) return { id, ok: false, message: error.message };
    throw error;
  }
}
