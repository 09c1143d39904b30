import keytar from 'keytar';
import { AppFailure } from '../contract';

/** Where provider secrets live. One entry per provider; the account is the provider id. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  available(): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** `llm-desk` in production; a random namespace per test so runs never collide. */
  service: string;
  /** A D-Bus call to a wedged Secret Service can block for ~25 s; the availability probe gives up sooner. */
  probeTimeoutMs?: number;
}

const PROBE_ACCOUNT = 'llm-desk-availability-probe';

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'The OS keychain is unavailable, so nothing was stored. Unlock or start your keychain (Secret Service, Keychain Access or Credential Manager) and try again.';

const unavailable = (message = KEYCHAIN_UNAVAILABLE_MESSAGE): AppFailure =>
  new AppFailure('keychain_unavailable', message);

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`keychain did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Secrets in the OS keychain through keytar. There is deliberately no fallback: when the keychain
 * cannot be reached, writes fail with `keychain_unavailable` and nothing is written anywhere else.
 * Keytar's own error text is never passed on, so no message can carry a secret.
 */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly probeTimeoutMs: number;

  /** A bare string is the service name. */
  constructor(serviceOrOptions: string | KeytarSecretStoreOptions) {
    const options = typeof serviceOrOptions === 'string' ? { service: serviceOrOptions } : serviceOrOptions;
    if (options.service.trim() === '') throw new Error('KeytarSecretStore needs a service name');
    this.service = options.service;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  }

  async available(): Promise<boolean> {
    try {
      await withTimeout(keytar.getPassword(this.service, PROBE_ACCOUNT), this.probeTimeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  async get(account: string): Promise<string | null> {
    try {
      return await keytar.getPassword(this.service, account);
    } catch {
      throw unavailable(
        'The OS keychain is unavailable, so the saved credential could not be read. Unlock or start your keychain and try again.',
      );
    }
  }

  async set(account: string, secret: string): Promise<void> {
    if (secret === '') throw new AppFailure('invalid_request', 'An empty secret cannot be stored.');
    try {
      await keytar.setPassword(this.service, account, secret);
    } catch {
      throw unavailable();
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await keytar.deletePassword(this.service, account);
    } catch {
      throw unavailable(
        'The OS keychain is unavailable, so the saved credential could not be removed. Unlock or start your keychain and try again.',
      );
    }
  }
}
