/**
 * Run as a child process with no D-Bus session: tries the keychain the way the app would and
 * prints what happened as one JSON line. Used by secretStore.test.ts.
 */
import { isAppFailure } from '../../main/contract';
import { KeytarSecretStore } from '../../main/secrets/secretStore';

const [service, secret] = process.argv.slice(2);
if (!service || !secret) throw new Error('usage: noKeychainChild.ts <service> <secret>');

const store = new KeytarSecretStore({ service, probeTimeoutMs: 10_000 });
const available = await store.available();
let setError: unknown = null;
try {
  await store.set('provider-1', secret);
} catch (error) {
  setError = isAppFailure(error) ? error.error : { code: 'not-an-app-failure', message: String(error) };
}
process.stdout.write(`${JSON.stringify({ available, setError })}\n`);
