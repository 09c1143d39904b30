import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import canonicalize from 'canonicalize';
import { isRecord, sendJson } from './http';

/**
 * The mock learns to sign (issue 14). A fresh secp256k1 key signs each confidential answer the
 * Phala/NEAR way (EIP-191 over `sha256(request):sha256(response)`, `GET …/signature/{chat_id}`);
 * a fresh Ed25519 key signs an ACI receipt per answer (`x-receipt-id`). The attestation report
 * is the recorded NEAR sample: the mock cannot forge an Intel-signed quote over the app's nonce,
 * so its answers honestly reach Signed, never Hardware-bound. `tamper` makes one thing wrong.
 */
export type Tamper = 'none' | 'signature' | 'response' | 'address';
const TAMPERS: readonly Tamper[] = ['none', 'signature', 'response', 'address'];

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const REPORT = new URL('../fixtures/attestation-samples/near/near_report.json', import.meta.url);

function personalSign(message: string, secret: Uint8Array): string {
  const body = Buffer.from(message, 'utf8');
  const digest = keccak_256(
    Buffer.concat([Buffer.from(`\x19Ethereum Signed Message:\n${body.length}`), body]),
  );
  const sig = secp256k1.sign(digest, secret, { prehash: false, format: 'recovered' });
  return `0x${hex(sig.subarray(1))}${((sig[0] ?? 0) + 27).toString(16)}`;
}

export class MockAttestation {
  tamper: Tamper = 'none';
  private readonly secret = secp256k1.utils.randomSecretKey();
  readonly signingAddress = `0x${hex(keccak_256(secp256k1.getPublicKey(this.secret, false).subarray(1)).subarray(12))}`;
  private readonly receiptSecret = ed25519.utils.randomSecretKey();
  private readonly keyset = {
    receipt_signing_keys: [
      {
        algo: 'ed25519',
        key_id: 'mock-receipt-1',
        public_key: hex(ed25519.getPublicKey(this.receiptSecret)),
      },
    ],
    subject: 'mock://llm-desk',
    tls_public_keys: [],
  };
  private readonly signatures = new Map<string, unknown>();
  private readonly receipts = new Map<string, unknown>();
  private report: string | null = null;
  private served = 0;

  reset(): void {
    this.tamper = 'none';
    this.signatures.clear();
    this.receipts.clear();
  }

  /** Records the bytes of one chat completion as they are written, and signs them when it ends. */
  capture(req: IncomingMessage, res: ServerResponse, body: Buffer, endpoint: string): void {
    const receiptId = `rcpt-${(this.served += 1)}-${randomBytes(4).toString('hex')}`;
    res.setHeader('x-receipt-id', receiptId);
    const parts: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const keep = (chunk: unknown): void => {
      if (typeof chunk === 'string') parts.push(Buffer.from(chunk, 'utf8'));
      else if (chunk instanceof Uint8Array) parts.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') keep(chunk);
      return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      if (res.statusCode !== 200) return;
      const response = Buffer.concat(parts);
      const chatId = /"id"\s*:\s*"([^"]+)"/.exec(response.toString('utf8'))?.[1];
      if (chatId === undefined) return;
      this.sign(chatId, receiptId, body, response, endpoint, req.method ?? 'POST');
    });
  }

  private sign(
    chatId: string,
    receiptId: string,
    request: Buffer,
    response: Buffer,
    endpoint: string,
    method: string,
  ): void {
    // Tampering happens here, as a compromised gateway would: the signature covers other bytes.
    const responseHash =
      this.tamper === 'response' ? sha256(Buffer.concat([response, Buffer.from(' ')])) : sha256(response);
    const text = `${sha256(request)}:${responseHash}`;
    let signature = personalSign(text, this.secret);
    if (this.tamper === 'signature')
      signature = `${signature.slice(0, 20)}${signature[20] === 'a' ? 'b' : 'a'}${signature.slice(21)}`;
    const address =
      this.tamper === 'address' ? '0x614bc66ff0407dbb70b9c7ca1f5e983e4a02c921' : this.signingAddress;
    this.signatures.set(chatId, { text, signature, signing_address: address, signing_algo: 'ecdsa' });
    const unsigned = {
      api_version: 'aci/1',
      chat_id: chatId,
      endpoint,
      event_log: [
        { body_hash: `sha256:${sha256(request)}`, type: 'request.received' },
        { body_hash: `sha256:${responseHash}`, type: 'response.returned' },
      ],
      key_id: 'mock-receipt-1',
      method,
      receipt_id: receiptId,
      served_at: Math.floor(Date.now() / 1000),
      workload_keyset_digest: `sha256:${sha256(canonicalize(this.keyset) ?? '')}`,
    };
    const sig = ed25519.sign(Buffer.from(canonicalize(unsigned) ?? '', 'utf8'), this.receiptSecret);
    this.receipts.set(receiptId, { ...unsigned, signature: hex(sig) });
  }

  /** `GET {base}/signature/{id}`, `/attestation/report`, `/aci/receipts/{id}`, `/aci/report`; false when not one. */
  route(method: string, path: string, res: ServerResponse): boolean {
    if (method !== 'GET') return false;
    const m = /^\/(?:api\/)?v1\/(signature|aci\/receipts)\/([^/]+)$/.exec(path);
    if (m) {
      const id = decodeURIComponent(m[2] ?? '');
      const found = m[1] === 'signature' ? this.signatures.get(id) : this.receipts.get(id);
      if (found === undefined)
        sendJson(res, 404, { error: { message: `no ${m[1]} for ${id}`, type: 'not_found' } });
      else sendJson(res, 200, found);
      return true;
    }
    if (/^\/(?:api\/)?v1\/attestation\/report$/.test(path)) {
      this.report ??= readFileSync(REPORT, 'utf8');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(this.report);
      return true;
    }
    if (/^\/(?:api\/)?v1\/aci\/report$/.test(path)) {
      sendJson(res, 200, {
        api_version: 'aci/1',
        attestation: { tee_type: 'none', workload_keyset: this.keyset },
      });
      return true;
    }
    return false;
  }

  /** `GET|POST /__mock/attestation` `{ tamper }`. */
  control(method: string, input: unknown, res: ServerResponse): void {
    if (method === 'POST') {
      const tamper = isRecord(input) ? TAMPERS.find((t) => t === input.tamper) : undefined;
      if (tamper === undefined)
        return sendJson(res, 400, { error: `expected {tamper: ${TAMPERS.join(' | ')}}` });
      this.tamper = tamper;
    }
    sendJson(res, 200, { tamper: this.tamper, signingAddress: this.signingAddress, reaches: 'signed' });
  }
}
