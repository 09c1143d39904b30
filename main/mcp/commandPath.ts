import { posix, win32 } from 'node:path';

/**
 * Finding a stdio server's program and how to spawn it, as pure functions of the platform, the
 * environment and a file test, so Windows' rules are tested on any machine.
 *
 * Windows: `npx`, `uvx` and most Node CLIs are `.cmd` shims beside an extension-less shell script
 * of the same name. A bare name is looked up with each PATHEXT extension (the script, which
 * Windows cannot run, is never taken), environment names are case-insensitive (`Path`), and a
 * `.cmd` / `.bat` file cannot be spawned directly (Node refuses it since CVE-2024-27980): it runs
 * through `cmd.exe /d /s /c` with every argument escaped for cmd and for the batch file.
 */

export interface CommandHost {
  platform: NodeJS.Platform;
  /** A regular file this user may run (on Windows: any regular file). */
  isExecutable(file: string): boolean;
  /** The folder a relative command is taken from when the server has none. */
  cwd: string;
}

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/** A variable by name: exact on POSIX, case-insensitive on Windows (`Path`, `PATH`, `path`). */
export function envValue(
  env: Readonly<Record<string, string>>,
  name: string,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'win32') return env[name];
  if (env[name] !== undefined) return env[name];
  const upper = name.toUpperCase();
  for (const [key, value] of Object.entries(env)) if (key.toUpperCase() === upper) return value;
  return undefined;
}

function extensions(env: Readonly<Record<string, string>>): string[] {
  return (envValue(env, 'PATHEXT', 'win32') ?? DEFAULT_PATHEXT)
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.startsWith('.'));
}

/** The names to try for `base`: on Windows, as given only when its extension is runnable. */
function candidates(
  base: string,
  env: Readonly<Record<string, string>>,
  platform: NodeJS.Platform,
): string[] {
  if (platform !== 'win32') return [base];
  const exts = extensions(env);
  const own = win32.extname(base).toLowerCase();
  return own !== '' && exts.includes(own) ? [base] : exts.map((e) => base + e);
}

/**
 * Where `command` is found with this PATH (and PATHEXT on Windows), or null. Checked before
 * spawning, so "not found" can name the PATH searched instead of a bare ENOENT. The current
 * folder is never searched for a bare name (Windows would; a planted program must not win).
 */
export function findCommand(
  command: string,
  env: Readonly<Record<string, string>>,
  cwd: string | null,
  host: CommandHost,
): string | null {
  if (command.trim() === '') return null;
  const path = host.platform === 'win32' ? win32 : posix;
  const withFolder = command.includes('/') || (host.platform === 'win32' && command.includes('\\'));
  if (path.isAbsolute(command) || withFolder) {
    const full = path.isAbsolute(command) ? command : path.join(cwd ?? host.cwd, command);
    return candidates(full, env, host.platform).find((f) => host.isExecutable(f)) ?? null;
  }
  for (const dir of (envValue(env, 'PATH', host.platform) ?? '').split(path.delimiter)) {
    const folder = dir.trim().replace(/^"(.*)"$/, '$1');
    if (folder === '') continue;
    for (const file of candidates(path.join(folder, command), env, host.platform))
      if (host.isExecutable(file)) return file;
  }
  return null;
}

export interface SpawnPlan {
  command: string;
  args: string[];
  /** Windows only: the arguments are already one escaped command line for cmd.exe. */
  windowsVerbatimArguments: boolean;
}

/** An argument as the C runtime splits a command line: quoted, its backslashes and quotes escaped. */
function quoteForArgv(arg: string): string {
  let out = '"';
  let slashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      slashes += 1;
      continue;
    }
    // Backslashes before a quote are doubled and the quote escaped; elsewhere they are literal.
    out += ch === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  // Trailing backslashes are doubled so the closing quote stays a quote.
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}

/** cmd.exe's special characters, each made literal with a caret. */
const CMD_SPECIAL = /[()[\]%!^"`<>&|;, *?]/g;
const caret = (text: string): string => text.replace(CMD_SPECIAL, '^$&');

/**
 * How to spawn the program `findCommand` found. Anything but a Windows batch file runs as itself
 * (never through a shell). A batch file runs as `cmd.exe /d /s /c "<line>"`: /d skips AutoRun
 * commands, /s keeps the line as given; each argument is quoted for the C runtime and escaped
 * twice for cmd (once for the /c line, once more for the batch file's own `%*`), so `&`, `|`,
 * `%PATH%` or quotes in an argument reach the program as text and never run anything.
 */
export function spawnPlan(
  resolved: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  platform: NodeJS.Platform,
): SpawnPlan {
  const ext = win32.extname(resolved).toLowerCase();
  if (platform !== 'win32' || (ext !== '.cmd' && ext !== '.bat'))
    return { command: resolved, args: [...args], windowsVerbatimArguments: false };
  const line = [caret(quoteForArgv(resolved)), ...args.map((a) => caret(caret(quoteForArgv(a))))].join(' ');
  return {
    command: envValue(env, 'ComSpec', platform) ?? 'cmd.exe',
    args: ['/d', '/s', '/c', `"${line}"`],
    windowsVerbatimArguments: true,
  };
}
