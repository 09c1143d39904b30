import { readFileSync } from 'node:fs';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../main/attestation/checks';
import { bytesToHex, hexToBytes, sha256Hex } from '../../main/attestation/bytes';
import {
  addressOfPublicKey,
  personalMessageHash,
  recoverSigner,
  verifyLegacySignature,
} from '../../main/attestation/formats/eip191';
import { keysetDigest, verifyAciReceipt } from '../../main/attestation/formats/aciReceipt';
import { galadrielKey, galadrielSignatureValid } from '../../main/attestation/formats/galadriel';

const SAMPLES = new URL('../fixtures/attestation-samples', import.meta.url).pathname;
const json = (path: string): unknown => JSON.parse(readFileSync(`${SAMPLES}/${path}`, 'utf8'));
const list = (): CheckList => new CheckList(new Date('2026-12-06T08:00:00Z'), 'signed');
const failed = (l: CheckList) => l.checks.filter((c) => c.status === 'fail');

/** personal_sign as a wallet would do it, written here independently of the verifier. */
function personalSign(message: string, secret: Uint8Array): string {
  const sig = secp256k1.sign(personalMessageHash(message), secret, { prehash: false, format: 'recovered' });
  // noble's recovered form is v ‖ r ‖ s; Ethereum's is r ‖ s ‖ (v + 27).
  return `0x${bytesToHex(sig.subarray(1))}${((sig[0] ?? 0) + 27).toString(16)}`;
}

describe('EIP-191 legacy signature (/v1/signature/{chat_id})', () => {
  const secret = hexToBytes('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318')!;
  const address = addressOfPublicKey(secp256k1.getPublicKey(secret, false));
  const request = '{"model":"phala/gpt-oss-120b","messages":[{"role":"user","content":"hi"}],"stream":true}';
  const response = 'data: {"id":"chatcmpl-1"}\n\ndata: [DONE]\n\n';
  const text = `${sha256Hex(request)}:${sha256Hex(response)}`;
  const good = {
    text,
    signature: personalSign(text, secret),
    signing_address: address,
    signing_algo: 'ecdsa',
  };

  it('derives the NEAR model signing address from its 64-byte public key (recorded sample)', () => {
    const report = json('near/near_report.json') as {
      model_attestations: { signing_public_key: string; signing_address: string }[];
    };
    const model = report.model_attestations[0]!;
    expect(addressOfPublicKey(hexToBytes(model.signing_public_key)!)).toBe(
      '0xbb4d2e7ffe98eefcd9690e2139be41e92b95e333',
    );
    expect(model.signing_address.toLowerCase()).toBe('0xbb4d2e7ffe98eefcd9690e2139be41e92b95e333');
  });

  it('hashes with the Ethereum message prefix (ethers hashMessage("Hello World"))', () => {
    expect(bytesToHex(personalMessageHash('Hello World'))).toBe(
      'a1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2',
    );
  });

  it('verifies over the exact request and response bytes and recovers the signer', () => {
    const l = list();
    expect(
      verifyLegacySignature(l, {
        requestBody: request,
        responseSha256: sha256Hex(response),
        signature: good,
      }),
    ).toBe(address);
    expect(l.checks.map((c) => [c.id, c.status])).toEqual([
      ['sig.request', 'pass'],
      ['sig.response', 'pass'],
      ['sig.signature', 'pass'],
    ]);
  });

  it('a flipped byte in the response fails the response hash, naming both hashes', () => {
    const l = list();
    const flipped = response.replace('chatcmpl-1', 'chatcmpl-2');
    expect(
      verifyLegacySignature(l, { requestBody: request, responseSha256: sha256Hex(flipped), signature: good }),
    ).toBeNull();
    expect(failed(l).map((c) => c.id)).toEqual(['sig.response']);
    expect(failed(l)[0]!.reason).toMatch(/bytes we received hash to/);
  });

  it('a flipped byte in the signature fails the signature check', () => {
    const l = list();
    const sig = good.signature;
    const flipped = `${sig.slice(0, 10)}${sig[10] === '0' ? '1' : '0'}${sig.slice(11)}`;
    verifyLegacySignature(l, {
      requestBody: request,
      responseSha256: sha256Hex(response),
      signature: { ...good, signature: flipped },
    });
    expect(failed(l).map((c) => c.id)).toEqual(['sig.signature']);
  });

  it('a swapped signing address fails, naming the address the signature recovers to', () => {
    const l = list();
    const other = '0x614bc66ff0407dbb70b9c7ca1f5e983e4a02c921';
    verifyLegacySignature(l, {
      requestBody: request,
      responseSha256: sha256Hex(response),
      signature: { ...good, signing_address: other },
    });
    expect(failed(l)[0]!.reason).toBe(
      `The signature recovers to ${address}, not to the signing address ${other} the provider named.`,
    );
  });

  it('garbage signatures fail with a reason instead of throwing', () => {
    expect(recoverSigner('x', '0x1234')).toEqual({
      error: 'the signature is not 65 bytes of hex (r ‖ s ‖ v)',
    });
    expect('error' in recoverSigner('x', `0x${'00'.repeat(64)}1b`)).toBe(true);
  });
});

interface AciVectors {
  keys: Record<string, { public_key: string }>;
  workload_keyset: { object: unknown; workload_keyset_digest: string };
  receipt: { request_body: string; response_body: string; document: string; signing_input_sha256: string };
}

describe('ACI receipts (Ed25519 over RFC 8785)', () => {
  const v = json('aci/test-vectors.json') as AciVectors;
  const keys = [{ key_id: 'receipt-1', public_key: v.keys['receipt-1']!.public_key }];
  const receipt = JSON.parse(v.receipt.document) as Record<string, unknown>;
  const run = (doc: unknown, response = v.receipt.response_body) => {
    const l = list();
    const out = verifyAciReceipt(l, {
      receipt: doc,
      keys,
      keyset: v.workload_keyset.object,
      requestBody: v.receipt.request_body,
      responseSha256: sha256Hex(response),
    });
    return { out, l };
  };

  it('the published receipt verifies, with its keyset digest and both body hashes', () => {
    expect(keysetDigest(v.workload_keyset.object)).toBe(v.workload_keyset.workload_keyset_digest);
    const { signature: _s, ...unsigned } = receipt;
    expect(sha256Hex(canonicalize(unsigned)!)).toBe(v.receipt.signing_input_sha256);
    const { out, l } = run(receipt);
    expect(failed(l)).toEqual([]);
    expect(out).toEqual({ signed: true, upstreamVerified: true });
  });

  it('changing served_at or the upstream result breaks the signature', () => {
    expect(failed(run({ ...receipt, served_at: 1750000001 }).l).map((c) => c.id)).toEqual([
      'receipt.signature',
    ]);
    const log = (receipt.event_log as Record<string, unknown>[]).map((e) =>
      e.type === 'upstream.verified' ? { ...e, result: 'failed' } : e,
    );
    const { out, l } = run({ ...receipt, event_log: log });
    expect(failed(l).map((c) => c.id)).toEqual(['receipt.signature']);
    expect(out.upstreamVerified).toBe(false);
  });

  it('a flipped byte in the response fails the response hash', () => {
    const { l } = run(receipt, v.receipt.response_body.replace('123', '124'));
    expect(failed(l).map((c) => c.id)).toEqual(['receipt.response']);
  });

  it('a key not in the keyset, or re-signed by another key, fails', () => {
    const other = ed25519.utils.randomSecretKey();
    const { signature: _s, ...unsigned } = receipt;
    const forged = {
      ...unsigned,
      signature: bytesToHex(ed25519.sign(new TextEncoder().encode(canonicalize(unsigned)!), other)),
    };
    expect(failed(run(forged).l)[0]!.reason).toMatch(/does not verify/);
    expect(failed(run({ ...receipt, key_id: 'receipt-9' }).l)[0]!.reason).toMatch(
      /receipt-9 is not in the attested keyset/,
    );
  });
});

interface GaladrielCase {
  name: string;
  hash: string;
  public_key: string;
  signature: string;
  expected_valid: boolean;
}

describe('Galadriel verified responses (Ed25519 over the hash bytes; hex or base58 keys)', () => {
  const cases = (json('galadriel/signature-vectors.json') as { cases: GaladrielCase[] }).cases;
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(galadrielSignatureValid(c.hash, c.public_key, c.signature)).toBe(c.expected_valid);
  });

  it('decodes the base58 key to the published hex', () => {
    expect(bytesToHex(galadrielKey('Dp2k554Ebsij5RjuhjsZujVW2bJnQzfb43VYZSQ4NZo1')!)).toBe(
      'be5882f14f59a9a850c00ebb9ac6f25069ee127e9553847aba7425087ce55004',
    );
  });
});
