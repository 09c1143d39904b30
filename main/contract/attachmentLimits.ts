// Zod-free, so the window can check sizes without the attachment schemas in its first bundle.
/** The largest file the app reads (bytes); OpenAI's own per-file limit for PDFs is 32 MB too. */
export const ATTACHMENT_MAX_BYTES = 32 * 1024 * 1024;
/** Files one message may carry. */
export const ATTACHMENTS_PER_MESSAGE = 20;
/** At most this many pages of a PDF go as images (each costs about what a photo does). */
export const PDF_PAGE_IMAGES = 20;
