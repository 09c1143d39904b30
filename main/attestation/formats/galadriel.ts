import { ed25519 } from '@noble/curves/ed25519.js';
import type { CheckList } from '../checks';
import { base58ToBytes, bytesToHex, hexToBytes, sha256Hex, short } from '../bytes';

/** The fields Galadriel's verified endpoint adds to a chat completion. */
export interface GaladrielProof {
  hash: string;
  public_key: string;
  signature: string;
  attestation?: string;
  tx_hash?: string;
}

const EXTRA = ['hash', 'public_key', 'signature', 'attestation', 'tx_hash'] as const;

export function parseGaladrielProof(body: unknown): GaladrielProof | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.hash !== 'string' || typeof b.public_key !== 'string' || typeof b.signature !== 'string')
    return null;
  return {
    hash: b.hash,
    public_key: b.public_key,
    signature: b.signature,
    ...(typeof b.attestation === 'string' ? { attestation: b.attestation } : {}),
    ...(typeof b.tx_hash === 'string' ? { tx_hash: b.tx_hash } : {}),
  };
}

/** A Galadriel key: 64 hex characters, or base58 (Solana style). */
export function galadrielKey(text: string): Uint8Array | null {
  const hex = /^(0x)?[0-9a-fA-F]{64}$/.test(text) ? hexToBytes(text) : null;
  const key = hex ?? base58ToBytes(text);
  return key?.length === 32 ? key : null;
}

/** Ed25519 over the 32 raw bytes of `hash` (not its hex text). */
export function galadrielSignatureValid(hashHex: string, publicKey: string, signatureHex: string): boolean {
  const message = hexToBytes(hashHex);
  const key = galadrielKey(publicKey);
  const sig = hexToBytes(signatureHex);
  if (message?.length !== 32 || key === null || sig?.length !== 64) return false;
  try {
    return ed25519.verify(sig, message, key, { zip215: false });
  } catch {
    return false;
  }
}

/** Python's `json.dumps(value, sort_keys=True)`: ", " and ": " separators, non-ASCII escaped. */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
}

/** What Galadriel's enclave hashes: both bodies as Python dumps them, the proof fields left out. */
export function galadrielHashOf(requestBody: string, responseBody: string): string | null {
  try {
    const request: unknown = JSON.parse(requestBody);
    const response = JSON.parse(responseBody) as Record<string, unknown>;
    const plain = Object.fromEntries(
      Object.entries(response).filter(([k]) => !(EXTRA as readonly string[]).includes(k)),
    );
    return sha256Hex(pythonJson(request) + pythonJson(plain));
  } catch {
    return null;
  }
}

/** Returns the signer's key (hex) when the signature and the binding to our bytes both pass. */
export function verifyGaladriel(
  list: CheckList,
  input: { requestBody: string; responseBody: string; proof: GaladrielProof },
): string | null {
  const { proof } = input;
  const expected = galadrielHashOf(input.requestBody, input.responseBody);
  const boundOk =
    expected !== null && expected === proof.hash.toLowerCase()
      ? list.pass(
          'sig.binding',
          'Request and response hash',
          `The signed hash ${short(expected)} is the hash of the exact request and response.`,
        )
      : list.fail(
          'sig.binding',
          'Request and response hash',
          `The signed hash ${short(proof.hash)} is not the hash of the request we sent and the response we received (${expected ? short(expected) : 'unreadable'}).`,
        );
  const key = galadrielKey(proof.public_key);
  if (key === null) {
    list.fail(
      'sig.signature',
      'Signature (Ed25519)',
      `The public key ${short(proof.public_key)} is neither 64 hex digits nor a 32-byte base58 key.`,
    );
    return null;
  }
  const sigOk = galadrielSignatureValid(proof.hash, proof.public_key, proof.signature)
    ? list.pass('sig.signature', 'Signature (Ed25519)', `Signed by ${short(bytesToHex(key))} over the hash.`)
    : list.fail(
        'sig.signature',
        'Signature (Ed25519)',
        `The signature does not verify under ${short(bytesToHex(key))}.`,
      );
  return boundOk && sigOk ? bytesToHex(key) : null;
}
