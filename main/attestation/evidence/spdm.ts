/**
 * NVIDIA GPU evidence: an SPDM 1.1 GET_MEASUREMENTS request (37 bytes, with our nonce) followed by
 * the MEASUREMENTS response, whose last field is an ECDSA-P384 r‖s signature over SHA-384 of
 * everything before it (DMTF DSP0274 §10.11, L1/L2 transcript). Bounds-checked; throws
 * EvidenceError on malformed input.
 */
import { EvidenceError, Reader, toHex } from './bytes';

const GET_MEASUREMENTS = 0xe0;
const MEASUREMENTS = 0x60;
const REQUEST_LEN = 37;
const SIGNATURE_LEN = 96;
export const MAX_EVIDENCE_BYTES = 256 * 1024;

export interface SpdmEvidence {
  requestNonce: Uint8Array;
  responseNonce: Uint8Array;
  blocks: { index: number; value: string }[];
  /** Everything the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
}

export function parseSpdmEvidence(bytes: Uint8Array): SpdmEvidence {
  if (bytes.length > MAX_EVIDENCE_BYTES)
    throw new EvidenceError(`the SPDM evidence is ${bytes.length} bytes, more than ${MAX_EVIDENCE_BYTES}`);
  const req = new Reader(bytes, 'the SPDM request');
  req.u8('SPDM version');
  if (req.u8('request code') !== GET_MEASUREMENTS)
    throw new EvidenceError('the evidence does not start with GET_MEASUREMENTS');
  req.take(2, 'request parameters');
  const requestNonce = req.take(32, 'request nonce');
  req.u8('slot id');
  const res = new Reader(bytes.subarray(REQUEST_LEN), 'the SPDM response');
  res.u8('SPDM version');
  if (res.u8('response code') !== MEASUREMENTS) throw new EvidenceError('the response is not MEASUREMENTS');
  res.take(2, 'response parameters');
  const count = res.u8('number of blocks');
  const record = new Reader(
    res.take(res.u24('measurement record length'), 'measurement record'),
    'the measurement record',
  );
  const blocks: { index: number; value: string }[] = [];
  for (let i = 0; i < count; i++) {
    const index = record.u8('block index');
    record.u8('measurement specification');
    const block = new Reader(
      record.take(record.u16('block size'), 'measurement block'),
      'a measurement block',
    );
    block.u8('value type');
    blocks.push({ index, value: toHex(block.take(block.u16('value size'), 'measurement value')) });
  }
  if (record.remaining !== 0)
    throw new EvidenceError(`the measurement record has ${record.remaining} bytes past its ${count} blocks`);
  const responseNonce = res.take(32, 'response nonce');
  res.take(res.u16('opaque data length'), 'opaque data');
  const signature = res.take(SIGNATURE_LEN, 'signature');
  if (res.remaining !== 0)
    throw new EvidenceError(`the SPDM response has ${res.remaining} bytes after its signature`);
  return {
    requestNonce,
    responseNonce,
    blocks,
    signed: bytes.subarray(0, bytes.length - SIGNATURE_LEN),
    signature,
  };
}
