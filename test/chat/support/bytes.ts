/** Byte- and text-level helpers for the stream properties. */

/** Deterministic PRNG so the interleaving follows from the generated seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function toSse(payloads: readonly string[], eol: '\n' | '\r\n'): string {
  let text = `: stream opened${eol}${eol}`;
  payloads.forEach((p, i) => {
    text += `data: ${p}${eol}${eol}`;
    if (i % 7 === 3) text += `: keep-alive${eol}${eol}`;
  });
  return text;
}

/** Cuts bytes at the given offsets (any byte, so UTF-8 sequences and CRLF pairs get split). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut > from) out.push(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  if (from < bytes.length) out.push(bytes.subarray(from));
  return out;
}
