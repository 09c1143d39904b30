import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintJwt, startMockProvider, type MockProvider } from '../mock-provider';
import { startAttestApp, type AttestApp } from '../support/app';

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

describe('ACI receipts from any gateway', () => {
  it('an OpenAI-compatible provider that sends x-receipt-id gets its answers checked to Signed by the receipt', async () => {
    const provider = await app.call('providers:create', {
      name: 'Gateway',
      preset: 'openai-compatible',
      baseUrl: mock.confidentialBase,
      authKind: 'jwt',
    });
    await app.call('providers:setSecret', {
      id: provider.id,
      secret: mintJwt({ scopes: ['llm-all'], expiresInSec: 3600 }),
    });
    await app.call('threads:update', {
      id: app.threadId,
      settings: { providerId: provider.id, model: 'openai/gpt-4o-mini' },
    });
    const { answerId } = await app.ask('receipt please');
    const verdict = await app.verdict(answerId);
    expect(verdict).toMatchObject({ state: 'verified', level: 'signed', format: 'aci-receipt' });
    const ids = verdict.checks.filter((c) => c.status === 'pass').map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(['receipt.signature', 'receipt.keyset', 'receipt.request', 'receipt.response']),
    );
    await app.call('threads:update', {
      id: app.threadId,
      settings: { providerId: app.providerId, model: 'phala/gpt-oss-120b' },
    });
  });
});

describe('pinned identities', () => {
  const model = 'phala/gpt-oss-120b';
  it('trust on first use, then a loud warning with the compose diff when the hash changes, and history', async () => {
    const first = await app.call('attestation:check', { providerId: app.providerId, model });
    expect(first.appId).toMatch(/^[0-9a-f]{40}$/);
    expect(first.composeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.pinChange).toBeNull();
    // The user pinned this app earlier with another compose file.
    const older = first.compose!.replace(/image:/, 'image: old/');
    await app.call('attestation:pin', {
      providerId: app.providerId,
      appId: first.appId!,
      composeHash: 'ab'.repeat(32),
      compose: older,
    });
    const changed = await app.call('attestation:check', { providerId: app.providerId, model });
    expect(changed.pinChange).toMatchObject({
      appId: first.appId,
      pinnedHash: 'ab'.repeat(32),
      seenHash: first.composeHash,
    });
    expect(changed.pinChange!.diff).toMatch(/^- .*old\//m);
    expect(changed.pinChange!.diff).toMatch(/^\+ /m);
    expect(changed.reason).toMatch(/compose hash of .* changed since you pinned it/);
    const status = await app.call('attestation:provider', { providerId: app.providerId, model });
    expect(status.state).toBe('unverified');
    // Accepting the new compose file after reading the diff: the old pin becomes history.
    const pins = await app.call('attestation:pin', {
      providerId: app.providerId,
      appId: first.appId!,
      composeHash: first.composeHash!,
      compose: first.compose,
    });
    expect(pins.map((p) => [p.composeHash, p.status])).toEqual([
      [first.composeHash, 'trusted'],
      ['ab'.repeat(32), 'replaced'],
    ]);
    expect((await app.call('attestation:check', { providerId: app.providerId, model })).pinChange).toBeNull();
  });
});
