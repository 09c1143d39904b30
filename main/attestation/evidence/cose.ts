/**
 * COSE_Sign1 (RFC 9052 §4.2) as AWS Nitro attestation documents use it: an (optionally tag-18)
 * array [protected bstr, unprotected map, payload bstr, signature bstr], alg ES384. CBOR is
 * decoded with cbor-x; the Sig_structure is built here byte for byte.
 */
import { Decoder, Tag } from 'cbor-x';
import { EvidenceError, concatBytes } from './bytes';

export const MAX_DOCUMENT_BYTES = 64 * 1024;
const ES384 = -35;
const decoder = new Decoder({ mapsAsObjects: false, useRecords: false });

export function decodeCbor(bytes: Uint8Array, what: string): unknown {
  try {
    return decoder.decode(bytes) as unknown;
  } catch {
    throw new EvidenceError(`${what} is not well-formed CBOR`);
  }
}

export function asBytes(v: unknown, what: string): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new EvidenceError(`${what} is not a byte string`);
  return v;
}

export function asMap(v: unknown, what: string): Map<unknown, unknown> {
  if (!(v instanceof Map)) throw new EvidenceError(`${what} is not a CBOR map`);
  return v;
}

function bstrHeader(length: number): Uint8Array {
  if (length < 24) return new Uint8Array([0x40 + length]);
  if (length < 0x100) return new Uint8Array([0x58, length]);
  if (length < 0x10000) return new Uint8Array([0x59, length >> 8, length & 0xff]);
  return new Uint8Array([
    0x5a,
    (length >>> 24) & 0xff,
    (length >> 16) & 0xff,
    (length >> 8) & 0xff,
    length & 0xff,
  ]);
}

export interface CoseSign1 {
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
  /** The bytes the signature covers. */
  toBeSigned: Uint8Array;
}

export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new EvidenceError(`the document is ${bytes.length} bytes, more than ${MAX_DOCUMENT_BYTES}`);
  let top = decodeCbor(bytes, 'the document');
  if (top instanceof Tag) {
    if (top.tag !== 18) throw new EvidenceError(`the document has CBOR tag ${top.tag}, not COSE_Sign1 (18)`);
    top = top.value;
  }
  if (!Array.isArray(top) || top.length !== 4)
    throw new EvidenceError('the document is not a 4-element COSE_Sign1 array');
  const protectedBytes = asBytes(top[0], 'the protected header');
  const payload = asBytes(top[2], 'the payload');
  const signature = asBytes(top[3], 'the signature');
  const header = asMap(decodeCbor(protectedBytes, 'the protected header'), 'the protected header');
  if (header.get(1) !== ES384)
    throw new EvidenceError(`the protected header's algorithm is ${String(header.get(1))}, not ES384 (-35)`);
  const label = new TextEncoder().encode('Signature1');
  const toBeSigned = concatBytes(
    new Uint8Array([0x84, 0x60 + label.length]),
    label,
    bstrHeader(protectedBytes.length),
    protectedBytes,
    new Uint8Array([0x40]),
    bstrHeader(payload.length),
    payload,
  );
  return { protectedBytes, payload, signature, toBeSigned };
}
