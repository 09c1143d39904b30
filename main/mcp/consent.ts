import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export interface ConsentSubject {
  transport: 'stdio' | 'http';
  command: string;
  args: readonly string[];
  cwd: string | null;
  envNames: readonly string[];
  url: string | null;
  headerNames: readonly string[];
  /** Only an OAuth server's hash carries it, so consents given before it existed stay valid. */
  auth?: 'none' | 'oauth';
}

/**
 * What the user consents to: the exact command, arguments, folder and the names of the variables
 * (values may change without asking again; a secret's value is never shown anyway). Any change to
 * these makes a different hash, so the server stays stopped until the user confirms again.
 */
export function consentHash(subject: ConsentSubject): string {
  const text =
    canonicalize({
      transport: subject.transport,
      command: subject.command,
      args: subject.args,
      cwd: subject.cwd,
      env: [...subject.envNames].sort(),
      url: subject.url,
      headers: [...subject.headerNames].map((h) => h.toLowerCase()).sort(),
      ...(subject.auth === 'oauth' ? { auth: 'oauth' } : {}),
    }) ?? '';
  return createHash('sha256').update(text).digest('hex');
}
