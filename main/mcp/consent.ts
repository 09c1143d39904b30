import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { McpConsent } from '../contract';
import { AppFailure } from '../contract';
import { resolveCommand, serverEnv } from './env';
import type { McpRepo, ServerRow } from './repo';

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

const CONSENT_TTL_MS = 10 * 60_000;

export interface ConsentDeskDeps {
  repo: McpRepo;
  shellEnv: Readonly<Record<string, string | undefined>>;
  now: () => number;
  /**
   * A second, trusted confirmation outside the window (a native dialog in the app): the window's
   * consent screen alone is not enough where this is given.
   */
  confirmOutside?: (consent: McpConsent) => Promise<boolean>;
}

/** The consent screen's side in main: what is shown, and the grant recorded for exactly that. */
export class ConsentDesk {
  private readonly pending = new Map<string, { serverId: string; hash: string; expires: number }>();

  constructor(private readonly deps: ConsentDeskDeps) {}

  private hashOf(s: ServerRow): string {
    return consentHash({
      transport: s.transport,
      command: s.command,
      args: s.args,
      cwd: s.cwd,
      envNames: s.env.map((v) => v.name),
      url: s.url,
      headerNames: s.headers.map((v) => v.name),
      auth: s.auth,
    });
  }

  consented(s: ServerRow): boolean {
    return this.deps.repo.hasConsent(s.id, this.hashOf(s));
  }

  /** Nothing starts (nor signs in) that the user has not confirmed as it now stands. */
  require(s: ServerRow): void {
    if (!this.consented(s))
      throw new AppFailure('invalid_request', 'consent: review and confirm this server before it can start', {
        detail: { field: 'consent' },
      });
  }

  /** Exactly what would run; the id it carries is good for one confirmation, for ten minutes. */
  request(id: string): McpConsent {
    const s = this.deps.repo.server(id);
    const hash = this.hashOf(s);
    const consentId = randomUUID();
    this.pending.set(consentId, { serverId: id, hash, expires: this.deps.now() + CONSENT_TTL_MS });
    const env = serverEnv(this.deps.shellEnv, Object.fromEntries(s.env.map((v) => [v.name, 'x'])));
    return {
      consentId,
      serverId: s.id,
      name: s.name,
      transport: s.transport,
      command: s.command,
      resolvedCommand: s.transport === 'stdio' ? resolveCommand(s.command, env, s.cwd) : null,
      args: s.args,
      cwd: s.cwd,
      envNames: s.env.map((v) => v.name),
      inheritedNames: Object.keys(env).filter((n) => !s.env.some((v) => v.name === n)),
      url: s.url,
      headerNames: s.headers.map((v) => v.name),
      changed: this.deps.repo.anyConsent(s.id),
    };
  }

  /** Records consent for what was shown (refused if the server changed since); the caller starts it. */
  async confirm(consentId: string): Promise<ServerRow> {
    const pending = this.pending.get(consentId);
    this.pending.delete(consentId);
    if (!pending || pending.expires < this.deps.now())
      throw new AppFailure('invalid_request', 'consent: this confirmation expired; review the server again', {
        detail: { field: 'consent' },
      });
    const s = this.deps.repo.server(pending.serverId);
    if (this.hashOf(s) !== pending.hash)
      throw new AppFailure(
        'invalid_request',
        'consent: the server changed after it was shown; review it again',
        {
          detail: { field: 'consent' },
        },
      );
    if (this.deps.confirmOutside) {
      const consent = { ...this.request(s.id) };
      if (!(await this.deps.confirmOutside(consent)))
        throw new AppFailure('aborted', 'The server was not started: you did not confirm it.');
    }
    this.deps.repo.grantConsent(s.id, pending.hash);
    return s;
  }
}
