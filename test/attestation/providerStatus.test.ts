import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from '../mock-provider';
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

describe('the composer badge', () => {
  it('starts as checking, then says the mock is not verified and why (its report was made for another nonce)', async () => {
    const first = await app.call('attestation:provider', {
      providerId: app.providerId,
      model: 'phala/gpt-oss-120b',
    });
    expect(first.state).toBe('checking');
    const settled = await app.providerChange(app.providerId);
    expect(settled).toMatchObject({ state: 'unverified', requireVerification: false });
    expect(settled.reason).toMatch(/nonce/);
    const again = await app.call('attestation:provider', {
      providerId: app.providerId,
      model: 'phala/gpt-oss-120b',
    });
    expect(again.state).toBe('unverified');
  });
});
