import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { KeytarSecretStore } from '../../main/secrets/secretStore';

export interface TestKeychain {
  store: KeytarSecretStore;
  /** The random service name: every entry this run writes lives under it. */
  service: string;
  /** Every account stored under the namespace, read straight from the Secret Service. */
  entries(): Promise<{ account: string; password: string }[]>;
  /** Deletes everything under the namespace. */
  cleanup(): Promise<void>;
}

const HOW = 'run the tests under scripts/with-keyring.sh (a private D-Bus session with gnome-keyring)';

/** True only when a write really works: a locked collection can be read but refuses writes. */
async function writable(service: string): Promise<boolean> {
  try {
    await keytar.setPassword(service, 'probe', 'probe');
    await keytar.deletePassword(service, 'probe');
    return true;
  } catch {
    return false;
  }
}

/**
 * A real keychain namespace for one test file, or `null` (with a clear line) when no Secret
 * Service is reachable. On CI a missing keychain is an error, never a silent skip.
 */
export async function openTestKeychain(label: string): Promise<TestKeychain | null> {
  const service = `llm-desk-test-${label}-${randomBytes(6).toString('hex')}`;
  if (!(await writable(service))) {
    if (process.env.CI) throw new Error(`No Secret Service is reachable on CI: ${HOW}.`);
    console.warn(`[skip] ${label}: no Secret Service reachable; ${HOW} to run these tests.`);
    return null;
  }
  const entries = async () => keytar.findCredentials(service);
  return {
    store: new KeytarSecretStore({ service }),
    service,
    entries,
    cleanup: async () => {
      for (const { account } of await entries()) await keytar.deletePassword(service, account);
    },
  };
}
