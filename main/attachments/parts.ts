import type { AttachmentLimits, AttachmentRef, Capabilities, SentAs } from '../contract';
import { imageTokens } from './tokens';
import { fencedFile, pageMarker } from './text';

/** The OpenAI content parts a user message may carry. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail: 'auto' | 'low' | 'high' } }
  | { type: 'file'; file: { filename: string; file_data: string } };

/** What a model can take, as far as attachments go. */
export interface PartCapabilities {
  vision: boolean;
  /** Native `file` parts (PDF). */
  files: boolean;
}

/**
 * Which models read a PDF as a `file` part. No listing says so, so this follows OpenAI's own
 * documentation (GPT-4o and later, the o-series) unless the provider's setting says otherwise.
 */
const FILE_MODELS = /(^|[/:])(gpt-4o|gpt-4\.1|gpt-5|chatgpt-4o|o1|o3|o4)([-.:_/]|$)/i;

export function partCapabilities(
  model: string,
  caps: Capabilities,
  limits: AttachmentLimits,
): PartCapabilities {
  const files =
    limits.fileParts === 'always'
      ? true
      : limits.fileParts === 'never'
        ? false
        : caps.vision && FILE_MODELS.test(model);
  return { vision: caps.vision, files };
}

export interface Decision {
  sentAs: SentAs;
  note: string | null;
  /** The PDF could go as its text or as its pages: the chip offers the choice. */
  pdfChoice?: boolean;
}

/**
 * Whether a PDF goes as images of its pages: only to a model that reads images and not PDF
 * files, when the user picked pages, or by default when it has no text (a scan) to send.
 */
export function wantsPages(ref: AttachmentRef, caps: PartCapabilities): boolean {
  if (ref.kind !== 'pdf' || caps.files || !caps.vision) return false;
  return ref.pdfAs === 'pages' || (ref.pdfAs === undefined && ref.scanned === true);
}

function pagesDecision(ref: AttachmentRef): Decision {
  const pages = ref.pages ?? 0;
  const drawn = ref.pageImages?.length ?? 0;
  if (drawn === 0)
    return { sentAs: 'omitted', note: 'its pages are being drawn as images…', pdfChoice: true };
  const note =
    drawn === pages
      ? `its ${drawn} page${drawn === 1 ? '' : 's'} as images`
      : `pages 1–${drawn} of ${pages} as images; ${drawn + 1}–${pages} left out`;
  return {
    sentAs: 'pages',
    note,
    pdfChoice: true,
  };
}

/** How one attachment goes to this model, or why it does not: the chip and the request both read this. */
export function decide(ref: AttachmentRef, caps: PartCapabilities): Decision {
  const forced = ref.useAnyway === true;
  switch (ref.kind) {
    case 'image':
      if (caps.vision) return { sentAs: 'image', note: null };
      return forced
        ? { sentAs: 'image', note: 'sent although this model does not declare it reads images' }
        : { sentAs: 'omitted', note: 'this model does not read images: it will not be sent' };
    case 'pdf':
      if (caps.files) return { sentAs: 'file', note: 'sent as the PDF itself' };
      if (wantsPages(ref, caps)) return pagesDecision(ref);
      if (ref.scanned) {
        return forced
          ? {
              sentAs: 'file',
              note: 'a scanned PDF sent as a file although this model does not declare it reads PDFs',
            }
          : {
              sentAs: 'omitted',
              note: 'a scanned PDF with no text, and this model does not read PDF files: it will not be sent',
            };
      }
      return {
        sentAs: 'text',
        note: `sent as extracted text, ${ref.pages ?? 0} page${ref.pages === 1 ? '' : 's'} with page markers`,
        ...(caps.vision ? { pdfChoice: true } : {}),
      };
    case 'text':
      return { sentAs: 'text', note: null };
  }
}

/** Tokens the part costs (OpenAI's image formula; a PDF file part as its text plus an image per page). */
export function partTokens(ref: AttachmentRef, sentAs: SentAs): number {
  if (sentAs === 'omitted') return 0;
  if (ref.kind === 'image') {
    const size = ref.size ?? { width: 0, height: 0 };
    return imageTokens(size.width, size.height, ref.detail ?? 'auto');
  }
  if (sentAs === 'pages')
    return (ref.pageImages ?? []).reduce(
      (sum, page) => sum + imageTokens(page.width, page.height, 'auto'),
      0,
    );
  if (ref.kind === 'pdf' && sentAs === 'file')
    return (ref.textTokens ?? 0) + (ref.pages ?? 0) * imageTokens(1024, 1024, 'high');
  return ref.textTokens ?? 0;
}

export type LoadBlob = (sha256: string) => { base64: () => string; text: () => string };

/** A PDF's pages: what they are, then each page's marker and image. */
function pageParts(ref: AttachmentRef, load: LoadBlob): ContentPart[] {
  const pages = ref.pages ?? 0;
  const images = ref.pageImages ?? [];
  const which = images.length === pages ? `its ${pages} pages` : `pages 1–${images.length} of ${pages}`;
  return [
    { type: 'text', text: `${ref.wireName} (PDF): ${which} as images` },
    ...images.flatMap((image, i): ContentPart[] => [
      { type: 'text', text: pageMarker(i + 1, pages) },
      {
        type: 'image_url',
        image_url: { url: `data:${image.mime};base64,${load(image.sha256).base64()}`, detail: 'auto' },
      },
    ]),
  ];
}

/** The wire parts of one attachment, from its stored bytes (none when it is not sent). */
export function wireParts(ref: AttachmentRef, sentAs: SentAs, load: LoadBlob): ContentPart[] {
  const part = wirePart(ref, sentAs, load);
  if (sentAs === 'pages') return pageParts(ref, load);
  return part ? [part] : [];
}

function wirePart(ref: AttachmentRef, sentAs: SentAs, load: LoadBlob): ContentPart | null {
  switch (sentAs) {
    case 'omitted':
    case 'pages':
      return null;
    case 'image':
      return {
        type: 'image_url',
        image_url: {
          url: `data:${ref.mime};base64,${load(ref.sha256).base64()}`,
          detail: ref.detail ?? 'auto',
        },
      };
    case 'file':
      return {
        type: 'file',
        file: {
          filename: ref.wireName,
          file_data: `data:application/pdf;base64,${load(ref.sha256).base64()}`,
        },
      };
    case 'text':
      if (ref.kind === 'pdf' && ref.textSha256) return { type: 'text', text: load(ref.textSha256).text() };
      return { type: 'text', text: fencedFile(ref.wireName, load(ref.sha256).text()) };
  }
}
