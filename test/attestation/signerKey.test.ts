// The first answer under a signing key main does not know: its key is recovered in the evidence
// worker (a one-off secp256k1 recovery main's event loop would wait on), main keeps it, and every
// later answer is checked on main under the known key. Main's own secp256k1 counters show it
// never recovered a key; the verifier's job log shows the worker did, once.
import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BundleInput } from '../../main/attestation/bundle';
import {
  addressOfPublicKey,
  personalMessageHash,
  signatureWork,
} from '../../main/attestation/formats/eip191';
import type { ReportCheck } from '../../main/attestation/report';
import { signerOf } from '../../main/attestation/signer';
import { judgeAnswer } from '../../main/attestation/verdict';
import { EvidenceVerifier } from '../../main/attestation/worker/client';
import { useAttestApp } from './useAttestApp';
import { sourceEvidenceWorker } from './workerSupport';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const keyPair = () => {
  const secret = secp256k1.utils.randomSecretKey();
  return { secret, address: addressOfPublicKey(secp256k1.getPublicKey(secret, false)) };
};
const provider = keyPair();
const stranger = keyPair();

/** One streamed answer, signed by `by` in the legacy format, naming the provider's address. */
function answer(i: number, by = provider): BundleInput {
  const request = JSON.stringify({ model: 'phala/m', messages: [{ role: 'user', content: `q${i}` }] });
  const response = `data: {"choices":[{"delta":{"content":"a${i}"}}]}\n\ndata: [DONE]\n\n`;
  const text = `${sha(request)}:${sha(response)}`;
  const sig = secp256k1.sign(personalMessageHash(text), by.secret, { prehash: false, format: 'recovered' });
  return {
    judgedAt: new Date().toISOString(),
    provider: { name: 'p', kind: 'phala', baseUrl: 'https://llm.example/v1' },
    model: 'phala/m',
    labelledConfidential: true,
    chatId: `c${i}`,
    request: { url: 'https://llm.example/v1/chat/completions', body: request },
    response: {
      sha256: sha(response),
      bodyBase64: Buffer.from(response).toString('base64'),
      receiptId: null,
    },
    signature: {
      format: 'eip191',
      value: {
        text,
        signature: `0x${Buffer.from(sig.subarray(1)).toString('hex')}${((sig[0] ?? 0) + 27).toString(16)}`,
        signing_address: provider.address,
      },
    },
    signatureProblem: null,
    report: {
      endpoint: 'https://llm.example/v1/attestation/report',
      nonce: '00'.repeat(32),
      fetchedAt: 0,
      body: {},
    },
    reportProblem: null,
    collateral: null,
    pins: [],
  };
}

/** The provider's checked report (from the worker), binding its address in hardware. */
const report: ReportCheck = {
  checks: [],
  level: 'hardware-bound',
  signers: [{ address: provider.address, level: 'hardware-bound', name: 'phala/m' }],
  measurements: [],
  chains: [],
  compose: null,
  appId: null,
  composeHash: null,
  signingAddress: provider.address,
};

const verifier = new EvidenceVerifier(sourceEvidenceWorker());
afterAll(() => verifier.close());
const signerJobs = () => verifier.stats.log.filter((j) => j.kind === 'signer');
const judge = async (bundle: BundleInput) =>
  judgeAnswer(bundle, new Date(bundle.judgedAt), report, await signerOf(verifier, bundle));

describe('a new signing key', () => {
  it('is recovered in the worker for the first answer; later answers are checked under it on main', async () => {
    const before = { ...signatureWork };
    const first = await judge(answer(1));
    expect(first).toMatchObject({ state: 'verified', level: 'hardware-bound' });
    expect(first.checks.find((c) => c.id === 'sig.signature')?.status).toBe('pass');
    expect(signerJobs()).toHaveLength(1);
    expect(signerJobs()[0]!.threadId).not.toBe(threadId);
    expect(signatureWork.recovered).toBe(before.recovered);

    for (const i of [2, 3]) expect(await judge(answer(i))).toMatchObject({ state: 'verified' });
    expect(signerJobs()).toHaveLength(1);
    expect(signatureWork.underKnownKey).toBe(before.underKnownKey + 2);
    expect(signatureWork.recovered).toBe(before.recovered);
  });

  it('signed by another key than the one named: the worker finds which, and the answer fails saying so', async () => {
    const before = { ...signatureWork };
    const jobs = signerJobs().length;
    // The named key is known by now: main tries it, it does not verify, main recovers the stranger.
    const known = await judge(answer(4, stranger));
    expect(known.failedCheck).toBe('sig.signature');
    expect(known.reason).toContain(`recovers to ${stranger.address}, not to the signing address`);
    expect(signatureWork.recovered).toBe(before.recovered + 1);
    expect(signerJobs()).toHaveLength(jobs);
  });
});

describe('through the app', () => {
  const attest = useAttestApp({ worker: sourceEvidenceWorker() });

  it("the mock's first answer is signed; main never recovered its key, the second is checked under it", async () => {
    const before = { ...signatureWork };
    const first = await attest.app.verdict((await attest.app.ask('first')).answerId);
    expect(first.checks.find((c) => c.id === 'sig.signature')?.status).toBe('pass');
    expect(signatureWork).toEqual(before);
    const second = await attest.app.verdict((await attest.app.ask('second')).answerId);
    expect(second.checks.find((c) => c.id === 'sig.signature')?.status).toBe('pass');
    expect(signatureWork).toEqual({ ...before, underKnownKey: before.underKnownKey + 1 });
  });
});
