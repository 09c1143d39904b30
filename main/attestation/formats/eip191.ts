import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { CheckList } from '../checks';
import { bytesToHex, hexToBytes, sha256Hex, short, utf8ToBytes } from '../bytes';

/** `GET /v1/signature/{chat_id}` as Phala's gateway and NEAR AI Cloud answer it. */
export interface LegacySignature {
  text: string;
  signature: string;
  signing_address: string;
  signing_algo?: string;
}

export function parseLegacySignature(value: unknown): LegacySignature | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string' || typeof v.signature !== 'string' || typeof v.signing_address !== 'string')
    return null;
  return {
    text: v.text,
    signature: v.signature,
    signing_address: v.signing_address,
    ...(typeof v.signing_algo === 'string' ? { signing_algo: v.signing_algo } : {}),
  };
}

/** EIP-191 `personal_sign` digest: keccak256("\x19Ethereum Signed Message:\n" + len + message). */
export function personalMessageHash(message: string): Uint8Array {
  const body = utf8ToBytes(message);
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`);
  const all = new Uint8Array(prefix.length + body.length);
  all.set(prefix);
  all.set(body, prefix.length);
  return keccak_256(all);
}

/** Ethereum address (`0x` + 40 lowercase hex) of an uncompressed or compressed secp256k1 key. */
export function addressOfPublicKey(publicKey: Uint8Array): string {
  // NEAR reports give the 64-byte x ‖ y without the 0x04 prefix.
  const full = publicKey.length === 64 ? Uint8Array.from([4, ...publicKey]) : publicKey;
  const point = secp256k1.Point.fromBytes(full);
  const raw = point.toBytes(false).subarray(1);
  return `0x${bytesToHex(keccak_256(raw).subarray(12))}`;
}

type Point = ReturnType<typeof secp256k1.Point.fromBytes>;

/**
 * Public keys already recovered, by address: a provider signs every answer with the same key, and
 * checking a signature under a known key skips recovering it (the square root, the address).
 * Only keys that hash to their address enter, so a hit proves exactly what recovery would. No
 * multiplication table is built for them: that costs about ten recoveries, on main's thread.
 */
const KNOWN_KEYS = new Map<string, Point>();
const KNOWN_KEYS_MAX = 64;

/** What main's thread spent on secp256k1: the first answer per key is recovered in the worker. */
export const signatureWork = { recovered: 0, underKnownKey: 0 };

/** The signer a signature recovers to, or why none: as main judges it, or as the worker found it. */
export type RecoveredSigner = { address: string } | { error: string };

function remember(address: string, point: Point): void {
  if (KNOWN_KEYS.has(address)) return;
  if (KNOWN_KEYS.size >= KNOWN_KEYS_MAX) KNOWN_KEYS.delete(KNOWN_KEYS.keys().next().value ?? '');
  KNOWN_KEYS.set(address, point);
}

export const knowsKey = (address: string): boolean => KNOWN_KEYS.has(address.toLowerCase());

/**
 * Takes a key the evidence worker recovered (uncompressed, hex): kept only if it hashes to the
 * address, so a wrong key can never vouch for a signature. A fraction of a millisecond.
 */
export function learnKey(address: string, publicKeyHex: string): boolean {
  const named = address.toLowerCase();
  const bytes = hexToBytes(publicKeyHex);
  if (!bytes) return false;
  try {
    const point = secp256k1.Point.fromBytes(bytes);
    if (addressOfPublicKey(point.toBytes(false)) !== named) return false;
    remember(named, point);
    return true;
  } catch {
    return false;
  }
}

/** R = u1·G + u2·P must have x = r and the parity the recovery bit states (what recovery yields). */
function signedBy(point: Point, digest: Uint8Array, r: bigint, s: bigint, recovery: number): boolean {
  const { Fn } = secp256k1.Point;
  if (recovery > 1) return false;
  const h = Fn.create(BigInt(`0x${bytesToHex(digest)}`));
  const inverse = Fn.inv(s);
  const R = secp256k1.Point.BASE.multiplyUnsafe(Fn.create(h * inverse)).add(
    point.multiplyUnsafe(Fn.create(r * inverse)),
  );
  if (R.is0()) return false;
  const q = R.toAffine();
  return q.x === r && Number(q.y & 1n) === recovery;
}

type Parsed = {
  signature: ReturnType<typeof secp256k1.Signature.fromBytes>;
  recovery: number;
  digest: Uint8Array;
};

function parseSignature(message: string, signatureHex: string): Parsed | { error: string } {
  const bytes = hexToBytes(signatureHex);
  if (bytes?.length !== 65) return { error: 'the signature is not 65 bytes of hex (r ‖ s ‖ v)' };
  const v = bytes[64] ?? 0;
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1)
    return { error: `the signature's recovery byte v = ${v} is not 27 or 28` };
  try {
    const signature = secp256k1.Signature.fromBytes(bytes.subarray(0, 64), 'compact').addRecoveryBit(
      recovery,
    );
    return { signature, recovery, digest: personalMessageHash(message) };
  } catch {
    return { error: 'no public key can be recovered from this signature' };
  }
}

/**
 * The signer's address and public key (uncompressed, hex), or why none: the evidence worker's
 * job for a key main does not know yet. Touches no cache.
 */
export function recoverKey(
  message: string,
  signatureHex: string,
): { address: string; publicKey: string } | { error: string } {
  const parsed = parseSignature(message, signatureHex);
  if ('error' in parsed) return parsed;
  try {
    const key = parsed.signature.recoverPublicKey(parsed.digest).toBytes(false);
    return { address: addressOfPublicKey(key), publicKey: bytesToHex(key) };
  } catch {
    return { error: 'no public key can be recovered from this signature' };
  }
}

/**
 * The signer of an EIP-191 message, or why it cannot be recovered. With `expected` (the address
 * the provider named) whose key is known, the signature is checked under that key instead.
 */
export function recoverSigner(message: string, signatureHex: string, expected?: string): RecoveredSigner {
  const parsed = parseSignature(message, signatureHex);
  if ('error' in parsed) return parsed;
  const { signature, recovery, digest } = parsed;
  try {
    const named = expected?.toLowerCase();
    const known = named === undefined ? undefined : KNOWN_KEYS.get(named);
    if (named !== undefined && known && signedBy(known, digest, signature.r, signature.s, recovery)) {
      signatureWork.underKnownKey += 1;
      return { address: named };
    }
    signatureWork.recovered += 1;
    const point = signature.recoverPublicKey(digest);
    const address = addressOfPublicKey(point.toBytes(false));
    // Kept when it is the address the provider named: the key its next answers will be signed with.
    if (address === named) remember(address, point);
    return { address };
  } catch {
    return { error: 'no public key can be recovered from this signature' };
  }
}

/**
 * The legacy format signs `sha256(request):sha256(response)` (hex). Each half is compared with
 * the hash of the bytes we actually sent and received, then the signature must recover to the
 * address the provider named. Returns the recovered address when everything passed.
 */
export function verifyLegacySignature(
  list: CheckList,
  input: {
    requestBody: string;
    responseSha256: string;
    signature: LegacySignature;
    /** The signer as the evidence worker recovered it, so main need not. */
    recovered?: RecoveredSigner;
  },
): string | null {
  const { signature } = input;
  const [signedRequest = '', signedResponse = '', ...rest] = signature.text.split(':');
  if (rest.length > 0 || !/^[0-9a-f]{64}$/i.test(signedRequest) || !/^[0-9a-f]{64}$/i.test(signedResponse)) {
    list.fail('sig.text', 'Signed text', 'The signed text is not "sha256(request):sha256(response)".');
    return null;
  }
  const sent = sha256Hex(input.requestBody);
  const requestOk =
    signedRequest.toLowerCase() === sent
      ? list.pass(
          'sig.request',
          'Request hash',
          `The provider signed the hash of the exact request we sent (${short(sent)}).`,
        )
      : list.fail(
          'sig.request',
          'Request hash',
          `The provider signed request hash ${short(signedRequest)}, but the bytes we sent hash to ${short(sent)}.`,
        );
  const received = input.responseSha256.toLowerCase();
  const responseOk =
    signedResponse.toLowerCase() === received
      ? list.pass(
          'sig.response',
          'Response hash',
          `The provider signed the hash of the exact response we received (${short(received)}).`,
        )
      : list.fail(
          'sig.response',
          'Response hash',
          `The provider signed response hash ${short(signedResponse)}, but the bytes we received hash to ${short(received)}: the answer was changed on the way or the signature is for another answer.`,
        );
  const recovered =
    input.recovered ?? recoverSigner(signature.text, signature.signature, signature.signing_address);
  if ('error' in recovered) {
    list.fail(
      'sig.signature',
      'Signature (EIP-191, secp256k1)',
      `The signature does not verify: ${recovered.error}.`,
    );
    return null;
  }
  const named = signature.signing_address.toLowerCase();
  const signerOk =
    recovered.address === named
      ? list.pass(
          'sig.signature',
          'Signature (EIP-191, secp256k1)',
          `The signature recovers to the signing address ${named}.`,
        )
      : list.fail(
          'sig.signature',
          'Signature (EIP-191, secp256k1)',
          `The signature recovers to ${recovered.address}, not to the signing address ${named} the provider named.`,
        );
  return requestOk && responseOk && signerOk ? recovered.address : null;
}
