import { describe, expect, it } from 'vitest';
import { mintJwt } from '../mock-provider';
import { useAttestApp } from './useAttestApp';

const attest = useAttestApp();

describe('ACI receipts from any gateway', () => {
  it('an OpenAI-compatible provider that sends x-receipt-id gets its answers checked to Signed by the receipt', async () => {
    const provider = await attest.app.call('providers:create', {
      name: 'Gateway',
      preset: 'openai-compatible',
      baseUrl: attest.mock.confidentialBase,
      authKind: 'jwt',
    });
    await attest.app.call('providers:setSecret', {
      id: provider.id,
      secret: mintJwt({ scopes: ['llm-all'], expiresInSec: 3600 }),
    });
    await attest.app.call('threads:update', {
      id: attest.app.threadId,
      settings: { providerId: provider.id, model: 'openai/gpt-4o-mini' },
    });
    const { answerId } = await attest.app.ask('receipt please');
    const verdict = await attest.app.verdict(answerId);
    expect(verdict).toMatchObject({ state: 'verified', level: 'signed', format: 'aci-receipt' });
    const ids = verdict.checks.filter((c) => c.status === 'pass').map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['receipt.signature', 'receipt.keyset', 'receipt.request', 'receipt.response']),
    );
    await attest.app.call('threads:update', {
      id: attest.app.threadId,
      settings: { providerId: attest.app.providerId, model: 'phala/gpt-oss-120b' },
    });
  });
});

describe('pinned identities', () => {
  const model = 'phala/gpt-oss-120b';
  it('trust on first use, then a loud warning with the compose diff when the hash changes, and history', async () => {
    const first = await attest.app.call('attestation:check', { providerId: attest.app.providerId, model });
    expect(first.appId).toMatch(/^[0-9a-f]{40}$/);
    expect(first.composeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.pinChange).toBeNull();
    // The user pinned this app earlier with another compose file.
    const older = first.compose!.replace(/image:/, 'image: old/');
    await attest.app.call('attestation:pin', {
      providerId: attest.app.providerId,
      appId: first.appId!,
      composeHash: 'ab'.repeat(32),
      compose: older,
    });
    const changed = await attest.app.call('attestation:check', { providerId: attest.app.providerId, model });
    expect(changed.pinChange).toMatchObject({
      appId: first.appId,
      pinnedHash: 'ab'.repeat(32),
      seenHash: first.composeHash,
    });
    expect(changed.pinChange!.diff).toMatch(/^- .*old\//m);
    expect(changed.pinChange!.diff).toMatch(/^\+ /m);
    expect(changed.reason).toMatch(/compose hash of .* changed since you pinned it/);
    const status = await attest.app.call('attestation:provider', {
      providerId: attest.app.providerId,
      model,
    });
    expect(status.state).toBe('unverified');
    // Accepting the new compose file after reading the diff: the old pin becomes history.
    const pins = await attest.app.call('attestation:pin', {
      providerId: attest.app.providerId,
      appId: first.appId!,
      composeHash: first.composeHash!,
      compose: first.compose,
    });
    expect(pins.map((p) => [p.composeHash, p.status])).toEqual([
      [first.composeHash, 'trusted'],
      ['ab'.repeat(32), 'replaced'],
    ]);
    expect(
      (await attest.app.call('attestation:check', { providerId: attest.app.providerId, model })).pinChange,
    ).toBeNull();
  });
});
