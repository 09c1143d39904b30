/**
 * The little DER reading the verifiers need that node:crypto's X509Certificate does not expose:
 * certificate extensions (Intel's PCK SGX extension) and CRLs. Bounds-checked; nesting is
 * bounded by the input length since every child lies strictly inside its parent.
 */
import { EvidenceError, toHex } from './bytes';

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  contentStart: number;
  end: number;
}

export function readTlv(bytes: Uint8Array, at: number, limit = bytes.length): Tlv {
  if (at + 2 > limit) throw new EvidenceError(`DER is truncated at offset ${at}`);
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) throw new EvidenceError(`DER high tag number at offset ${at}`);
  let length = bytes[at + 1]!;
  let contentStart = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new EvidenceError(`DER length form at offset ${at}`);
    if (contentStart + count > limit) throw new EvidenceError(`DER is truncated at offset ${at}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new EvidenceError(`DER element at offset ${at} runs past its container`);
  return { tag, start: at, contentStart, end };
}

export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const child = readTlv(bytes, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

export function content(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.end);
}

export function whole(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || tlv.tag !== tag)
    throw new EvidenceError(
      `${what}: expected DER tag 0x${tag.toString(16)}, found ${tlv ? `0x${tlv.tag.toString(16)}` : 'nothing'}`,
    );
  return tlv;
}

export function oid(bytes: Uint8Array, tlv: Tlv): string {
  const c = content(bytes, expectTag(tlv, 0x06, 'OID'));
  if (c.length === 0) throw new EvidenceError('empty OID');
  const parts = [Math.floor(c[0]! / 40), c[0]! % 40];
  let value = 0;
  for (let i = 1; i < c.length; i++) {
    value = value * 128 + (c[i]! & 0x7f);
    if (!(c[i]! & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** A non-negative INTEGER as lowercase hex without leading zero bytes ("0" for zero). */
export function integerHex(bytes: Uint8Array, tlv: Tlv): string {
  const hex = toHex(content(bytes, expectTag(tlv, 0x02, 'INTEGER'))).replace(/^(00)+/, '');
  return hex === '' ? '0' : hex;
}

export function smallInteger(bytes: Uint8Array, tlv: Tlv): number {
  const c = content(bytes, tlv);
  if (c.length > 4) throw new EvidenceError('INTEGER too large');
  let v = 0;
  for (const b of c) v = v * 256 + b;
  return v;
}

/** UTCTime (0x17) or GeneralizedTime (0x18), as X.509 writes them (Z, seconds). */
export function time(bytes: Uint8Array, tlv: Tlv): Date {
  const text = new TextDecoder().decode(content(bytes, tlv));
  const m =
    tlv.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : tlv.tag === 0x18
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (!m) throw new EvidenceError(`unreadable DER time "${text.slice(0, 20)}"`);
  let year = Number(m[1]);
  if (tlv.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/** The top-level SIGNED{…} shape shared by certificates and CRLs: tbs, algorithm, signature. */
export function signedParts(
  der: Uint8Array,
  what: string,
): { tbs: Uint8Array; tbsTlv: Tlv; signature: Uint8Array } {
  const outer = expectTag(readTlv(der, 0), 0x30, what);
  if (outer.end !== der.length) throw new EvidenceError(`${what} has trailing bytes`);
  const [tbsTlv, , sig] = children(der, outer);
  expectTag(tbsTlv, 0x30, `${what} body`);
  const bits = content(der, expectTag(sig, 0x03, `${what} signature`));
  if (bits.length < 1 || bits[0] !== 0) throw new EvidenceError(`${what} signature bit string is malformed`);
  return { tbs: whole(der, tbsTlv!), tbsTlv: tbsTlv!, signature: bits.subarray(1) };
}
