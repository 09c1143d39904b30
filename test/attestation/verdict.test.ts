import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import type { BundleInput } from '../../main/attestation/bundle';
import { galadrielHashOf, pythonJson } from '../../main/attestation/formats/galadriel';
import { judgeAnswer } from '../../main/attestation/verdict';

const now = new Date('2026-12-06T08:00:00Z');
const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

function base(overrides: Partial<BundleInput>): BundleInput {
  const response = '{"id":"chatcmpl-1","choices":[]}';
  return {
    judgedAt: now.toISOString(),
    provider: { name: 'P', kind: 'phala', baseUrl: 'https://p.example/api/v1' },
    model: 'phala/m',
    labelledConfidential: true,
    chatId: 'chatcmpl-1',
    request: { url: 'https://p.example/api/v1/chat/completions', body: '{"model":"phala/m"}' },
    response: {
      sha256: sha(response),
      bodyBase64: Buffer.from(response).toString('base64'),
      receiptId: null,
    },
    signature: null,
    signatureProblem: 'P does not publish a signature here (HTTP 404 for /api/v1/signature/chatcmpl-1).',
    report: null,
    reportProblem: null,
    collateral: null,
    pins: [],
    ...overrides,
  };
}

describe('levels and claims', () => {
  it('a provider that passes no evidence through is "provider attested" at most, and says why', () => {
    const v = judgeAnswer(base({}), now);
    expect(v).toMatchObject({ state: 'degraded', level: 'unverified', claim: 'provider-attested' });
    expect(v.reason).toMatch(
      /^Provider attested at most: P does not publish a signature here .* confidential by the provider's word only\.$/,
    );
  });

  it('kept response bytes that no longer hash to what was received fail first', () => {
    const v = judgeAnswer(
      base({
        response: {
          sha256: 'ab'.repeat(32),
          bodyBase64: Buffer.from('x').toString('base64'),
          receiptId: null,
        },
      }),
      now,
    );
    expect(v.checks[0]).toMatchObject({ id: 'response.bytes', status: 'fail' });
  });

  it('Galadriel is "signed" from its Ed25519 proof and never "confidential"; a changed answer fails the binding', () => {
    const secret = ed25519.utils.randomSecretKey();
    const request = '{"model":"gpt-4o","messages":[{"role":"user","content":"h\u00e9llo"}]}';
    const plain = {
      id: 'c1',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: 'ok' } }],
      usage: null,
    };
    const hash = galadrielHashOf(request, JSON.stringify(plain))!;
    const proof = {
      hash,
      public_key: Buffer.from(ed25519.getPublicKey(secret)).toString('hex'),
      signature: Buffer.from(ed25519.sign(Buffer.from(hash, 'hex'), secret)).toString('hex'),
    };
    const body = JSON.stringify({ ...plain, ...proof });
    const bundle = base({
      provider: { name: 'G', kind: 'galadriel', baseUrl: 'https://api.galadriel.com/v1/verified' },
      labelledConfidential: false,
      request: { url: 'https://api.galadriel.com/v1/verified/chat/completions', body: request },
      response: { sha256: sha(body), bodyBase64: Buffer.from(body).toString('base64'), receiptId: null },
      signature: { format: 'galadriel', proof },
      signatureProblem: null,
    });
    const v = judgeAnswer(bundle, now);
    expect(v).toMatchObject({ state: 'verified', level: 'signed', claim: 'signed' });
    expect(v.claim).not.toBe('confidential');
    const changed = body.replace('"ok"', '"OK"');
    const bad = judgeAnswer(
      {
        ...bundle,
        response: {
          sha256: sha(changed),
          bodyBase64: Buffer.from(changed).toString('base64'),
          receiptId: null,
        },
      },
      now,
    );
    expect(bad).toMatchObject({ state: 'failed', failedCheck: 'sig.binding' });
  });

  it("dumps JSON the way Python's json.dumps(sort_keys=True) does", () => {
    expect(pythonJson({ b: [1, 'é'], a: null, c: { y: true, x: 1.5 } })).toBe(
      '{"a": null, "b": [1, "\\u00e9"], "c": {"x": 1.5, "y": true}}',
    );
  });
});
