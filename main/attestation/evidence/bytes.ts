/** Byte helpers for the evidence parsers. A `Reader` throws `EvidenceError` past its end. */

export class EvidenceError extends Error {}

const HEX_RE = /^(?:[0-9a-f]{2})*$/i;

export function fromHex(hex: string, what = 'hex'): Uint8Array {
  const clean = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
  if (!HEX_RE.test(clean)) throw new EvidenceError(`${what} is not hex`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromBase64(text: string, what = 'base64'): Uint8Array {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text.replace(/\s+/g, '')))
    throw new EvidenceError(`${what} is not base64`);
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** First and last few hex digits, for reasons that stay readable. */
export function shortHex(hex: string): string {
  return hex.length <= 16 ? hex : `${hex.slice(0, 8)}…${hex.slice(-8)}`;
}

/** A bounds-checked little-endian cursor over evidence bytes. */
export class Reader {
  private at = 0;
  constructor(
    readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  get offset(): number {
    return this.at;
  }

  get remaining(): number {
    return this.bytes.length - this.at;
  }

  take(n: number, field: string): Uint8Array {
    if (n < 0 || this.at + n > this.bytes.length)
      throw new EvidenceError(
        `${this.what} is truncated: ${field} needs ${n} bytes at offset ${this.at}, ${this.remaining} left`,
      );
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  u8(field: string): number {
    return this.take(1, field)[0]!;
  }

  u16(field: string): number {
    const b = this.take(2, field);
    return b[0]! | (b[1]! << 8);
  }

  u24(field: string): number {
    const b = this.take(3, field);
    return b[0]! | (b[1]! << 8) | (b[2]! << 16);
  }

  u32(field: string): number {
    const b = this.take(4, field);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }
}
