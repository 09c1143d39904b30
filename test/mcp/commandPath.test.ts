import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandHost } from '../../main/mcp/commandPath';
import { findCommand, spawnPlan } from '../../main/mcp/commandPath';
import { inheritedEnv, serverEnv } from '../../main/mcp/env';

/** A file system of exactly these files (names compared as Windows does: case-insensitively). */
const windows = (files: string[], cwd = 'C:\\Users\\ada'): CommandHost => {
  const set = new Set(files.map((f) => f.toLowerCase()));
  return { platform: 'win32', cwd, isExecutable: (f) => set.has(f.toLowerCase()) };
};
const linux = (files: string[]): CommandHost => ({
  platform: 'linux',
  cwd: '/home/ada',
  isExecutable: (f) => files.includes(f),
});
const NODE = 'C:\\Program Files\\nodejs';

describe('finding a server’s program on Windows', () => {
  // Node installs npx three times: a shell script Windows cannot run, npx.cmd and npx.ps1.
  const host = windows([`${NODE}\\npx`, `${NODE}\\npx.cmd`, `${NODE}\\npx.ps1`, 'C:\\tools\\uvx.exe']);

  it('finds npx.cmd for a bare "npx" through a PATH spelled "Path", never the script beside it', () => {
    const env = { Path: `C:\\Windows;${NODE}`, PATHEXT: '.COM;.EXE;.BAT;.CMD' };
    expect(findCommand('npx', env, null, host)).toBe(`${NODE}\\npx.cmd`);
  });

  it('tries PATHEXT in its order, takes a name that has its extension as given, and unquotes PATH entries', () => {
    const both = windows(['C:\\bin\\srv.cmd', 'C:\\bin\\srv.exe']);
    expect(findCommand('srv', { PATH: 'C:\\bin', PATHEXT: '.EXE;.CMD' }, null, both)).toBe(
      'C:\\bin\\srv.exe',
    );
    expect(findCommand('srv', { PATH: 'C:\\bin', PATHEXT: '.CMD;.EXE' }, null, both)).toBe(
      'C:\\bin\\srv.cmd',
    );
    expect(findCommand('npx.cmd', { PATH: `"${NODE}"` }, null, host)).toBe(`${NODE}\\npx.cmd`);
    // Without PATHEXT the usual default applies.
    expect(findCommand('uvx', { PATH: 'C:\\tools' }, null, host)).toBe('C:\\tools\\uvx.exe');
  });

  it('resolves a relative path against the server’s folder, and says null when nothing runs', () => {
    const tools = windows(['D:\\srv\\bin\\run.bat']);
    expect(findCommand('bin\\run', {}, 'D:\\srv', tools)).toBe('D:\\srv\\bin\\run.bat');
    expect(findCommand('npx', { Path: 'C:\\Windows' }, null, host)).toBeNull();
    expect(findCommand('ps', { Path: NODE }, null, host)).toBeNull();
  });

  it('keeps the POSIX rules elsewhere: no extensions, backslashes are not folders', () => {
    const host2 = linux(['/usr/bin/npx']);
    expect(findCommand('npx', { PATH: '/bin:/usr/bin' }, null, host2)).toBe('/usr/bin/npx');
    expect(findCommand('npx', { Path: '/usr/bin' }, null, host2)).toBeNull();
  });
});

/** How the C runtime reads one quoted token (the inverse of the quoting under test). */
function readArgv(token: string): string {
  expect(token.startsWith('"')).toBe(true);
  let out = '';
  for (let i = 1; i < token.length;) {
    let slashes = 0;
    while (token[i] === '\\') {
      slashes += 1;
      i += 1;
    }
    if (token[i] === '"') {
      out += '\\'.repeat(Math.floor(slashes / 2));
      if (slashes % 2 === 0) {
        expect(i).toBe(token.length - 1);
        return out;
      }
      out += '"';
      i += 1;
    } else {
      out += '\\'.repeat(slashes) + (token[i] ?? '');
      i += 1;
    }
  }
  throw new Error(`unterminated token ${token}`);
}
/** One pass of cmd.exe's caret rule: `^x` is a literal x. */
const uncaret = (text: string) => text.replace(/\^(.)/g, '$1');
const SPECIAL = /[()[\]%!^"`<>&|;, *?]/;

describe('spawning a batch file', () => {
  const env = { ComSpec: 'C:\\Windows\\system32\\cmd.exe' };

  it('runs a .cmd through cmd.exe /d /s /c with one escaped line; anything else runs as itself', () => {
    const plan = spawnPlan(`${NODE}\\npx.cmd`, ['-y', '@scope/server'], env, 'win32');
    expect(plan).toMatchObject({ command: env.ComSpec, windowsVerbatimArguments: true });
    expect(plan.args.slice(0, 3)).toEqual(['/d', '/s', '/c']);
    expect(plan.args[3]).toBe('"^"C:\\Program^ Files\\nodejs\\npx.cmd^" ^^^"-y^^^" ^^^"@scope/server^^^""');
    expect(spawnPlan('C:\\tools\\uvx.exe', ['a b'], env, 'win32')).toEqual({
      command: 'C:\\tools\\uvx.exe',
      args: ['a b'],
      windowsVerbatimArguments: false,
    });
    expect(spawnPlan('/usr/bin/run.cmd', ['&'], {}, 'linux').command).toBe('/usr/bin/run.cmd');
    expect(spawnPlan('C:\\x\\run.BAT', [], {}, 'win32').command).toBe('cmd.exe');
  });

  it('hands every argument through as text: no special character is left bare for cmd', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '&', '|', '%', '^', '!', '<', '>') }),
        (arg) => {
          const line = spawnPlan('C:\\a\\b.cmd', [arg], env, 'win32').args[3] ?? '';
          const escaped = line.slice(1, -1).split(/(?<!\^) /)[1] ?? '';
          // Every special character is behind a caret, at both levels cmd reads.
          expect(uncaret(escaped).replace(/\^./g, '')).not.toMatch(SPECIAL);
          expect(readArgv(uncaret(uncaret(escaped)))).toBe(arg);
        },
      ),
    );
  });
});

describe('the environment on Windows', () => {
  it('passes Path, SystemRoot and ComSpec in any spelling and nothing else; a declared PATH replaces Path', () => {
    const shell = {
      Path: 'C:\\Windows',
      SystemRoot: 'C:\\Windows',
      ComSpec: 'cmd.exe',
      OPENAI_API_KEY: 'sk-1',
    };
    expect(inheritedEnv(shell, 'win32')).toEqual({
      Path: 'C:\\Windows',
      SystemRoot: 'C:\\Windows',
      ComSpec: 'cmd.exe',
    });
    expect(inheritedEnv(shell, 'linux')).toEqual({ SystemRoot: 'C:\\Windows' });
    expect(serverEnv(shell, { PATH: 'D:\\bin' }, 'win32')).toEqual({
      SystemRoot: 'C:\\Windows',
      ComSpec: 'cmd.exe',
      PATH: 'D:\\bin',
    });
  });
});
