import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { ExperimentsRepo } from '../../main/experiments/repo';
import { buildGrid, onlyFailures, summarize } from '../../renderer/src/store/experiments/grid';
import { seedFinishedRun } from './seed';

/** A fresh database with the providers' table empty: the seed needs only an id to name. */
function seeded(shape: { cases: number; models: number; variants: number }) {
  const { db } = openDatabase(':memory:', migrations);
  const seededRun = seedFinishedRun(db, 'p', { name: 'Seeded', ...shape });
  const run = new ExperimentsRepo(db).run(seededRun.runId);
  db.close();
  return { ...seededRun, run };
}

describe('the one seeded finished run (screens, the a11y scan and the grid bench)', () => {
  it('is the grid the bench waits for: cases × columns, finished, and its failing rows are what "Failures only" shows', () => {
    const { run, failingRows } = seeded({ cases: 100, models: 5, variants: 2 });
    expect(run.status).toBe('finished');
    const rows = buildGrid(run);
    expect(rows).toHaveLength(100);
    expect(summarize(run)).toHaveLength(10);
    expect(rows.every((r) => r.cells.every((c) => c.finished === 1))).toBe(true);
    // The bench times the filter until the grid stands for exactly this many rows.
    expect(onlyFailures(rows)).toHaveLength(failingRows);
    expect(failingRows).toBeGreaterThan(0);
    expect(failingRows).toBeLessThan(100);
  });

  it('is the same run every time, so a bench reading compares like with like', () => {
    const a = seeded({ cases: 30, models: 2, variants: 2 });
    const b = seeded({ cases: 30, models: 2, variants: 2 });
    const verdicts = (r: typeof a.run) => r.cells.map((c) => `${c.caseId}|${c.column}|${c.pass}|${c.tokens}`);
    expect(verdicts(a.run)).toEqual(verdicts(b.run));
    expect(a.failingRows).toBe(b.failingRows);
  });
});
