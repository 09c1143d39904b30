import { ed25519 } from '@noble/curves/ed25519.js';
import canonicalize from 'canonicalize';
import type { CheckList } from '../checks';
import { hexToBytes, sha256Hex, short, utf8ToBytes } from '../bytes';

/** A receipt signing key from the attested workload keyset. */
export interface ReceiptKey {
  key_id: string;
  algo?: string;
  public_key: string;
}

interface ReceiptEvent {
  type?: unknown;
  body_hash?: unknown;
  result?: unknown;
  model_id?: unknown;
}

export interface ReceiptOutcome {
  /** Signature, keyset and both body hashes passed. */
  signed: boolean;
  /** `upstream.verified` in the receipt: true/false, null when the receipt has no such event. */
  upstreamVerified: boolean | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `sha256:` + hex of the JCS form: how ACI names a keyset digest. */
export function keysetDigest(keyset: unknown): string | null {
  const jcs = canonicalize(keyset);
  return jcs === undefined ? null : `sha256:${sha256Hex(jcs)}`;
}

function bodyHashOf(events: ReceiptEvent[], type: string): string | null {
  const event = events.find((e) => e.type === type);
  return typeof event?.body_hash === 'string' ? event.body_hash.toLowerCase() : null;
}

/**
 * An ACI receipt (`/v1/aci/receipts/{id}`): Ed25519 over the RFC 8785 form of the receipt without
 * its `signature`, by a key of the attested workload keyset; its event log names the hashes of
 * the request it received and the response it returned, which must be ours.
 */
export function verifyAciReceipt(
  list: CheckList,
  input: {
    receipt: unknown;
    keys: readonly ReceiptKey[];
    /** The workload keyset the keys came from, when known: its digest must be the receipt's. */
    keyset?: unknown;
    requestBody: string;
    responseSha256: string;
  },
): ReceiptOutcome {
  const none: ReceiptOutcome = { signed: false, upstreamVerified: null };
  const { receipt } = input;
  if (!isRecord(receipt) || typeof receipt.signature !== 'string' || typeof receipt.key_id !== 'string') {
    list.fail('receipt.parse', 'Receipt', 'The receipt is not an ACI receipt (no signature or key_id).');
    return none;
  }
  const { signature, ...unsigned } = receipt;
  const key = input.keys.find((k) => k.key_id === receipt.key_id);
  const publicKey = key ? hexToBytes(key.public_key) : null;
  const sig = hexToBytes(signature);
  const jcs = canonicalize(unsigned);
  let signatureOk = false;
  if (!key || publicKey?.length !== 32) {
    list.fail(
      'receipt.signature',
      'Receipt signature (Ed25519)',
      `The receipt's key ${receipt.key_id} is not in the attested keyset.`,
    );
  } else if (sig?.length !== 64 || jcs === undefined) {
    list.fail(
      'receipt.signature',
      'Receipt signature (Ed25519)',
      'The receipt signature is not 64 bytes of hex.',
    );
  } else {
    let valid: boolean;
    try {
      valid = ed25519.verify(sig, utf8ToBytes(jcs), publicKey, { zip215: false });
    } catch {
      valid = false;
    }
    signatureOk = valid
      ? list.pass(
          'receipt.signature',
          'Receipt signature (Ed25519)',
          `Signed by ${receipt.key_id} over the receipt's RFC 8785 form.`,
        )
      : list.fail(
          'receipt.signature',
          'Receipt signature (Ed25519)',
          `The signature by ${receipt.key_id} does not verify over the receipt's RFC 8785 form: the receipt was changed after signing.`,
        );
  }
  let keysetOk = true;
  if (input.keyset !== undefined) {
    const digest = keysetDigest(input.keyset);
    keysetOk =
      digest !== null && digest === receipt.workload_keyset_digest
        ? list.pass(
            'receipt.keyset',
            'Workload keyset',
            `The receipt names the attested keyset ${short(digest)}.`,
          )
        : list.fail(
            'receipt.keyset',
            'Workload keyset',
            `The receipt names keyset ${String(receipt.workload_keyset_digest)}, but the attested one is ${digest ?? 'unreadable'}.`,
          );
  }
  const events = (Array.isArray(receipt.event_log) ? receipt.event_log : []).filter(
    isRecord,
  ) as ReceiptEvent[];
  const sent = `sha256:${sha256Hex(input.requestBody)}`;
  const signedRequest = bodyHashOf(events, 'request.received');
  const requestOk =
    signedRequest === sent
      ? list.pass(
          'receipt.request',
          'Request hash',
          `The receipt names the hash of the exact request we sent (${short(sent)}).`,
        )
      : list.fail(
          'receipt.request',
          'Request hash',
          `The receipt names request ${signedRequest ?? 'none'}, but we sent ${sent}.`,
        );
  const received = `sha256:${input.responseSha256.toLowerCase()}`;
  const signedResponse = bodyHashOf(events, 'response.returned');
  const responseOk =
    signedResponse === received
      ? list.pass(
          'receipt.response',
          'Response hash',
          `The receipt names the hash of the exact response we received (${short(received)}).`,
        )
      : list.fail(
          'receipt.response',
          'Response hash',
          `The receipt names response ${signedResponse ?? 'none'}, but the bytes we received hash to ${received}.`,
        );
  const upstream = events.find((e) => e.type === 'upstream.verified');
  const upstreamVerified = upstream === undefined ? null : upstream.result === 'verified';
  return { signed: signatureOk && keysetOk && requestOk && responseOk, upstreamVerified };
}
