import type { ResponseMeta } from '../contract';
import type { MetaCodec } from '../threads/rows';

/**
 * Every answer stores the exact request it was sent with, and every request of a thread repeats
 * the base64 of each file earlier in it: ten turns after a 5 MB photo, the database held it ten
 * times over. The stored body keeps, instead of each payload, where it was and the SHA-256 of the
 * blob it is the base64 of; reading the message rebuilds the exact bytes. A payload is only taken
 * out when it is character for character the base64 of a stored blob, so rebuilding is exact by
 * construction, and a body with anything else in it is stored as it is.
 */

/** One payload taken out of a stored body: its offset in the stored text and whose bytes it was. */
export interface BodyBlob {
  at: number;
  sha256: string;
}

type StoredMeta = ResponseMeta & { requestBodyBlobs?: BodyBlob[] };

export interface BodyBlobSource {
  /** Base64 of blobs recently put on the wire, by SHA-256, as held (nothing is encoded for this). */
  recent(): Iterable<readonly [sha256: string, base64: string]>;
  /** Whether a blob is stored: a reference to one that is not would dangle. */
  stored(sha256: string): boolean;
  /** The base64 of a stored blob, or null when it is gone. */
  base64(sha256: string): string | null;
  /**
   * The stored blob a payload not sent lately is the exact base64 of (an imported thread's
   * bodies), or null: hashes it, so it is asked only for payloads `recent` does not hold.
   */
  identify?(base64: string): string | null;
}

const MARK = ';base64,';
/** Shorter payloads (thumbnails, small icons) are not worth a reference. */
const MIN_PAYLOAD = 1024;
/** Whole bodies kept after they are stored (see requestBodyCodec). */
const RECENT_BODIES = 4;
const RECENT_CHARS = 64 * 1024 * 1024;

function byLength(recent: BodyBlobSource['recent']): Map<number, (readonly [string, string])[]> {
  const index = new Map<number, (readonly [string, string])[]>();
  for (const entry of recent()) {
    const list = index.get(entry[1].length);
    if (list) list.push(entry);
    else index.set(entry[1].length, [entry]);
  }
  return index;
}

/** `body` without the payloads that are stored blobs, or null when it has none. */
export function compactBody(
  body: string,
  source: BodyBlobSource,
): { body: string; blobs: BodyBlob[] } | null {
  let index: Map<number, (readonly [string, string])[]> | null = null;
  const pieces: string[] = [];
  const blobs: BodyBlob[] = [];
  let from = 0;
  let length = 0;
  let mark = body.indexOf(MARK);
  while (mark !== -1) {
    const start = mark + MARK.length;
    // A data URL in JSON ends at the string's closing quote; base64 never needs escaping.
    const end = body.indexOf('"', start);
    if (end === -1) break;
    if (end - start >= MIN_PAYLOAD) {
      index ??= byLength(() => source.recent());
      // Only strings of equal length are compared, and comparing them is a memcmp.
      const payload = body.slice(start, end);
      const sameLength = index.get(payload.length);
      let match = sameLength?.find(([sha, b64]) => b64 === payload && source.stored(sha))?.[0];
      if (match === undefined && source.identify) {
        match = source.identify(payload) ?? undefined;
        // The next turn of the same body repeats it: found by comparison then.
        if (match !== undefined) {
          const entry = [match, payload] as const;
          if (sameLength) sameLength.push(entry);
          else index.set(payload.length, [entry]);
        }
      }
      if (match !== undefined) {
        pieces.push(body.slice(from, start));
        length += start - from;
        blobs.push({ at: length, sha256: match });
        from = end;
      }
    }
    mark = body.indexOf(MARK, end);
  }
  if (blobs.length === 0) return null;
  pieces.push(body.slice(from));
  return { body: pieces.join(''), blobs };
}

/** The exact body again: each blob's base64 put back where it was. */
export function expandBody(
  compact: string,
  blobs: readonly BodyBlob[],
  base64: (sha256: string) => string | null,
): string {
  const pieces: string[] = [];
  let from = 0;
  for (const blob of blobs) {
    pieces.push(compact.slice(from, blob.at));
    // Blobs are kept while a body refers to them (migration 011); a damaged database says so.
    pieces.push(base64(blob.sha256) ?? `[attachment ${blob.sha256} is no longer stored]`);
    from = blob.at;
  }
  pieces.push(compact.slice(from));
  return pieces.join('');
}

/** A message's stored form, kept beside the meta read from it: what the window is sent is made from it. */
const compactForms = new WeakMap<object, { body: string; blobs: readonly BodyBlob[] }>();

/** The stored (compact) form of a body read through the codec, or null when it was stored whole. */
export function compactFormOf(meta: object): { body: string; blobs: readonly BodyBlob[] } | null {
  return compactForms.get(meta) ?? null;
}

/**
 * The codec the threads store uses for `meta`. A message read has its body rebuilt when it is
 * first read (shown, exported, sent to the window), not when the chat engine walks the history.
 */
export function requestBodyCodec(source: BodyBlobSource): MetaCodec {
  // The bodies last stored, by their stored form: an answer is read back right after it is
  // written (its stream's end, the attestation check), and rebuilding megabytes then would hold
  // main's event loop for nothing. Whole bodies are held already by the runs that sent them.
  // The key holds the references too: "What is this?" sent with two different photos stores the
  // same text twice, and by text alone the first answer would read back the second one's body.
  const recent = new Map<string, string>();
  let held = 0;
  const keyOf = (body: string, blobs: readonly BodyBlob[]) =>
    `${blobs.map((b) => `${b.at}:${b.sha256}`).join(',')}\n${body}`;
  const remember = (compact: string, full: string) => {
    held -= recent.get(compact)?.length ?? 0;
    recent.delete(compact);
    recent.set(compact, full);
    held += full.length;
    for (const [key, body] of recent) {
      if (recent.size <= 1 || (recent.size <= RECENT_BODIES && held <= RECENT_CHARS)) break;
      recent.delete(key);
      held -= body.length;
    }
  };
  return {
    stored(meta) {
      const compact = compactBody(meta.requestBody, source);
      if (!compact) return meta;
      remember(keyOf(compact.body, compact.blobs), meta.requestBody);
      return { ...meta, requestBody: compact.body, requestBodyBlobs: compact.blobs };
    },
    read(stored) {
      const { requestBodyBlobs: blobs, ...meta } = stored as StoredMeta;
      if (!blobs) return stored;
      const compact = meta.requestBody;
      let full: string | null = recent.get(keyOf(compact, blobs)) ?? null;
      Object.defineProperty(meta, 'requestBody', {
        enumerable: true,
        configurable: true,
        get: () => (full ??= expandBody(compact, blobs, source.base64)),
        set: (value: string) => {
          full = value;
          compactForms.delete(meta);
        },
      });
      compactForms.set(meta, { body: compact, blobs });
      return meta;
    },
  };
}
