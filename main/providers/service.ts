import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Capabilities, CredentialStatus, OAuthConfig, Parsed, Preset, Provider } from '../contract';
import { AppFailure } from '../contract';
import { checkEndpoint } from '../oauth/discovery';
import type { SecretStore } from '../secrets/secretStore';
import { CredentialManager } from './credentialManager';
import { legacyHeaderValues } from './headerSecrets';
import type { FetchLike } from './http';
import { DEFAULT_TIMEOUTS, PRESETS } from './presets';
import type { StoredProvider } from './repo';
import { ProvidersRepo } from './repo';
import { checkHeaders, checkServiceUrl } from './validation';

export type NewProvider = Parsed<'providers:create'>;
export type ProviderPatch = Parsed<'providers:update'>['patch'];
export type ModelOverrides = Record<string, Partial<Capabilities>>;

export interface ProvidersServiceDeps {
  db: DatabaseSync;
  secrets: SecretStore;
  /** Electron's `net.fetch` in the app, the platform `fetch` in tests. */
  fetch: FetchLike;
  /** Opens the system browser for OAuth sign-in. */
  openExternal: (url: string) => Promise<void>;
  now?: () => number;
  newId?: () => string;
  /** How long a sign-in waits for the browser to come back. Default 5 min. */
  signInTimeoutMs?: number;
  /** Where a sign-in address goes when no browser can be opened; default the terminal (stdout). */
  log?: (line: string) => void;
}

type ChangeListener = (providerId: string | null) => void;
type SignInUrlListener = (providerId: string, url: string) => void;

/** Header names with their values left out: what the database and the window get. */
const namesOnly = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(headers).map((name) => [name, '']));

function checkOAuth(config: OAuthConfig | undefined | null): OAuthConfig | null {
  if (!config) return null;
  const out: OAuthConfig = { scopes: config.scopes.trim() };
  const fields = [
    'issuer',
    'authorizationEndpoint',
    'tokenEndpoint',
    'registrationEndpoint',
    'revocationEndpoint',
  ] as const;
  const labels = {
    issuer: 'issuer URL',
    authorizationEndpoint: 'authorization endpoint',
    tokenEndpoint: 'token endpoint',
    registrationEndpoint: 'registration endpoint',
    revocationEndpoint: 'revocation endpoint',
  };
  for (const field of fields) {
    const value = config[field]?.trim();
    if (value) out[field] = checkEndpoint(value, labels[field]);
  }
  // RFC 8414 compares issuers exactly; the form of the URL the user typed is kept, minus trailing slashes.
  if (out.issuer) out.issuer = out.issuer.replace(/\/+$/, '');
  const clientId = config.clientId?.trim();
  if (clientId) out.clientId = clientId;
  const resource = config.resource?.trim();
  if (resource) out.resource = checkResource(resource);
  return out;
}

/** RFC 8707 §2: an absolute URI without a fragment. */
function checkResource(raw: string): string {
  let url: URL | null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (url === null || url.hash !== '' || raw.includes('#')) {
    throw new AppFailure(
      'invalid_request',
      'The resource must be an absolute URL without a #fragment, such as https://api.example.com.',
      { detail: { field: 'oauth.resource' } },
    );
  }
  return raw;
}

/**
 * Provider profiles (SQLite) and their credentials (OS keychain). Nothing returned from here,
 * and nothing written to the database, ever contains a secret.
 */
export class ProvidersService {
  private readonly repo: ProvidersRepo;
  private readonly credentials: CredentialManager;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<ChangeListener>();
  private readonly signInUrlListeners = new Set<SignInUrlListener>();
  private legacyMoved = false;

  constructor(deps: ProvidersServiceDeps) {
    this.repo = new ProvidersRepo(deps.db);
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? randomUUID;
    this.log = deps.log ?? ((line) => void process.stdout.write(`${line}\n`));
    this.credentials = new CredentialManager({
      secrets: deps.secrets,
      fetch: deps.fetch,
      openExternal: deps.openExternal,
      showSignInUrl: (id, url) => this.showSignInUrl(id, url),
      now: this.now,
      signInTimeoutMs: deps.signInTimeoutMs ?? 5 * 60_000,
      changed: (id) => this.emit(id),
    });
  }

  /** Every profile or credential change, including background token refreshes. Returns the unsubscribe. */
  onChanged(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * No system browser could be opened (the browser build, a headless machine): the address goes
   * to the window, to be opened or copied there, and to the terminal.
   */
  onSignInUrl(listener: SignInUrlListener): () => void {
    this.signInUrlListeners.add(listener);
    return () => this.signInUrlListeners.delete(listener);
  }

  private showSignInUrl(providerId: string, url: string): void {
    const name = this.repo.find(providerId)?.name ?? 'the provider';
    this.log(`No browser could be opened. To sign in to ${name}, open this address:\n\n  ${url}\n`);
    for (const listener of this.signInUrlListeners) listener(providerId, url);
  }

  private emit(providerId: string | null): void {
    for (const listener of this.listeners) listener(providerId);
  }

  private view(p: StoredProvider): Provider {
    return {
      ...p,
      headers: namesOnly(p.headers),
      baseUrlWarning: checkServiceUrl(p.baseUrl).warning,
      credential: this.credentials.cachedStatus(p),
    };
  }

  /**
   * The header values a create or update asks for: a value as typed, or (`null`) the one saved
   * before, checked like any other. Returns them with the names the database keeps.
   */
  private async headersFor(
    input: Record<string, string | null>,
    current: StoredProvider | null,
  ): Promise<{ values: Record<string, string>; names: Record<string, string> }> {
    const keep = Object.values(input).some((v) => v === null);
    const saved = keep && current ? await this.credentials.headerValues(current) : {};
    const typed: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      const resolved = value ?? saved[name.trim()];
      if (resolved === undefined)
        throw new AppFailure(
          'invalid_request',
          `No value is saved for the header ${name.trim()}; type one.`,
          {
            detail: { field: `headers.${name.trim()}` },
          },
        );
      typed[name] = resolved;
    }
    const values = checkHeaders(typed);
    return { values, names: namesOnly(values) };
  }

  /** Values an older version left in the database move to the keychain once it can be reached. */
  private async moveLegacyHeaderValues(): Promise<void> {
    if (this.legacyMoved) return;
    this.legacyMoved = true;
    for (const p of this.repo.list()) {
      if (Object.keys(legacyHeaderValues(p)).length === 0) continue;
      try {
        await this.credentials.saveHeaderValues(p.id, await this.credentials.headerValues(p));
        this.repo.update({ ...p, headers: namesOnly(p.headers) });
      } catch {
        this.legacyMoved = false; // no keychain yet: they keep working from the database; try again later
      }
    }
  }

  presets(): Preset[] {
    return PRESETS.map((p) => ({ ...p, authKinds: [...p.authKinds] }));
  }

  /** Synchronous, for services on the request path; the credential part reflects the last keychain read. */
  get(id: string): Provider {
    return this.view(this.repo.get(id));
  }

  async list(): Promise<Provider[]> {
    await this.credentials.refreshAvailability();
    await this.moveLegacyHeaderValues();
    const stored = this.repo.list();
    // All at once: this is one of the first screen's requests, and each read is a keychain round trip.
    await Promise.all(stored.map((p) => this.credentials.status(p).catch(() => undefined)));
    return stored.map((p) => this.view(p));
  }

  async create(input: NewProvider): Promise<Provider> {
    const now = this.now();
    const headers = await this.headersFor(input.headers, null);
    const p: StoredProvider = {
      id: this.newId(),
      name: input.name.trim(),
      preset: input.preset,
      baseUrl: checkServiceUrl(input.baseUrl).url,
      authKind: input.authKind,
      headers: headers.names,
      timeouts: input.timeouts ?? DEFAULT_TIMEOUTS,
      ...(input.limits ? { limits: input.limits } : {}),
      oauth: checkOAuth(input.oauth),
      modelOverrides: {},
      position: this.repo.nextPosition(),
      createdAt: now,
      updatedAt: now,
    };
    // The values go to the keychain before the profile is stored: without a keychain, nothing is.
    if (Object.keys(headers.values).length > 0) await this.credentials.saveHeaderValues(p.id, headers.values);
    this.repo.insert(p);
    await this.credentials.status(p).catch(() => undefined);
    this.emit(p.id);
    return this.view(p);
  }

  async update(id: string, patch: ProviderPatch): Promise<Provider> {
    const current = this.repo.get(id);
    const headers = patch.headers === undefined ? null : await this.headersFor(patch.headers, current);
    const next: StoredProvider = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.preset !== undefined ? { preset: patch.preset } : {}),
      ...(patch.baseUrl !== undefined ? { baseUrl: checkServiceUrl(patch.baseUrl).url } : {}),
      ...(patch.authKind !== undefined ? { authKind: patch.authKind } : {}),
      ...(headers ? { headers: headers.names } : {}),
      ...(patch.timeouts !== undefined ? { timeouts: patch.timeouts } : {}),
      ...(patch.limits !== undefined ? { limits: patch.limits } : {}),
      ...(patch.oauth !== undefined ? { oauth: checkOAuth(patch.oauth) } : {}),
      updatedAt: this.now(),
    };
    // A sign-in blob and a pasted key are stored differently; switching to or from OAuth starts clean.
    const crossesOAuth = (current.authKind === 'oauth') !== (next.authKind === 'oauth');
    if (crossesOAuth) await this.credentials.signOut(current);
    const hadHeaders = Object.keys(current.headers).length > 0;
    if (headers && (hadHeaders || Object.keys(headers.values).length > 0))
      await this.credentials.saveHeaderValues(id, headers.values);
    this.repo.update(next);
    await this.credentials.status(next, true).catch(() => undefined);
    this.emit(id);
    return this.view(next);
  }

  /**
   * Copies the profile and its custom headers, never the secret: the copy starts with no
   * credential configured.
   */
  async duplicate(id: string): Promise<Provider> {
    const source = this.repo.get(id);
    const now = this.now();
    const values = await this.credentials.headerValues(source);
    const copy: StoredProvider = {
      ...source,
      headers: namesOnly(source.headers),
      id: this.newId(),
      name: `${source.name} (copy)`.slice(0, 80),
      position: this.repo.nextPosition(),
      createdAt: now,
      updatedAt: now,
    };
    if (Object.keys(values).length > 0) await this.credentials.saveHeaderValues(copy.id, values);
    this.repo.insert(copy);
    await this.credentials.status(copy, true).catch(() => undefined);
    this.emit(copy.id);
    return this.view(copy);
  }

  /** Deletes the keychain entry first: a provider is only removed once its secret is gone. */
  async delete(id: string): Promise<{ deleted: boolean }> {
    const p = this.repo.find(id);
    if (!p) return { deleted: false };
    await this.credentials.signOut(p);
    await this.credentials.deleteHeaderValues(id);
    const deleted = this.repo.delete(id);
    this.credentials.forget(id);
    this.emit(id);
    return { deleted };
  }

  reorder(ids: readonly string[]): Provider[] {
    const all = this.repo.list();
    const known = new Set(all.map((p) => p.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined)
      throw new AppFailure('not_found', 'One of the providers to reorder no longer exists.');
    const listed = new Set(ids);
    const order = [...new Set(ids), ...all.filter((p) => !listed.has(p.id)).map((p) => p.id)];
    this.repo.setPositions(order, this.now());
    this.emit(null);
    return this.repo.list().map((p) => this.view(p));
  }

  async credentialStatus(id: string): Promise<CredentialStatus> {
    return this.credentials.status(this.repo.get(id), true);
  }

  async setSecret(id: string, secret: string): Promise<CredentialStatus> {
    const status = await this.credentials.setSecret(this.repo.get(id), secret);
    this.emit(id);
    return status;
  }

  async clearSecret(id: string): Promise<CredentialStatus> {
    const status = await this.credentials.clear(this.repo.get(id));
    this.emit(id);
    return status;
  }

  async signIn(id: string): Promise<CredentialStatus> {
    const status = await this.credentials.signIn(this.repo.get(id), (oauth) => {
      const saved = { ...this.repo.get(id), oauth, updatedAt: this.now() };
      this.repo.update(saved);
      return saved;
    });
    this.emit(id);
    return status;
  }

  cancelSignIn(id: string): { cancelled: boolean } {
    this.repo.get(id);
    return { cancelled: this.credentials.cancelSignIn(id) };
  }

  async signOut(id: string): Promise<CredentialStatus> {
    const status = await this.credentials.signOut(this.repo.get(id));
    this.emit(id);
    return status;
  }

  requestAuth(providerId: string): Promise<Record<string, string>> {
    return this.credentials.requestAuth(this.repo.get(providerId));
  }

  handleUnauthorized(providerId: string): Promise<boolean> {
    return this.credentials.handleUnauthorized(this.repo.get(providerId));
  }

  scopesOf(providerId: string): Promise<string[] | null> {
    return this.credentials.scopes(this.repo.get(providerId));
  }

  setModelOverrides(providerId: string, overrides: ModelOverrides): Provider {
    const saved = { ...this.repo.get(providerId), modelOverrides: overrides, updatedAt: this.now() };
    this.repo.update(saved);
    this.emit(providerId);
    return this.view(saved);
  }
}
