import type { AttachmentLimits, AttachmentRef } from '../contract';
import type { Blob } from './blobStore';
import { ImageRefusal, prepareImage } from './image';
import type { AttachmentReader } from './workerClient';

/** Pages are drawn at most this many pixels on their longest side (then fitted to the provider's limits). */
const PAGE_EDGE = 1600;

const sha256Hex = async (data: Uint8Array): Promise<string> =>
  Buffer.from(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)).toString('hex');

export type DrawnPages =
  | { ok: true; pageImages: NonNullable<AttachmentRef['pageImages']>; blobs: Blob[]; bytes: number }
  | { ok: false; message: string };

/**
 * The first pages of a staged PDF as image blobs: drawn by pdf.js in the attachments worker,
 * then prepared by sharp exactly as an attached image is (the provider's edge and byte limits).
 */
export async function drawPdfPages(
  pdf: Uint8Array,
  reader: AttachmentReader,
  limits: AttachmentLimits,
): Promise<DrawnPages> {
  const reply = await reader.pages(pdf, Math.min(PAGE_EDGE, limits.imageMaxEdge));
  if (!reply.ok) return { ok: false, message: reply.message };
  const pageImages: NonNullable<AttachmentRef['pageImages']> = [];
  const blobs: Blob[] = [];
  let bytes = 0;
  for (const [i, drawn] of reply.images.entries()) {
    try {
      const image = await prepareImage(drawn.png, 'png', {
        maxEdge: limits.imageMaxEdge,
        maxBytes: Math.round(limits.imageMaxMb * 1024 * 1024),
      });
      const sha256 = await sha256Hex(image.data);
      pageImages.push({ sha256, mime: image.mime, bytes: image.data.length, ...image.size });
      blobs.push({ sha256, mime: image.mime, data: image.data });
      bytes += image.data.length;
    } catch (error) {
      if (error instanceof ImageRefusal) return { ok: false, message: `page ${i + 1}: ${error.message}` };
      throw error;
    }
  }
  return { ok: true, pageImages, blobs, bytes };
}
