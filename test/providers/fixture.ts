import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Provider } from '../../main/contract';
import { AppFailure } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ModelsService } from '../../main/models/service';
import type { FetchLike } from '../../main/providers/http';
import { ProvidersService } from '../../main/providers/service';
import type { SecretStore } from '../../main/secrets/secretStore';
import { KEYCHAIN_UNAVAILABLE_MESSAGE } from '../../main/secrets/secretStore';

export interface Harness {
  db: DatabaseSync;
  dbFile: string;
  providers: ProvidersService;
  models: ModelsService;
  /** Moves the services' clock (not the mock's) forward. */
  advance(ms: number): void;
  close(): void;
}

export interface HarnessOptions {
  secrets: SecretStore;
  fetch?: FetchLike;
  openExternal?: (url: string) => Promise<void>;
  signInTimeoutMs?: number;
}

/** Real SQLite in a temp directory, the real services, an adjustable clock. */
export function makeHarness(options: HarnessOptions): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'llm-desk-m4-'));
  const dbFile = join(dir, 'app.db');
  const { db } = openDatabase(dbFile, migrations);
  let offset = 0;
  const now = () => Date.now() + offset;
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const providers = new ProvidersService({
    db,
    secrets: options.secrets,
    fetch,
    openExternal:
      options.openExternal ??
      (async () => {
        throw new Error('this test does not expect a browser');
      }),
    now,
    ...(options.signInTimeoutMs ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
  });
  const models = new ModelsService({ db, providers, fetch, now });
  return {
    db,
    dbFile,
    providers,
    models,
    advance: (ms) => {
      offset += ms;
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Behaves like `KeytarSecretStore` when no Secret Service is reachable (that behaviour itself is
 * tested against real keytar in test/secrets): for service-level tests of the unavailable case.
 */
export class UnreachableSecretStore implements SecretStore {
  async available(): Promise<boolean> {
    return false;
  }
  async get(): Promise<string | null> {
    throw new AppFailure(
      'keychain_unavailable',
      'The OS keychain is unavailable, so the saved credential could not be read.',
    );
  }
  async set(): Promise<void> {
    throw new AppFailure('keychain_unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE);
  }
  async delete(): Promise<boolean> {
    throw new AppFailure(
      'keychain_unavailable',
      'The OS keychain is unavailable, so the saved credential could not be removed.',
    );
  }
}

/** Awaits a promise expected to fail with an AppFailure and returns its error data. */
export async function failureOf(promise: Promise<unknown>): Promise<AppFailure['error']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const PROFILES = {
  galadriel: { name: 'Galadriel', preset: 'galadriel', authKind: 'api-key' },
  confidential: { name: 'Conf', preset: 'confidential', authKind: 'jwt' },
} as const;

/** Adds a reference-service profile at `baseUrl` with its secret saved. */
async function addWithSecret(
  h: Harness,
  profile: keyof typeof PROFILES,
  baseUrl: string,
  secret: string,
): Promise<Provider> {
  const p = await h.providers.create({ ...PROFILES[profile], baseUrl, headers: {} });
  await h.providers.setSecret(p.id, secret);
  return p;
}

/** Adds the Galadriel preset at `baseUrl` with `key` saved. */
export const addGaladriel = (h: Harness, baseUrl: string, key: string): Promise<Provider> =>
  addWithSecret(h, 'galadriel', baseUrl, key);

/** Adds the confidential service at `baseUrl` with an access token saved. */
export const addConfidential = (h: Harness, baseUrl: string, token: string): Promise<Provider> =>
  addWithSecret(h, 'confidential', baseUrl, token);
