import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, parseVersion, satisfies } from './semverRange';

interface Advisory {
  id: string;
  severity: string;
  summary: string;
  ranges: string[];
  source: string;
}
const list = JSON.parse(readFileSync('security/electron-advisories.json', 'utf8')) as {
  package: string;
  capturedAt: string;
  advisories: Advisory[];
};
const pinned = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies.electron;
const installed = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

const affecting = (version: string) =>
  list.advisories.filter((a) => a.ranges.some((range) => satisfies(version, range))).map((a) => a.id);

describe('the pinned Electron against the vendored security advisories', () => {
  it('is an exact version, and the one installed', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
  });

  it('is affected by none of them', () => {
    console.log(
      `electron ${pinned} checked against ${list.advisories.length} advisories captured ${list.capturedAt}`,
    );
    expect(list.package).toBe('electron');
    expect(list.advisories.every((a) => /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(a.id))).toBe(true);
    expect(affecting(String(pinned))).toEqual([]);
  });

  it('would fail a version inside a listed range, at the edges of each range', () => {
    expect(affecting('41.10.5')).toEqual(expect.arrayContaining(['GHSA-gr2m-v5gq-v685']));
    expect(affecting('41.10.6')).not.toContain('GHSA-gr2m-v5gq-v685');
    expect(affecting('44.0.0-beta.4')).toContain('GHSA-gr2m-v5gq-v685');
    expect(affecting('44.0.0-beta.5')).not.toContain('GHSA-gr2m-v5gq-v685');
    expect(affecting('40.9.9')).toEqual(
      expect.arrayContaining(['GHSA-vv43-5jgx-7qv8', 'GHSA-9f4c-93c8-jc8g']),
    );
  });
});

describe('advisory range matching', () => {
  const version = fc
    .tuple(
      fc.nat(50),
      fc.nat(20),
      fc.nat(20),
      fc.option(fc.tuple(fc.constantFrom('alpha', 'beta', 'rc'), fc.nat(9)), { nil: undefined }),
    )
    .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre[0]}.${pre[1]}` : ''}`);

  it('orders versions totally: antisymmetric, and a prerelease before its release', () => {
    fc.assert(
      fc.property(version, version, (x, y) => {
        const a = parseVersion(x);
        const b = parseVersion(y);
        expect(compare(a, b)).toBe(-compare(b, a));
        expect(compare(a, b) === 0).toBe(x === y);
      }),
    );
    expect(compare(parseVersion('43.0.0-alpha.1'), parseVersion('43.0.0'))).toBe(-1);
    expect(compare(parseVersion('43.0.0-alpha.10'), parseVersion('43.0.0-alpha.9'))).toBe(1);
    expect(compare(parseVersion('43.0.0-alpha.1'), parseVersion('43.0.0-beta.1'))).toBe(-1);
  });

  it('puts every version in exactly one of "<v" and ">=v"', () => {
    fc.assert(
      fc.property(version, version, (x, bound) => {
        expect(satisfies(x, `<${bound}`)).toBe(!satisfies(x, `>=${bound}`));
        expect(satisfies(x, `<${bound} || >=${bound}`)).toBe(true);
      }),
    );
  });

  it('refuses what it cannot read instead of matching nothing', () => {
    expect(() => satisfies('45.4.1', '~45')).toThrow();
    expect(() => satisfies('45.x', '<46.0.0')).toThrow();
  });
});
