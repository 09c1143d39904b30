import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { MintJwtOptions } from './types';

/**
 * A fixed secret so that tokens minted in one process (a test) verify in
 * another (the mock started by the e2e harness). It protects nothing.
 */
const SECRET = 'llm-desk-mock-provider-hs256-secret';
export const JWT_ISSUER = 'https://mock-confidential-llm.invalid';

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function sign(data: string): Buffer {
  return createHmac('sha256', SECRET).update(data).digest();
}

export function mintJwt(opts: MintJwtOptions): string {
  const now = Math.floor(Date.now() / 1000);
  const claim = opts.claim ?? 'scope';
  const scopes = claim === 'scope' ? opts.scopes.join(' ') : opts.scopes;
  const payload: Record<string, unknown> = {
    iss: JWT_ISSUER,
    sub: opts.sub ?? 'test-user',
    iat: now,
    exp: now + (opts.expiresInSec ?? 3600),
    jti: randomUUID(),
    [claim]: scopes,
    ...opts.extra,
  };
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  return `${head}.${body}.${base64url(sign(`${head}.${body}`))}`;
}

export interface VerifiedToken {
  sub: string;
  scopes: string[];
  jti: string | null;
  exp: number | null;
}

export type VerifyResult =
  | { ok: true; token: VerifiedToken }
  | { ok: false; code: 'invalid_token' | 'token_expired'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSegment(segment: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((s) => s.length > 0);
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return [];
}

/** Real issuers disagree on the claim name, so accept all the common ones. */
export function scopesFromClaims(claims: Record<string, unknown>): string[] {
  const all = ['scope', 'scp', 'scopes', 'permissions'].flatMap((k) => stringList(claims[k]));
  return [...new Set(all)];
}

const invalid = (message: string): VerifyResult => ({ ok: false, code: 'invalid_token', message });

export function verifyJwt(token: string): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return invalid('malformed access token');
  const [head, body, signature] = parts as [string, string, string];
  const header = parseSegment(head);
  if (header?.alg !== 'HS256') return invalid('unsupported token algorithm');
  const expected = sign(`${head}.${body}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return invalid('invalid token signature');
  }
  const claims = parseSegment(body);
  if (!claims) return invalid('malformed token payload');
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof claims.exp === 'number' ? claims.exp : null;
  if (exp !== null && exp <= now) {
    return { ok: false, code: 'token_expired', message: 'access token expired' };
  }
  if (typeof claims.nbf === 'number' && claims.nbf > now) return invalid('token not yet valid');
  return {
    ok: true,
    token: {
      sub: typeof claims.sub === 'string' ? claims.sub : 'anonymous',
      scopes: scopesFromClaims(claims),
      jti: typeof claims.jti === 'string' ? claims.jti : null,
      exp,
    },
  };
}
