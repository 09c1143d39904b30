import type { Cell, Run, RunColumn, TestCase } from '../../../../main/contract/experiments';

/** One case in one column: its k repetitions folded into what the grid shows. */
export interface GridCell {
  caseId: string;
  column: string;
  reps: Cell[];
  /** Every finished repetition passed every check (null while none has finished). */
  pass: boolean | null;
  passed: number;
  finished: number;
  running: boolean;
  failedToRun: boolean;
  /** Latency range over the repetitions, for the k-run spread. */
  latency: { min: number; max: number } | null;
  /** Distinct answers over the repetitions (1 = the model said the same each time). */
  distinctAnswers: number;
  tokens: number;
  cost: number | null;
  credits: number | null;
  ttftMs: number | null;
}

export interface GridRow {
  testCase: TestCase;
  index: number;
  cells: GridCell[];
  /** Any cell of the row failed a check or failed to run. */
  failing: boolean;
}

export interface ColumnSummary {
  column: RunColumn;
  passRate: number | null;
  passed: number;
  finished: number;
  meanLatencyMs: number | null;
  p95LatencyMs: number | null;
  tokens: number;
  cost: number | null;
  credits: number | null;
}

const sum = (values: (number | null)[]): number | null =>
  values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;

function fold(caseId: string, column: string, reps: Cell[]): GridCell {
  const finished = reps.filter((c) => c.status === 'done' || c.status === 'error');
  const passed = finished.filter((c) => c.pass === true).length;
  const latencies = finished.map((c) => c.latencyMs).filter((v): v is number => v !== null);
  return {
    caseId,
    column,
    reps,
    pass: finished.length === 0 ? null : passed === finished.length,
    passed,
    finished: finished.length,
    running: reps.some((c) => c.status === 'running'),
    failedToRun: finished.some((c) => c.status === 'error'),
    latency: latencies.length ? { min: Math.min(...latencies), max: Math.max(...latencies) } : null,
    distinctAnswers: new Set(finished.map((c) => c.answer)).size,
    tokens: reps.reduce((a, c) => a + c.tokens, 0),
    cost: sum(reps.map((c) => c.cost)),
    credits: sum(reps.map((c) => c.credits)),
    ttftMs: finished[0]?.ttftMs ?? null,
  };
}

/** Rows are cases, columns are model × variant, in the run's order. */
export function buildGrid(run: Pick<Run, 'config' | 'columns' | 'cells'>): GridRow[] {
  const byKey = new Map<string, Cell[]>();
  for (const cell of run.cells) {
    const key = `${cell.caseId}\u0000${cell.column}`;
    const list = byKey.get(key);
    if (list) list.push(cell);
    else byKey.set(key, [cell]);
  }
  return run.config.cases.map((testCase, index) => {
    const cells = run.columns.map((column) =>
      fold(testCase.id, column.key, byKey.get(`${testCase.id}\u0000${column.key}`) ?? []),
    );
    return { testCase, index, cells, failing: cells.some((c) => c.pass === false) };
  });
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? null;
}

/** Pass rate, mean and p95 latency and totals per column, over every finished repetition. */
export function summarize(run: Pick<Run, 'columns' | 'cells'>): ColumnSummary[] {
  return run.columns.map((column) => {
    const cells = run.cells.filter((c) => c.column === column.key);
    const finished = cells.filter((c) => c.status === 'done' || c.status === 'error');
    const passed = finished.filter((c) => c.pass === true).length;
    const latencies = finished
      .map((c) => c.latencyMs)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    return {
      column,
      passRate: finished.length ? passed / finished.length : null,
      passed,
      finished: finished.length,
      meanLatencyMs: latencies.length ? latencies.reduce((a, v) => a + v, 0) / latencies.length : null,
      p95LatencyMs: percentile(latencies, 95),
      tokens: cells.reduce((a, c) => a + c.tokens, 0),
      cost: sum(cells.map((c) => c.cost)),
      credits: sum(cells.map((c) => c.credits)),
    };
  });
}

/** The ledger totals of a run: every cell's requests, tokens, cost and credits. */
export function runTotals(run: Pick<Run, 'cells'>): {
  requests: number;
  tokens: number;
  cost: number | null;
  credits: number | null;
} {
  return {
    requests: run.cells.reduce((a, c) => a + c.requests, 0),
    tokens: run.cells.reduce((a, c) => a + c.tokens, 0),
    cost: sum(run.cells.map((c) => c.cost)),
    credits: sum(run.cells.map((c) => c.credits)),
  };
}

export function onlyFailures(rows: readonly GridRow[]): GridRow[] {
  return rows.filter((r) => r.failing);
}
