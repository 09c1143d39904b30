import Ajv from 'ajv';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
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

  it('ships the built app, not the test bridge', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', '!out/bridge/**']));
  });
});
