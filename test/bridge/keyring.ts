import { spawnSync } from 'node:child_process';

/**
 * Secrets only ever go to a real keychain. On a desktop one is running; on a headless machine
 * (CI, this repo's dev boxes) re-run this process inside a private D-Bus session with a throwaway
 * gnome-keyring, so the browser build behaves exactly like the app.
 */
export function ensureKeyring(): void {
  if (process.env.DBUS_SESSION_BUS_ADDRESS || process.env.LLM_DESK_KEYRING_SESSION === '1') return;
  const probe = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], {
    encoding: 'utf8',
  });
  if (probe.status !== 0) return;
  console.log(
    'No keychain session found: starting a private, throwaway gnome-keyring for this run (secrets end with it).',
  );
  const result = spawnSync(
    'bash',
    ['scripts/with-keyring.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(result.status ?? 1);
}
