import { describe, expect, it } from 'vitest';
import type { CredentialStatus } from '../../../main/contract';
import { credentialView } from '../../../renderer/src/features/providers/credential';

const now = 1_700_000_000_000;
const base: CredentialStatus = {
  configured: true,
  kind: 'jwt',
  hint: '…a1b2',
  scopes: ['llm-confidential'],
  expiresAt: now + 60 * 60_000,
  subject: 'user-1',
  problem: null,
  keychainAvailable: true,
};

describe('what the credential section says', () => {
  it('asks for a token when none is saved, and for a sign-in with OAuth', () => {
    expect(credentialView({ ...base, configured: false }, 'jwt', now).next).toBe(
      'Paste your access token below.',
    );
    expect(credentialView({ ...base, configured: false }, 'oauth', now).headline).toBe('Not signed in.');
    expect(credentialView({ ...base, configured: false }, 'api-key', now).headline).toBe('No API key saved.');
  });

  it('is calm while the token is valid and shows the countdown', () => {
    const view = credentialView(base, 'jwt', now);
    expect(view.tone).toBe('ok');
    expect(view.expiry).toBe('expires in 1 h');
  });

  it('warns shortly before expiry', () => {
    const view = credentialView({ ...base, expiresAt: now + 4 * 60_000 }, 'jwt', now);
    expect(view.tone).toBe('warn');
    expect(view.headline).toContain('expires in 4 min');
  });

  it('says plainly what to do once expired', () => {
    const view = credentialView({ ...base, expiresAt: now - 1000 }, 'jwt', now);
    expect(view.tone).toBe('danger');
    expect(view.headline).toBe('expired — paste a new token or sign in again');
  });

  it('shows the specific problem of a malformed token rather than an expiry', () => {
    const view = credentialView(
      { ...base, problem: 'This is not a JWT: it has 2 parts, not 3.', expiresAt: null },
      'jwt',
      now,
    );
    expect(view.tone).toBe('danger');
    expect(view.headline).toBe('This is not a JWT: it has 2 parts, not 3.');
  });

  it('needs nothing for providers without authentication', () => {
    expect(credentialView({ ...base, configured: false }, 'none', now).tone).toBe('ok');
  });
});
