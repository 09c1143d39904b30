import type { DatabaseSync } from 'node:sqlite';
import { ExperimentConfig } from '../../main/contract/experiments';
import { columnsOf } from '../../main/experiments/prepare';
import type { CellResult } from '../../main/experiments/repo';
import { ExperimentsRepo, emptyResult } from '../../main/experiments/repo';

/** A small deterministic generator (mulberry32): the same grid on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A finished run of `cases` × (`models` × `variants`), written as the runner would write it (about
 * one cell in ten fails its check), so screens, the a11y scan and the grid bench show a grid without
 * sending anything: the one seed helper for a finished run.
 */
export function seedFinishedRun(
  db: DatabaseSync,
  providerId: string,
  shape: { name: string; cases: number; models: number; variants: number },
): { experimentId: string; runId: string; failingRows: number } {
  const repo = new ExperimentsRepo(db);
  const rand = random(17);
  const config = ExperimentConfig.parse({
    targets: Array.from({ length: shape.models }, (_, i) => ({ providerId, model: `model-${i + 1}` })),
    variants: Array.from({ length: shape.variants }, (_, i) => ({
      id: `v${i}`,
      label: `t=${i}`,
      params: { temperature: i },
    })),
    cases: Array.from({ length: shape.cases }, (_, i) => ({
      id: `case-${i}`,
      values: { question: `Question number ${i}: what is ${i} squared, and why?`, expected: String(i * i) },
    })),
    checks: [{ type: 'contains', value: '{{expected}}' }],
  });
  const experiment = repo.create(
    shape.name,
    { messages: [{ role: 'user', content: '{{question}}' }], toolIds: [], responseFormat: null },
    config,
  );
  const runId = repo.createRun(experiment, columnsOf(config));
  const failing = new Set<string>();
  repo.sql.transaction(() => {
    for (const cell of repo.cells(runId)) {
      const pass = rand() > 0.1;
      if (!pass) failing.add(cell.caseId);
      const result: CellResult = {
        ...emptyResult,
        answer: `${pass ? 'The answer is' : 'I think it is'} ${'lorem ipsum dolor sit amet '.repeat(6)}`,
        checks: [
          { type: 'contains', label: 'contains “…”', pass, evidence: pass ? 'Found.' : 'Not in the answer.' },
        ],
        pass,
        requests: 1,
        tokens: 80 + Math.round(rand() * 200),
        cost: rand() * 0.001,
        ttftMs: 100 + rand() * 400,
        latencyMs: 400 + rand() * 2000,
      };
      repo.finishCell(cell.id, 'done', result);
    }
  });
  repo.setRunStatus(runId, 'finished');
  return { experimentId: experiment.id, runId, failingRows: failing.size };
}
