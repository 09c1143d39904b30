import { createHash } from 'node:crypto';
import type { Message } from '../contract';
import { AppFailure } from '../contract';
import type { Blob } from './blobStore';

/** The blob store as thread export and import use it. */
export interface AttachmentBlobs {
  get(sha256: string): Blob | null;
  put(blobs: readonly Blob[]): void;
}

/** An exported file's bytes, keyed by SHA-256, so an import is lossless. */
export type ExportedBlobs = Record<string, { mime: string; base64: string }>;

function hashesOf(messages: readonly Message[]): Set<string> {
  const hashes = new Set<string>();
  for (const message of messages) {
    for (const ref of message.attachments ?? []) {
      hashes.add(ref.sha256);
      if (ref.textSha256) hashes.add(ref.textSha256);
      for (const page of ref.pageImages ?? []) hashes.add(page.sha256);
    }
  }
  return hashes;
}

/** Every blob the messages use, for the export file. */
export function exportBlobs(messages: readonly Message[], store: AttachmentBlobs): ExportedBlobs | undefined {
  const hashes = hashesOf(messages);
  if (hashes.size === 0) return undefined;
  const out: ExportedBlobs = {};
  for (const sha256 of hashes) {
    const blob = store.get(sha256);
    if (blob) out[sha256] = { mime: blob.mime, base64: Buffer.from(blob.data).toString('base64') };
  }
  return out;
}

/**
 * Stores the blobs an imported thread's messages use, each checked against its hash: a file
 * whose bytes were edited or are missing is refused, not imported with a broken attachment.
 */
export function importBlobs(
  messages: readonly Message[],
  blobs: ExportedBlobs | undefined,
  store: AttachmentBlobs,
): void {
  const put: Blob[] = [];
  for (const sha256 of hashesOf(messages)) {
    const exported = blobs?.[sha256];
    if (!exported) {
      if (store.get(sha256)) continue;
      throw new AppFailure(
        'invalid_request',
        `The file lacks the bytes of an attachment (${sha256.slice(0, 12)}…).`,
      );
    }
    const data = new Uint8Array(Buffer.from(exported.base64, 'base64'));
    if (createHash('sha256').update(data).digest('hex') !== sha256) {
      throw new AppFailure(
        'invalid_request',
        `An attachment's bytes do not match their SHA-256 (${sha256.slice(0, 12)}…): the file was changed.`,
      );
    }
    put.push({ sha256, mime: exported.mime.slice(0, 100), data });
  }
  store.put(put);
}
