import Ajv from 'ajv';
import { load } from 'js-yaml';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean };
  win: { target: string[] };
  deb: { depends: string[] };
  asarUnpack: string[];
};

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own configuration schema", () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('locks the Electron fuses down', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds every platform target, with libsecret for the Linux keychain and keytar unpacked', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toContain('nsis');
    expect(config.deb.depends.some((d) => d.startsWith('libsecret'))).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('keytar'))).toBe(true);
  });

  it('unpacks every native module the app ships, which cannot load from inside the asar archive', () => {
    const shipped = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' })
      .split('\n')
      .filter((dir) => dir.includes(`${sep}node_modules${sep}`));
    const native = shipped.filter((dir) => hasNativeAddon(dir));
    expect(native.length).toBeGreaterThanOrEqual(2);
    const unpacked = (dir: string) =>
      config.asarUnpack.some((glob) => {
        const name = glob.replace(/^\*\*\/node_modules\//, '').replace(/\/\*\*$/, '');
        return (
          dir.includes(`${sep}node_modules${sep}${name}${sep}`) ||
          dir.endsWith(`${sep}node_modules${sep}${name}`)
        );
      });
    expect(native.filter((dir) => !unpacked(dir))).toEqual([]);
  });

  it('ships the built app, not the test bridge', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', '!out/bridge/**']));
  });
});

/** A `.node` binary in the package, outside its own node_modules (those are packages of their own). */
function hasNativeAddon(dir: string, depth = 4): boolean {
  if (depth < 0) return false;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) =>
    entry.isDirectory()
      ? entry.name !== 'node_modules' && hasNativeAddon(join(dir, entry.name), depth - 1)
      : entry.name.endsWith('.node'),
  );
}
