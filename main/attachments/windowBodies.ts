import { createHash } from 'node:crypto';
import type { Message, ResponseMeta, StreamEvent } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { BodyBlob } from './requestBodies';
import { compactFormOf } from './requestBodies';

/**
 * What the window is sent of an answer's request body. Every answer keeps the exact body it was
 * sent with, and every request of a thread repeats each earlier file's base64: a thread with a
 * 5 MB photo carried megabytes to the window with each `ended` event and each `threads:get`,
 * structured-cloned on main's thread and parsed on the window's. The window gets the body with
 * each file's base64 replaced by its size and SHA-256 (what the inspector shows anyway) and asks
 * for the exact body (`attachments:requestBody`) only to copy or save it.
 */

/** Bodies up to this size go whole: curl inlines them and no one waits for them (renderer's CURL_INLINE_MAX_BYTES). */
export const WINDOW_BODY_MAX = 256 * 1024;
/** Shorter payloads are shown as they are (the inspector elides from this length, elide.ts). */
const MIN_ELIDED = 256;
const MARK = ';base64,';
const MIME = /^[a-z0-9.+/-]{1,100}$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Elided = NonNullable<ResponseMeta['requestBodyElided']>['files'][number];

/** How a payload is shown: the same words the inspector used when it elided bodies itself. */
const marker = (file: Elided): string =>
  `…${file.bytes.toLocaleString('en-US')} bytes, SHA-256 ${file.sha256}…`;

const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/** The MIME type of the data URL whose `;base64,` mark sits at `mark`, or null when it is not one. */
function mimeBefore(text: string, mark: number): string | null {
  const start = text.lastIndexOf('data:', mark);
  if (start === -1) return null;
  const mime = text.slice(start + 5, mark);
  return MIME.test(mime) ? mime : null;
}

/** `text` with each long data URL still in it elided, its hash computed (bodies stored whole). */
function elideInline(text: string, files: Elided[]): string {
  const pieces: string[] = [];
  let from = 0;
  let mark = text.indexOf(MARK);
  while (mark !== -1) {
    const start = mark + MARK.length;
    // A data URL in JSON ends at the string's closing quote; base64 never needs escaping.
    const end = text.indexOf('"', start);
    if (end === -1) break;
    const mime = mimeBefore(text, mark);
    const payload = end - start >= MIN_ELIDED && mime ? text.slice(start, end) : null;
    if (payload !== null && mime !== null && BASE64.test(payload)) {
      const data = Buffer.from(payload, 'base64');
      const file = { mime, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
      files.push(file);
      pieces.push(text.slice(from, start), marker(file));
      from = end;
    }
    mark = text.indexOf(MARK, end);
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** The window's form of a stored (compact) body: blobs are named by the hash they are stored under. */
function elideCompact(
  compact: string,
  blobs: readonly BodyBlob[],
  sizeOf: (sha256: string) => number | null,
): { shown: string; files: Elided[]; bytes: number } | null {
  const files: Elided[] = [];
  const pieces: string[] = [];
  let bytes = 0;
  let from = 0;
  for (const blob of blobs) {
    const size = sizeOf(blob.sha256);
    // A blob gone from a damaged database: the exact body says so; the window gets it whole.
    if (size === null) return null;
    bytes += base64Length(size);
    pieces.push(elideInline(compact.slice(from, blob.at), files));
    const file = {
      mime: mimeBefore(compact, blob.at - MARK.length) ?? 'application/octet-stream',
      bytes: size,
      sha256: blob.sha256,
    };
    files.push(file);
    pieces.push(marker(file));
    from = blob.at;
  }
  pieces.push(elideInline(compact.slice(from), files));
  return { shown: pieces.join(''), files, bytes: bytes + Buffer.byteLength(compact) };
}

/** `meta` as the window gets it: a large body with its files elided, anything else unchanged. */
export function metaForWindow(meta: ResponseMeta, sizeOf: (sha256: string) => number | null): ResponseMeta {
  const compact = compactFormOf(meta);
  if (compact) {
    const elided = elideCompact(compact.body, compact.blobs, sizeOf);
    if (elided && elided.bytes > WINDOW_BODY_MAX) {
      return {
        ...withoutBody(meta),
        requestBody: elided.shown,
        requestBodyElided: { bytes: elided.bytes, files: elided.files },
      };
    }
  }
  const body = meta.requestBody;
  if (body.length <= WINDOW_BODY_MAX / 3 || Buffer.byteLength(body) <= WINDOW_BODY_MAX) return meta;
  const files: Elided[] = [];
  const shown = elideInline(body, files);
  if (files.length === 0) return meta;
  return {
    ...withoutBody(meta),
    requestBody: shown,
    requestBodyElided: { bytes: Buffer.byteLength(body), files },
  };
}

/** The meta's fields but its body: spreading it whole would rebuild the body (a getter, requestBodies.ts). */
function withoutBody(meta: ResponseMeta): Omit<ResponseMeta, 'requestBody'> {
  const out: Partial<ResponseMeta> = {};
  for (const key of Object.keys(meta) as (keyof ResponseMeta)[]) {
    if (key !== 'requestBody') Object.assign(out, { [key]: meta[key] });
  }
  return out as Omit<ResponseMeta, 'requestBody'>;
}

export function messageForWindow<M extends Message>(
  message: M,
  sizeOf: (sha256: string) => number | null,
): M {
  return message.meta ? { ...message, meta: metaForWindow(message.meta, sizeOf) } : message;
}

/**
 * The sink the chat engine's events reach the window through: stream events carry their
 * messages as the window gets them. Whatever watches events before this (attestation) still
 * sees the exact bodies.
 */
export function windowEvents(sink: EventSink, sizeOf: (sha256: string) => number | null): EventSink {
  return {
    broadcast: (event, payload) => sink.broadcast(event, payload),
    toSender: (senderId, event, payload) => {
      if (event !== 'chat:stream') return sink.toSender(senderId, event, payload);
      const stream = payload as StreamEvent;
      if (stream.type !== 'started' && stream.type !== 'ended')
        return sink.toSender(senderId, event, payload);
      const messages = stream.messages.map((m) => messageForWindow(m, sizeOf));
      sink.toSender(senderId, 'chat:stream', { ...stream, messages });
    },
  };
}
