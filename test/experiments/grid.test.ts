import { describe, expect, it } from 'vitest';
import type { Cell, Run } from '../../main/contract/experiments';
import { ExperimentConfig } from '../../main/contract/experiments';
import { diffLines, promptLines, verdictChanges } from '../../renderer/src/store/experiments/compare';
import {
  buildGrid,
  onlyFailures,
  percentile,
  runTotals,
  summarize,
} from '../../renderer/src/store/experiments/grid';

const columns = [
  { key: 'a', providerId: 'p', model: 'm1', variantId: 'd', label: 'm1' },
  { key: 'b', providerId: 'p', model: 'm2', variantId: 'd', label: 'm2' },
];

function cell(
  caseId: string,
  column: string,
  rep: number,
  pass: boolean | null,
  patch: Partial<Cell> = {},
): Cell {
  return {
    id: `${caseId}-${column}-${rep}`,
    caseId,
    column,
    rep,
    status: pass === null ? 'pending' : 'done',
    threadId: null,
    messageId: null,
    answer: pass ? 'yes' : 'no',
    toolCalls: null,
    errorCode: null,
    errorMessage: null,
    checks: [],
    pass,
    requests: 1,
    tokens: 10,
    cost: 0.001,
    credits: null,
    ttftMs: 100,
    latencyMs: 100 * (rep + 1),
    ...patch,
  };
}

function run(id: string, version: number, cells: Cell[], k = 2): Run {
  return {
    id,
    experimentId: 'e',
    versionNumber: version,
    status: 'finished',
    total: cells.length,
    done: cells.length,
    createdAt: 0,
    endedAt: 1,
    prompt: {
      messages: [{ role: 'user', content: version === 1 ? 'Q: {{q}}' : 'Answer {{q}}' }],
      toolIds: [],
      responseFormat: null,
    },
    config: ExperimentConfig.parse({
      cases: [
        { id: 'c1', values: { q: 'one' } },
        { id: 'c2', values: { q: 'two' } },
      ],
      k,
    }),
    columns,
    cells,
  };
}

describe('the grid', () => {
  const r = run('r1', 1, [
    cell('c1', 'a', 0, true),
    cell('c1', 'a', 1, false, { answer: 'other' }),
    cell('c1', 'b', 0, true),
    cell('c1', 'b', 1, true),
    cell('c2', 'a', 0, true),
    cell('c2', 'a', 1, true),
    cell('c2', 'b', 0, null, { status: 'running' }),
    cell('c2', 'b', 1, null),
  ]);

  it('folds the k runs of a cell: verdict, count, latency spread, distinct answers', () => {
    const [first, second] = buildGrid(r);
    expect(first?.cells[0]).toMatchObject({
      pass: false,
      passed: 1,
      finished: 2,
      latency: { min: 100, max: 200 },
      distinctAnswers: 2,
    });
    expect(first?.failing).toBe(true);
    expect(second?.cells[1]).toMatchObject({ pass: null, running: true, finished: 0 });
    expect(onlyFailures(buildGrid(r)).map((row) => row.testCase.id)).toEqual(['c1']);
  });

  it('summarises each column over finished runs: pass rate, mean and p95 latency, cost', () => {
    const [a, b] = summarize(r);
    expect(a).toMatchObject({
      passRate: 0.75,
      passed: 3,
      finished: 4,
      meanLatencyMs: 150,
      p95LatencyMs: 200,
    });
    expect(a?.cost).toBeCloseTo(0.004);
    expect(b).toMatchObject({ passRate: 1, finished: 2 });
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 95)).toBeNull();
    expect(runTotals(r)).toMatchObject({ requests: 8, tokens: 80 });
  });
});

describe('comparing two runs', () => {
  it('lists changed verdicts, regressions first, and diffs the prompt by line', () => {
    const before = run(
      'r1',
      1,
      [cell('c1', 'a', 0, false), cell('c2', 'a', 0, true), cell('c2', 'b', 0, true)],
      1,
    );
    const after = run(
      'r2',
      2,
      [cell('c1', 'a', 0, true), cell('c2', 'a', 0, false), cell('c2', 'b', 0, true)],
      1,
    );
    const changes = verdictChanges(before, after);
    expect(changes.map((c) => [c.change, c.caseId, c.column])).toEqual([
      ['regression', 'c2', 'a'],
      ['fix', 'c1', 'a'],
    ]);
    expect(diffLines(promptLines(before.prompt), promptLines(after.prompt))).toEqual([
      { kind: 'same', text: '[user]' },
      { kind: 'removed', text: 'Q: {{q}}' },
      { kind: 'added', text: 'Answer {{q}}' },
    ]);
  });
});
