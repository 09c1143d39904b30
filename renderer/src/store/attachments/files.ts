import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MESSAGE } from '../../../../main/contract/attachmentLimits';

/** Pure checks on files before a byte is read: the chip says why a file was not added. */

export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

export interface FileLike {
  name: string;
  size: number;
}

/** Why this file cannot be attached without reading it, or null. */
export function refusalBeforeReading(file: FileLike): string | null {
  if (file.size === 0) return 'the file is empty (0 bytes): nothing to attach';
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return `it is ${formatBytes(file.size)}; the largest file you can attach is ${formatBytes(ATTACHMENT_MAX_BYTES)}`;
  }
  return null;
}

/** The files that fit beside `already` chips, and how many were left out. */
export function takeFiles<T>(files: readonly T[], already: number): { taken: T[]; left: number } {
  const room = Math.max(0, ATTACHMENTS_PER_MESSAGE - already);
  return { taken: files.slice(0, room), left: Math.max(0, files.length - room) };
}

export const tooManyNotice = (left: number): string =>
  `${left} file${left === 1 ? ' was' : 's were'} not added: a message takes at most ${ATTACHMENTS_PER_MESSAGE} files.`;

/** A read that failed: Chromium says NotReadableError when the file changed or vanished meanwhile. */
export function readFailure(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotReadableError' || name === 'NotFoundError')
    return 'the file changed or moved while it was being read; attach it again';
  return `it could not be read (${error instanceof Error ? error.message : String(error)})`;
}

/** The file's bytes as base64, encoded off the page's thread by FileReader. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
