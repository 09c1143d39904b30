import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The environment a stdio server gets: these names from the app's own environment (what a program
 * needs to find itself, its home and its locale), plus the variables the user declared for it.
 * Never the whole shell's: API keys and tokens exported in the user's profile stay out.
 */
export const INHERITED_ENV = [
  'PATH',
  'HOME',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'LC_MESSAGES',
  'TZ',
  'TMPDIR',
  'USER',
  'LOGNAME',
  'SHELL',
  'TERM',
  // Windows needs these to start most programs at all.
  'SYSTEMROOT',
  'SystemRoot',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMFILES',
  'HOMEDRIVE',
  'HOMEPATH',
  'USERNAME',
] as const;

const ALLOWED = new Set<string>(INHERITED_ENV);

/** The allow-listed part of `shell`; a value that looks like a shell function export is dropped. */
export function inheritedEnv(shell: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(shell)) {
    if (!ALLOWED.has(name) || value === undefined || value.startsWith('()')) continue;
    env[name] = value;
  }
  return env;
}

/** Inherited names first, then the server's own; a declared variable overrides an inherited one. */
export function serverEnv(
  shell: Readonly<Record<string, string | undefined>>,
  declared: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...inheritedEnv(shell), ...declared };
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `command` is found with this PATH (and PATHEXT on Windows), or null. Checked before
 * spawning, so "not found" can name the PATH searched instead of a bare ENOENT.
 */
export function resolveCommand(
  command: string,
  env: Readonly<Record<string, string>>,
  cwd?: string | null,
): string | null {
  if (command === '') return null;
  const exts =
    process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';')] : [''];
  if (isAbsolute(command) || command.includes('/') || command.includes('\\')) {
    const full = isAbsolute(command) ? command : join(cwd ?? process.cwd(), command);
    return exts.map((e) => full + e).find(isExecutable) ?? null;
  }
  const path = env.PATH ?? env.Path ?? '';
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    for (const ext of exts) {
      const candidate = join(dir, command + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}
