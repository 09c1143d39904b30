import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkProof } from '../../main/attestation/proof';
import { startMockProvider, type MockProvider } from '../mock-provider';
import { setTamper, startAttestApp, type AttestApp } from '../support/app';

let mock: MockProvider;
let app: AttestApp;

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
  app = await startAttestApp(mock);
});
afterAll(async () => {
  await app.close();
  await mock.close();
});
beforeEach(() => setTamper(mock, 'none'));

describe('answers on the mock confidential model', () => {
  it('verify to Signed from the exact bytes, and say why they stop there (a recorded report)', async () => {
    const { answerId, usageId } = await app.ask('hello');
    const verdict = await app.verdict(answerId);
    expect(verdict.state).toBe('verified');
    expect(verdict.level).toBe('signed');
    expect(verdict.claim).toBe('signed');
    expect(verdict.format).toBe('eip191');
    const byId = Object.fromEntries(verdict.checks.map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({
      'response.bytes': 'pass',
      'sig.request': 'pass',
      'sig.response': 'pass',
      'sig.signature': 'pass',
      'signer.attested': 'fail',
    });
    expect(verdict.reason).toMatch(/^Stops at Signed: /);
    // The word "Confidential" needs hardware-bound: never on the mock.
    expect(verdict.claim).not.toBe('confidential');
    expect(app.verdicts.find((v) => v.messageId === answerId)?.state).toBe('checking');
    const row = app.services.db.prepare('SELECT attestation_level FROM usage WHERE id = ?').get(usageId) as {
      attestation_level: string;
    };
    expect(row.attestation_level).toBe('signed');
    expect(await app.call('attestation:answer', { messageId: answerId })).toEqual(verdict);
  });

  it.each([
    ['response', 'sig.response', /bytes we received hash to/],
    ['signature', 'sig.signature', /recovers to|does not verify/],
    ['address', 'sig.signature', /not to the signing address 0x614bc66ff0407dbb70b9c7ca1f5e983e4a02c921/],
  ] as const)('tampering with the %s fails, naming %s', async (tamper, check, reason) => {
    await setTamper(mock, tamper);
    const { answerId, usageId } = await app.ask(`tamper ${tamper}`);
    const verdict = await app.verdict(answerId);
    expect(verdict.state).toBe('failed');
    expect(verdict.level).toBe('unverified');
    expect(verdict.failedCheck).toBe(check);
    expect(verdict.reason).toMatch(reason);
    const row = app.services.db.prepare('SELECT attestation_level FROM usage WHERE id = ?').get(usageId) as {
      attestation_level: string;
    };
    expect(row.attestation_level).toBe('unverified');
  });

  it('a non-confidential model gets no shield', async () => {
    await app.call('threads:update', { id: app.threadId, settings: { model: 'openai/gpt-4o-mini' } });
    const { answerId } = await app.ask('plain');
    await app.call('threads:update', { id: app.threadId, settings: { model: 'phala/gpt-oss-120b' } });
    // A confidential answer asked afterwards is verified after the plain one was looked at.
    const after = await app.ask('confidential again');
    await app.verdict(after.answerId);
    expect(await app.call('attestation:answer', { messageId: answerId })).toBeNull();
    expect(app.verdicts.some((v) => v.messageId === answerId)).toBe(false);
  });
});

describe('proof export', () => {
  it('reaches the same verdict offline; a tampered bundle does not', async () => {
    const { answerId } = await app.ask('prove it');
    await app.verdict(answerId);
    const { text, fileName } = await app.call('attestation:exportProof', { messageId: answerId });
    expect(fileName).toMatch(/^proof-.*\.json$/);
    const good = checkProof(text);
    expect(good.problem).toBeNull();
    expect(good.same).toBe(true);
    expect(good.recomputed?.level).toBe('signed');
    const bundle = JSON.parse(text) as { response: { bodyBase64: string }; request: { body: string } };
    const bytes = Buffer.from(bundle.response.bodyBase64, 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 1, bytes.length - 5);
    const tampered = checkProof(
      JSON.stringify({ ...bundle, response: { ...bundle.response, bodyBase64: bytes.toString('base64') } }),
    );
    expect(tampered.same).toBe(false);
    expect(tampered.recomputed?.failedCheck).toBe('response.bytes');
    const otherRequest = checkProof(
      JSON.stringify({
        ...bundle,
        request: { ...bundle.request, body: bundle.request.body.replace('prove', 'prove!') },
      }),
    );
    expect(otherRequest.recomputed?.failedCheck).toBe('sig.request');
  });
});

describe('require verification', () => {
  it('refuses to send to an unverified provider and says why; off again, it sends', async () => {
    const status = await app.call('attestation:setRequire', { providerId: app.providerId, require: true });
    expect(status.requireVerification).toBe(true);
    const sentBefore = mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const refused = await app.call('chat:send', { threadId: app.threadId, content: 'should not go' }).then(
      () => null,
      (error: { appError?: { code: string; message: string } }) => error.appError,
    );
    expect(refused?.code).toBe('invalid_request');
    expect(refused?.message).toMatch(
      /^Not sent: Mock requires verification and its attestation did not verify — /,
    );
    expect(mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBe(sentBefore);
    await app.call('attestation:setRequire', { providerId: app.providerId, require: false });
    const { answerId } = await app.ask('now it goes');
    expect((await app.verdict(answerId)).level).toBe('signed');
  });
});
