import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

const run = promisify(execFile);
const ELECTRON_VERSION = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

interface Finding {
  check: string;
  file: string;
  location: string;
  sample: string;
}

function allowList(): { check: string; file: string; why: string }[] {
  return readFileSync('security/electronegativity-allow.txt', 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [check = '', file = '', why = ''] = line.split('\t');
      return { check, file, why };
    });
}

describe('Electronegativity over the app sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eneg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports nothing beyond the justified, checked-in exceptions', async () => {
    // Only the app's own code: main (incl. preload) and the renderer page and sources.
    cpSync('main', join(dir, 'main'), { recursive: true });
    cpSync('renderer', join(dir, 'renderer'), { recursive: true });
    const output = join(dir, 'findings.csv');
    // The tool always exits 0, so the verdict comes from parsing its report. It runs offline:
    // the one check that needs the network (Electron release advisories) is left out, since
    // package.json pins the latest Electron anyway.
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
    const [header, ...rows] = parseCsv(readFileSync(output, 'utf8'));
    expect(header?.[0]).toBe('issue');
    const findings: Finding[] = rows.map((r) => ({
      check: r[0] ?? '',
      file: r[3] ?? '',
      location: r[4] ?? '',
      sample: r[5] ?? '',
    }));
    const allowed = allowList();
    expect(allowed.every((a) => a.why.length > 20)).toBe(true);
    const unexplained = findings.filter(
      (f) => !allowed.some((a) => a.check === f.check && a.file === f.file),
    );
    expect(unexplained).toEqual([]);
  }, 120_000);
});
