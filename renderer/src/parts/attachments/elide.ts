/**
 * Base64 in a request body, shown short: a 5 MB photo is 7 million characters no one reads and
 * no text view should lay out. Each data URL becomes its MIME type, decoded size and SHA-256 (the
 * same hash the attachment is stored under); "copy" still gives the exact bytes.
 */

/** Data URLs with a payload longer than this are elided. */
const MIN_ELIDED = 256;
const DATA_URL = new RegExp(`data:([a-z0-9.+/-]+);base64,([A-Za-z0-9+/]{${MIN_ELIDED},}={0,2})`, 'gi');

export interface ElidedPart {
  mime: string;
  bytes: number;
  base64: string;
}

const decodedBytes = (base64: string): number =>
  Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** The base64 payloads of `body`, in order. */
export function base64Parts(body: string): ElidedPart[] {
  return [...body.matchAll(DATA_URL)].map((m) => ({
    mime: m[1] ?? '',
    base64: m[2] ?? '',
    bytes: decodedBytes(m[2] ?? ''),
  }));
}

/** `body` with each long data URL replaced by `data:<mime>;base64,…<n> bytes, SHA-256 <hash>…`. */
export function elideBase64(body: string, hashes: readonly (string | null)[]): string {
  let index = 0;
  return body.replace(DATA_URL, (_all, mime: string, base64: string) => {
    const hash = hashes[index++] ?? null;
    const size = decodedBytes(base64).toLocaleString('en-US');
    return `data:${mime};base64,…${size} bytes, SHA-256 ${hash ?? '(hashing)'}…`;
  });
}

/** SHA-256 of a base64 payload's bytes, hex: off the page's thread (SubtleCrypto). */
export async function sha256OfBase64(base64: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
