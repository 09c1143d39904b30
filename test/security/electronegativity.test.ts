import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ELECTRON_VERSION = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;

interface Finding {
  check: string;
  file: string;
  line: number;
}

/** SARIF, not CSV: the tool writes its CSV header and body as two racing async writes. */
interface Sarif {
  runs: {
    results: {
      ruleId: string;
      locations?: {
        physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } };
      }[];
    }[];
  }[];
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
    const output = join(dir, 'findings.sarif');
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
    const report = JSON.parse(readFileSync(output, 'utf8')) as Sarif;
    const findings: Finding[] = (report.runs[0]?.results ?? []).map((r) => {
      const location = r.locations?.[0]?.physicalLocation;
      return {
        check: r.ruleId,
        file: location?.artifactLocation?.uri ?? '',
        line: location?.region?.startLine ?? 0,
      };
    });
    expect(findings.length).toBeGreaterThan(0);
    const allowed = allowList();
    expect(allowed.every((a) => a.why.length > 20)).toBe(true);
    const unexplained = findings.filter(
      (f) => !allowed.some((a) => a.check === f.check && a.file === f.file),
    );
    expect(unexplained).toEqual([]);
  }, 120_000);
});
