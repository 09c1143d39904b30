import { describe, expect, it } from 'vitest';
import {
  credentialStatus,
  maskHint,
  secretFacts,
  serializeOAuthTokens,
} from '../../main/providers/credentials';
import { mintJwt } from '../mock-provider/index';

const NOW = Date.now();

describe('credential status shown to the renderer', () => {
  it('shows scopes, subject and expiry of a pasted JWT, and a masked hint', () => {
    const jwt = mintJwt({ scopes: ['llm-confidential'], sub: 'alice', expiresInSec: 3600 });
    const status = credentialStatus('jwt', secretFacts('jwt', jwt), true, NOW);
    expect(status).toMatchObject({
      configured: true,
      kind: 'jwt',
      scopes: ['llm-confidential'],
      subject: 'alice',
      problem: null,
    });
    expect(status.hint).toBe(`…${jwt.slice(-4)}`);
    expect(JSON.stringify(status)).not.toContain(jwt);
  });

  it('says how long ago an expired token expired, and what to do', () => {
    const jwt = mintJwt({ scopes: ['llm-all'], expiresInSec: -180 });
    const status = credentialStatus('jwt', secretFacts('jwt', jwt), true, Date.now());
    expect(status.problem).toBe('expired 3 min ago: paste a new token');
  });

  it('warns shortly before expiry', () => {
    const jwt = mintJwt({ scopes: ['llm-all'], expiresInSec: 120 });
    expect(credentialStatus('jwt', secretFacts('jwt', jwt), true, Date.now()).problem).toBe(
      'expires in 2 min: paste a new token soon',
    );
  });

  it('names what is wrong with a malformed token', () => {
    const status = credentialStatus('jwt', secretFacts('jwt', 'not-a-jwt-at-all-123'), true, NOW);
    expect(status.configured).toBe(true);
    expect(status.problem).toBe(
      "malformed token: this doesn't look like a JWT: expected three dot-separated parts",
    );
  });

  it('shows no scopes for an API key, even one that looks like a JWT', () => {
    const key = mintJwt({ scopes: ['llm-all'] });
    expect(credentialStatus('api-key', secretFacts('api-key', key), true, NOW).scopes).toBeNull();
    expect(
      credentialStatus('api-key', secretFacts('api-key', 'gal-0123456789abcdef'), true, NOW),
    ).toMatchObject({
      scopes: null,
      expiresAt: null,
      problem: null,
      hint: '…cdef',
    });
  });

  it('does not flag an OAuth token near expiry when it can be refreshed', () => {
    const access = mintJwt({ scopes: ['llm-all'], expiresInSec: 30 });
    const blob = serializeOAuthTokens({
      access,
      refresh: 'rt_x',
      expiresAt: Date.now() + 30_000,
      scope: 'llm-all',
    });
    expect(credentialStatus('oauth', secretFacts('oauth', blob), true, Date.now())).toMatchObject({
      problem: null,
      scopes: ['llm-all'],
    });
  });

  it('takes granted scopes from the token response when the OAuth access token is opaque', () => {
    const blob = serializeOAuthTokens({
      access: 'opaque-access-token-value',
      refresh: null,
      expiresAt: null,
      scope: 'llm-other',
    });
    expect(credentialStatus('oauth', secretFacts('oauth', blob), true, NOW)).toMatchObject({
      scopes: ['llm-other'],
      problem: null,
    });
  });

  it('says plainly when the keychain is unavailable', () => {
    expect(credentialStatus('api-key', secretFacts('api-key', null), false, NOW)).toMatchObject({
      configured: false,
      keychainAvailable: false,
      problem: expect.stringMatching(/OS keychain is unavailable/),
    });
  });

  it('masks nothing of a short secret', () => {
    expect(maskHint('abc123')).toBeNull();
  });
});
