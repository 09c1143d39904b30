import { accessSync, constants, statSync } from 'node:fs';
import { findCommand } from './commandPath';

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
const ALLOWED_ANY_CASE = new Set<string>(INHERITED_ENV.map((n) => n.toUpperCase()));

/**
 * The allow-listed part of `shell`; a value that looks like a shell function export is dropped.
 * Windows' names are case-insensitive (its PATH is usually spelled `Path`), so there the list is too.
 */
export function inheritedEnv(
  shell: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(shell)) {
    const allowed = platform === 'win32' ? ALLOWED_ANY_CASE.has(name.toUpperCase()) : ALLOWED.has(name);
    if (!allowed || value === undefined || value.startsWith('()')) continue;
    env[name] = value;
  }
  return env;
}

/** Inherited names first, then the server's own; a declared variable overrides an inherited one. */
export function serverEnv(
  shell: Readonly<Record<string, string | undefined>>,
  declared: Readonly<Record<string, string>>,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const inherited = inheritedEnv(shell, platform);
  if (platform === 'win32') {
    // One name, any spelling: a declared PATH replaces the inherited Path instead of sitting beside it.
    const own = new Set(Object.keys(declared).map((n) => n.toUpperCase()));
    for (const name of Object.keys(inherited)) if (own.has(name.toUpperCase())) delete inherited[name];
  }
  return { ...inherited, ...declared };
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

/** Where `command` is found with this PATH (and PATHEXT on Windows) on this machine, or null. */
export function resolveCommand(
  command: string,
  env: Readonly<Record<string, string>>,
  cwd?: string | null,
): string | null {
  return findCommand(command, env, cwd ?? null, {
    platform: process.platform,
    isExecutable,
    cwd: process.cwd(),
  });
}
