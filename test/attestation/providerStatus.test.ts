import { describe, expect, it } from 'vitest';
import { useAttestApp } from './useAttestApp';

const attest = useAttestApp();

describe('the composer badge', () => {
  it('starts as checking, then says the mock is not verified and why (its report was made for another nonce)', async () => {
    const first = await attest.app.call('attestation:provider', {
      providerId: attest.app.providerId,
      model: 'phala/gpt-oss-120b',
    });
    expect(first.state).toBe('checking');
    const settled = await attest.app.providerChange(attest.app.providerId);
    expect(settled).toMatchObject({ state: 'unverified', requireVerification: false });
    expect(settled.reason).toMatch(/nonce/);
    const again = await attest.app.call('attestation:provider', {
      providerId: attest.app.providerId,
      model: 'phala/gpt-oss-120b',
    });
    expect(again.state).toBe('unverified');
  });
});
