import { beforeEach, describe, expect, it } from 'vitest';
import { checkProof } from '../../main/attestation/proof';
import { setTamper } from '../support/app';
import { useAttestApp } from './useAttestApp';

const attest = useAttestApp();
beforeEach(() => setTamper(attest.mock, 'none'));

describe('answers on the mock confidential model', () => {
  it('verify to Signed from the exact bytes, and say why they stop there (a recorded report)', async () => {
    const { answerId, usageId } = await attest.app.ask('hello');
    const verdict = await attest.app.verdict(answerId);
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
    // The word "Confidential" needs hardware-bound: never on the attest.mock.
    expect(verdict.claim).not.toBe('confidential');
    expect(attest.app.verdicts.find((v) => v.messageId === answerId)?.state).toBe('checking');
    const row = attest.app.services.db
      .prepare('SELECT attestation_level FROM usage WHERE id = ?')
      .get(usageId) as {
      attestation_level: string;
    };
    expect(row.attestation_level).toBe('signed');
    expect(await attest.app.call('attestation:answers', { messageIds: [answerId] })).toEqual({
      [answerId]: verdict,
    });
  });

  it.each([
    ['response', 'sig.response', /bytes we received hash to/],
    ['signature', 'sig.signature', /recovers to|does not verify/],
    ['address', 'sig.signature', /not to the signing address 0x614bc66ff0407dbb70b9c7ca1f5e983e4a02c921/],
  ] as const)('tampering with the %s fails, naming %s', async (tamper, check, reason) => {
    await setTamper(attest.mock, tamper);
    const { answerId, usageId } = await attest.app.ask(`tamper ${tamper}`);
    const verdict = await attest.app.verdict(answerId);
    expect(verdict.state).toBe('failed');
    expect(verdict.level).toBe('unverified');
    expect(verdict.failedCheck).toBe(check);
    expect(verdict.reason).toMatch(reason);
    const row = attest.app.services.db
      .prepare('SELECT attestation_level FROM usage WHERE id = ?')
      .get(usageId) as {
      attestation_level: string;
    };
    expect(row.attestation_level).toBe('unverified');
  });

  it('a non-confidential model gets no shield', async () => {
    await attest.app.call('threads:update', {
      id: attest.app.threadId,
      settings: { model: 'openai/gpt-4o-mini' },
    });
    const { answerId } = await attest.app.ask('plain');
    await attest.app.call('threads:update', {
      id: attest.app.threadId,
      settings: { model: 'phala/gpt-oss-120b' },
    });
    // A confidential answer asked afterwards is verified after the plain one was looked at.
    const after = await attest.app.ask('confidential again');
    await attest.app.verdict(after.answerId);
    expect(await attest.app.call('attestation:answers', { messageIds: [answerId] })).toEqual({
      [answerId]: null,
    });
    expect(attest.app.verdicts.some((v) => v.messageId === answerId)).toBe(false);
  });
});

describe('proof export', () => {
  it('reaches the same verdict offline; a tampered bundle does not', async () => {
    const { answerId } = await attest.app.ask('prove it');
    await attest.app.verdict(answerId);
    const { text, fileName } = await attest.app.call('attestation:exportProof', { messageId: answerId });
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
    const status = await attest.app.call('attestation:setRequire', {
      providerId: attest.app.providerId,
      require: true,
    });
    expect(status.requireVerification).toBe(true);
    const sentBefore = attest.mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const refused = await attest.app
      .call('chat:send', { threadId: attest.app.threadId, content: 'should not go' })
      .then(
        () => null,
        (error: { appError?: { code: string; message: string } }) => error.appError,
      );
    expect(refused?.code).toBe('invalid_request');
    expect(refused?.message).toMatch(
      /^Not sent: Mock requires verification and its attestation did not verify — /,
    );
    expect(attest.mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBe(sentBefore);
    await attest.app.call('attestation:setRequire', { providerId: attest.app.providerId, require: false });
    const { answerId } = await attest.app.ask('now it goes');
    expect((await attest.app.verdict(answerId)).level).toBe('signed');
  });
});
