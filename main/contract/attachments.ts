import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MESSAGE, PDF_PAGE_IMAGES } from './attachmentLimits';
import { channel } from './define';

export { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MESSAGE, PDF_PAGE_IMAGES } from './attachmentLimits';

export const AttachmentKind = z.enum(['image', 'pdf', 'text']);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

export const ImageDetail = z.enum(['auto', 'low', 'high']);
export type ImageDetail = z.infer<typeof ImageDetail>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One attachment as stored with its message and shown in its chip: what the file was, what was
 * made of it and what it costs. The bytes live in the blob store under `sha256` (and the text
 * extracted from a PDF under `textSha256`).
 */
export const AttachmentRef = z.object({
  sha256: Sha256,
  /** The file's name as it came (hidden characters kept, so the window can show them). */
  name: z.string().max(1024),
  /** The name sent to the provider: control and bidi characters replaced. */
  wireName: z.string().max(255),
  kind: AttachmentKind,
  /** Of the stored bytes: image/jpeg, image/png, image/webp, application/pdf, text/plain. */
  mime: z.string().max(100),
  originalBytes: z.number().int().min(0),
  storedBytes: z.number().int().min(0),
  /** Images: the size before and after downscaling. */
  original: z.object({ width: z.number(), height: z.number() }).optional(),
  size: z.object({ width: z.number(), height: z.number() }).optional(),
  detail: ImageDetail.optional(),
  /** PDFs: pages, the extracted text's blob, whether it had no text at all (scanned). */
  pages: z.number().int().min(0).optional(),
  textSha256: Sha256.optional(),
  textBytes: z.number().int().min(0).optional(),
  scanned: z.boolean().optional(),
  /** PDFs: sent as its text or as images of its pages, where the model reads images but not PDFs. */
  pdfAs: z.enum(['text', 'pages']).optional(),
  /** PDFs sent as pages: the first pages rendered (at most PDF_PAGE_IMAGES), each an image blob. */
  pageImages: z
    .array(
      z.object({
        sha256: Sha256,
        mime: z.string().max(100),
        bytes: z.number().int().min(0),
        width: z.number(),
        height: z.number(),
      }),
    )
    .max(PDF_PAGE_IMAGES)
    .optional(),
  /** Text files: the encoding it was read in. */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be']).optional(),
  /** Tokens of the text this attachment sends (text files, PDF text); images are counted per detail. */
  textTokens: z.number().int().min(0).optional(),
  /** Sent although the model does not declare it can read it ("Use anyway"). */
  useAnyway: z.boolean().optional(),
  /** A small JPEG data URL for images, shown in chips and the conversation. */
  thumbnail: z.string().max(40_000).optional(),
  /** What was done to the file, in words: "location removed", "first frame of an animated GIF". */
  notes: z.array(z.string().max(300)).max(10),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** A file read and prepared in main, waiting in the composer for Send. */
export const StagedAttachment = z.object({ id: z.string(), ref: AttachmentRef });
export type StagedAttachment = z.infer<typeof StagedAttachment>;

/** What the composer sends with a message for each staged file. */
export const AttachmentChoice = z.object({
  id: z.string().min(1).max(100),
  detail: ImageDetail.optional(),
  useAnyway: z.boolean().optional(),
  /** A PDF for a model that reads images but not PDFs: its text (default) or its pages as images. */
  pdfAs: z.enum(['text', 'pages']).optional(),
});
export type AttachmentChoice = z.infer<typeof AttachmentChoice>;

/** How a part goes on the wire, or why it does not. */
export const SentAs = z.enum(['image', 'file', 'text', 'pages', 'omitted']);
export type SentAs = z.infer<typeof SentAs>;

export const PreflightPart = z.object({
  id: z.string(),
  sentAs: SentAs,
  tokens: z.number(),
  /** Bytes this part adds to the request body. */
  bytes: z.number(),
  /** Why it is sent this way or not at all ("this model does not read images"). */
  note: z.string().nullable(),
  /** A PDF that could go either way for this model: the user picks its text or its pages. */
  pdfChoice: z.boolean().optional(),
});
export type PreflightPart = z.infer<typeof PreflightPart>;

export const Preflight = z.object({
  model: z.string(),
  parts: z.array(PreflightPart),
  /** Tokens of the conversation so far, the system prompt and the typed text. */
  textTokens: z.number(),
  attachmentTokens: z.number(),
  contextWindow: z.number().nullable(),
  requestBytes: z.number(),
  requestLimitBytes: z.number(),
  /** Send is refused: what is over and what to do. */
  blocked: z.string().nullable(),
  /** The model is not confidential while an earlier answer in this thread came from one that is. */
  leavesConfidential: z.boolean(),
});
export type Preflight = z.infer<typeof Preflight>;

/** Per provider: what one request may carry, and whether its models read native PDF parts. */
export const AttachmentLimits = z.object({
  requestMb: z.number().min(0.1).max(512),
  imageMaxEdge: z.number().int().min(256).max(8192),
  imageMaxMb: z.number().min(0.1).max(50),
  fileParts: z.enum(['auto', 'always', 'never']),
});
export type AttachmentLimits = z.infer<typeof AttachmentLimits>;

/** OpenAI's documented defaults: 2048 px longest edge for `high`; 20 MB keeps below every gateway we know. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  requestMb: 20,
  imageMaxEdge: 2048,
  imageMaxMb: 5,
  fileParts: 'auto',
};

export const attachmentChannels = {
  /** Reads a file (base64) in main's worker: sniffed, downscaled, stripped, text extracted. */
  'attachments:stage': channel(
    z.object({
      threadId: z.string().min(1),
      name: z.string().max(1024),
      // Bounded by length only: a regex over 40 MB would hold main's thread.
      dataBase64: z.string().max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4),
      detail: ImageDetail.default('auto'),
    }),
    StagedAttachment,
  ),
  /** Forgets a staged file (its chip was removed). */
  'attachments:discard': channel(z.object({ id: z.string() }), z.object({ discarded: z.boolean() })),
  /** What Send would send: tokens and bytes per part against the model's window and the provider's limit. */
  'attachments:preflight': channel(
    z.object({
      threadId: z.string().min(1),
      content: z.string().max(4_000_000),
      parentId: z.string().nullable().optional(),
      attachments: z.array(AttachmentChoice).max(ATTACHMENTS_PER_MESSAGE),
    }),
    Preflight,
  ),
  /** Bytes held for attachments, for the settings screen. */
  'attachments:storage': channel(z.object({}), z.object({ files: z.number(), bytes: z.number() })),
  /**
   * The exact request body an answer was sent with: the window holds it with its files elided
   * (`meta.requestBodyElided`) and asks for it whole only to copy or save it.
   */
  'attachments:requestBody': channel(
    z.object({ messageId: z.string().min(1) }),
    z.object({ body: z.string() }),
  ),
  /** Reads (no `limits`) or sets a provider's attachment limits. */
  'attachments:limits': channel(
    z.object({ providerId: z.string().min(1), limits: AttachmentLimits.partial().optional() }),
    AttachmentLimits,
  ),
};
