import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One Electronegativity finding, with the code of the line it points at. */
export interface Finding {
  check: string;
  file: string;
  line: number;
  /** The flagged line, trimmed: what an allow-list entry names instead of a line number. */
  code: string;
}

export interface Allowed {
  check: string;
  file: string;
  code: string;
  why: string;
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

/** Reads the report and looks up each finding's line in the scanned copy. */
export function readFindings(sarifFile: string, scannedRoot: string): Finding[] {
  const report = JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif;
  return (report.runs[0]?.results ?? []).map((r) => {
    const location = r.locations?.[0]?.physicalLocation;
    const file = location?.artifactLocation?.uri ?? '';
    const line = location?.region?.startLine ?? 0;
    const lines = file ? readFileSync(join(scannedRoot, file), 'utf8').split('\n') : [];
    return { check: r.ruleId, file, line, code: (lines[line - 1] ?? '').trim() };
  });
}

export function parseAllowList(text: string): Allowed[] {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [check = '', file = '', code = '', why = ''] = line.split('\t');
      return { check, file, code: code.trim(), why };
    });
}

/**
 * Pairs findings with entries one to one, by check, file and line code (never by line number):
 * what is left on either side is a finding nobody justified, or an entry that no longer applies.
 */
export function match(findings: readonly Finding[], allowed: readonly Allowed[]) {
  const unused = [...allowed];
  const unexplained: Finding[] = [];
  for (const finding of findings) {
    const at = unused.findIndex(
      (a) => a.check === finding.check && a.file === finding.file && a.code === finding.code,
    );
    if (at === -1) unexplained.push(finding);
    else unused.splice(at, 1);
  }
  return { unexplained, stale: unused };
}
