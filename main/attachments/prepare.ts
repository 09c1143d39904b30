import type { AttachmentLimits, AttachmentRef, ImageDetail } from '../contract';
import type { Blob } from './blobStore';
import { prepareImage } from './image';
import type { ReadResult } from './protocol';
import { wireName } from './text';

/** A file read by the worker, made ready to stage: its ref (what the chip shows) and its blobs. */
export interface Prepared {
  ref: AttachmentRef;
  blobs: Blob[];
  bytes: number;
}

const sha256Hex = async (data: Uint8Array): Promise<string> =>
  Buffer.from(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)).toString('hex');

export async function prepared(
  result: ReadResult,
  originalBytes: number,
  input: { name: string; detail: ImageDetail },
  limits: AttachmentLimits,
): Promise<Prepared> {
  const base = {
    name: input.name.slice(0, 1024),
    wireName: wireName(input.name).name,
    originalBytes,
    notes: [] as string[],
  };
  switch (result.kind) {
    case 'image': {
      const image = await prepareImage(result.bytes, result.format, {
        maxEdge: limits.imageMaxEdge,
        maxBytes: Math.round(limits.imageMaxMb * 1024 * 1024),
      });
      const sha256 = await sha256Hex(image.data);
      const ref: AttachmentRef = {
        ...base,
        sha256,
        kind: 'image',
        mime: image.mime,
        storedBytes: image.data.length,
        original: image.original,
        size: image.size,
        detail: input.detail,
        thumbnail: image.thumbnail,
        notes: image.notes,
      };
      return { ref, blobs: [{ sha256, mime: image.mime, data: image.data }], bytes: image.data.length };
    }
    case 'pdf': {
      const ref: AttachmentRef = {
        ...base,
        sha256: result.sha256,
        kind: 'pdf',
        mime: 'application/pdf',
        storedBytes: result.bytes.byteLength,
        pages: result.pages,
        textSha256: result.textSha256,
        textBytes: result.text.byteLength,
        scanned: result.scanned,
        textTokens: result.textTokens,
        notes: [
          ...(result.scanned
            ? ['no text found: a scanned PDF? Only a model that reads PDFs or page images can see it']
            : []),
          ...(result.unreadable > 0
            ? [`${result.unreadable} page${result.unreadable === 1 ? '' : 's'} could not be read`]
            : []),
        ],
      };
      const blobs: Blob[] = [
        { sha256: result.sha256, mime: 'application/pdf', data: result.bytes },
        { sha256: result.textSha256, mime: 'text/plain; charset=utf-8', data: result.text },
      ];
      return { ref, blobs, bytes: result.bytes.byteLength + result.text.byteLength };
    }
    case 'text': {
      const ref: AttachmentRef = {
        ...base,
        sha256: result.sha256,
        kind: 'text',
        mime: 'text/plain',
        storedBytes: result.bytes.byteLength,
        encoding: result.encoding,
        textTokens: result.textTokens,
        notes: result.encoding === 'utf-8' ? [] : [`read as ${result.encoding.toUpperCase()}`],
      };
      return {
        ref,
        blobs: [{ sha256: result.sha256, mime: 'text/plain; charset=utf-8', data: result.bytes }],
        bytes: result.bytes.byteLength,
      };
    }
  }
}
