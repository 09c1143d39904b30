import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match, parseAllowList, readFindings, type Finding } from './allowList';

const run = promisify(execFile);
const ELECTRON_VERSION = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

/** Copies the app's own code (main incl. preload, the renderer page and sources) and scans it. */
async function scan(dir: string, change: (dir: string) => void = () => {}): Promise<Finding[]> {
  cpSync('main', join(dir, 'main'), { recursive: true });
  cpSync('renderer', join(dir, 'renderer'), { recursive: true });
  change(dir);
  const output = join(dir, 'findings.sarif');
  // The tool always exits 0, so the verdict comes from its report. It runs offline: the one check
  // that needs the network (Electron releases) is left out; test/security/advisories.test.ts checks
  // the pinned Electron against a vendored advisory list instead.
  await run(
    process.execPath,
    [
      '-r',
      './test/security/offline.cjs',
      'node_modules/@doyensec/electronegativity/dist/index.js',
      ...['-i', dir, '-e', ELECTRON_VERSION, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', output],
    ],
    { timeout: 90_000 },
  );
  return readFindings(output, dir);
}

describe('Electronegativity over the app sources', () => {
  const root = mkdtempSync(join(tmpdir(), 'eneg-'));
  const allowed = parseAllowList(readFileSync('security/electronegativity-allow.txt', 'utf8'));
  let real: Finding[] = [];
  let withExtraCalls: Finding[] = [];

  beforeAll(async () => {
    [real, withExtraCalls] = await Promise.all([
      scan(join(root, 'real')),
      scan(join(root, 'changed'), (dir) => {
        // A new openExternal in a file that already has a justified one, and a second copy of a
        // justified line elsewhere: neither may ride on the existing entries.
        appendFileSync(
          join(dir, 'main/window.ts'),
          '\nexport const openAnything = (url: string) => shell.openExternal(url);\n',
        );
        appendFileSync(
          join(dir, 'main/index.ts'),
          '\nexport async function openAgain(url: string) {\n  await shell.openExternal(url);\n}\n',
        );
      }),
    ]);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports nothing beyond the justified entries, and every entry still applies', () => {
    expect(real.length).toBeGreaterThan(0);
    expect(allowed.every((a) => a.why.length > 20 && a.code.length > 0)).toBe(true);
    const { unexplained, stale } = match(real, allowed);
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('fails a new openExternal in an already-listed file, matched by its code rather than the file', () => {
    const { unexplained } = match(withExtraCalls, allowed);
    expect(unexplained.map((f) => [f.check, f.file, f.code])).toEqual(
      expect.arrayContaining([
        [
          'OPEN_EXTERNAL_JS_CHECK',
          'main/window.ts',
          'export const openAnything = (url: string) => shell.openExternal(url);',
        ],
        ['OPEN_EXTERNAL_JS_CHECK', 'main/index.ts', 'await shell.openExternal(url);'],
      ]),
    );
    expect(unexplained).toHaveLength(2);
  });
});
