import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** RFC 7636: 32 random bytes give a 43-character verifier; only S256 is ever offered. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge, method: 'S256' };
}

/** Unguessable `state`, so a redirect the app did not start cannot complete a sign-in. */
export const createState = (): string => randomBytes(24).toString('base64url');
