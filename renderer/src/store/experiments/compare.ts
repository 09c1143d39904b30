import type { ExperimentPrompt, Run } from '../../../../main/contract/experiments';
import type { GridCell } from './grid';
import { buildGrid } from './grid';

export type Change = 'regression' | 'fix';

export interface VerdictChange {
  caseId: string;
  caseIndex: number;
  caseLabel: string;
  column: string;
  columnLabel: string;
  change: Change;
  before: GridCell;
  after: GridCell;
}

const label = (values: Record<string, string>): string => (Object.values(values)[0] ?? '').slice(0, 80);

/**
 * Cells whose verdict changed between two runs (same case, same column), regressions first
 * (passed before, fail now), then fixes; within each, in case order.
 */
export function verdictChanges(before: Run, after: Run): VerdictChange[] {
  const old = new Map<string, GridCell>();
  for (const row of buildGrid(before))
    for (const cell of row.cells) old.set(`${cell.caseId}\u0000${cell.column}`, cell);
  const columns = new Map(after.columns.map((c) => [c.key, c.label]));
  const changes: VerdictChange[] = [];
  for (const row of buildGrid(after))
    for (const cell of row.cells) {
      const earlier = old.get(`${cell.caseId}\u0000${cell.column}`);
      if (!earlier || earlier.pass === null || cell.pass === null || earlier.pass === cell.pass) continue;
      changes.push({
        caseId: cell.caseId,
        caseIndex: row.index,
        caseLabel: label(row.testCase.values),
        column: cell.column,
        columnLabel: columns.get(cell.column) ?? cell.column,
        change: cell.pass ? 'fix' : 'regression',
        before: earlier,
        after: cell,
      });
    }
  const rank = (c: VerdictChange) => (c.change === 'regression' ? 0 : 1);
  return changes.sort((a, b) => rank(a) - rank(b) || a.caseIndex - b.caseIndex);
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** The prompt as lines a diff can compare: each message under its role. */
export function promptLines(prompt: ExperimentPrompt): string[] {
  const lines: string[] = [];
  for (const message of prompt.messages) {
    lines.push(`[${message.role}]`);
    lines.push(...message.content.split('\n'));
  }
  if (prompt.responseFormat) lines.push('[response format]', JSON.stringify(prompt.responseFormat));
  if (prompt.toolIds.length) lines.push('[tools]', prompt.toolIds.join(', '));
  return lines;
}

/** A line diff (longest common subsequence); prompts are short, so the quadratic table is fine. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1)
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! });
  while (j < m) out.push({ kind: 'added', text: b[j++]! });
  return out;
}
