import { describe, expect, it } from 'vitest';
import { decodeJwt, describeDuration, scopesFromClaims } from '../../main/models/jwt';
import { mintJwt } from '../mock-provider/index';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }) =>
  `${segment(header)}.${segment(payload)}.c2lnbmF0dXJl`;

describe('reading an access token', () => {
  it('reads space-separated scopes, expiry and subject from a minted token', () => {
    const decoded = decodeJwt(
      mintJwt({ scopes: ['llm-confidential', 'offline_access'], sub: 'alice', expiresInSec: 600 }),
    );
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.claims.scopes).toEqual(['llm-confidential', 'offline_access']);
    expect(decoded.claims.subject).toBe('alice');
    expect(decoded.claims.expiresAt).toBeGreaterThan(Date.now() + 500_000);
    expect(decoded.claims.expiresAt).toBeLessThanOrEqual(Date.now() + 601_000);
  });

  it.each(['scp', 'scopes', 'permissions'] as const)('reads scopes from the %s claim (an array)', (claim) => {
    const decoded = decodeJwt(mintJwt({ scopes: ['llm-all'], claim }));
    expect(decoded.ok && decoded.claims.scopes).toEqual(['llm-all']);
  });

  it('accepts scp as a space-separated string too, and merges claims without duplicates', () => {
    expect(scopesFromClaims({ scp: 'llm-other llm-all', scope: 'llm-all' })).toEqual([
      'llm-all',
      'llm-other',
    ]);
  });

  it('tells a token without any scope claim apart from one with an empty scope', () => {
    const none = decodeJwt(token({ sub: 'x', exp: 2_000_000_000 }));
    const empty = decodeJwt(token({ sub: 'x', scope: '' }));
    expect(none.ok && none.claims.scopes).toBeNull();
    expect(empty.ok && empty.claims.scopes).toEqual([]);
  });

  it('reads an expired token without failing (refusing it is the caller’s decision)', () => {
    const decoded = decodeJwt(mintJwt({ scopes: ['llm-all'], expiresInSec: -180 }));
    expect(decoded.ok && decoded.claims.expiresAt).toBeLessThan(Date.now());
  });

  it('reads a token without exp or sub as having neither', () => {
    const decoded = decodeJwt(token({ scope: 'llm-all' }));
    expect(decoded).toEqual({ ok: true, claims: { scopes: ['llm-all'], expiresAt: null, subject: null } });
  });
});

describe('malformed tokens get a specific message, never a crash', () => {
  it.each([
    ['an API key', 'sk-1234567890abcdef', "this doesn't look like a JWT: expected three dot-separated parts"],
    ['two parts', 'abc.def', "this doesn't look like a JWT: expected three dot-separated parts"],
    ['four parts', 'a.b.c.d', "this doesn't look like a JWT: expected three dot-separated parts"],
    ['an empty payload', `${segment({ alg: 'none' })}..sig`, "this doesn't look like a JWT: a part is empty"],
    [
      'a payload that is not JSON',
      `${segment({ alg: 'none' })}.${Buffer.from('{not json').toString('base64url')}.sig`,
      "payload isn't valid JSON",
    ],
    ['a payload that is not base64url', `${segment({ alg: 'none' })}.$$$.sig`, "payload isn't base64url"],
    ['a payload that is a JSON array', token([1, 2]), "payload isn't a JSON object"],
    [
      'a header that is not JSON',
      `${Buffer.from('nope').toString('base64url')}.${segment({})}.sig`,
      "the header isn't valid JSON",
    ],
    ['a non-numeric exp', token({ exp: 'tomorrow' }), "the exp claim isn't a number of seconds"],
  ])('%s', (_label, input, problem) => {
    expect(decodeJwt(input)).toEqual({ ok: false, problem });
  });

  it('survives whitespace around a pasted token', () => {
    expect(decodeJwt(`  ${mintJwt({ scopes: ['llm-all'] })}\n`).ok).toBe(true);
  });
});

describe('durations for status lines', () => {
  it.each([
    [20_000, 'less than a minute'],
    [3 * 60_000, '3 min'],
    [-3 * 60_000, '3 min'],
    [125 * 60_000, '2 h 5 min'],
    [120 * 60_000, '2 h'],
    [5 * 24 * 3_600_000, '5 days'],
  ])('%d ms reads as %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
