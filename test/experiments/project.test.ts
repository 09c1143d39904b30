import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../main/contract';
import { targetOfThread } from '../../main/budgets/handlers';
import { ProjectsService } from '../../main/projects/service';
import { runToEnd, saveExperiment, useMock } from './support';

const m = useMock();

const MODEL = 'phala/gpt-oss-120b';

describe('an experiment in a project', () => {
  it('files every thread its run makes (cells and grader) in the project, so the project’s usage is the run’s', async () => {
    const h = m.harness();
    const projects = new ProjectsService(h.db, { now: Date.now });
    const evals = projects.save({ name: 'Evals' });
    const experiment = saveExperiment(
      h,
      { message: 'Capital of {{country}}?', projectId: evals.id },
      {
        targets: [{ providerId: h.provider.id, model: MODEL }],
        cases: [
          { id: 'fr', values: { country: 'France' } },
          { id: 'it', values: { country: 'Italy' } },
        ],
        checks: [{ type: 'graded', rubric: 'Names a city.', providerId: h.provider.id, model: MODEL }],
      },
    );
    expect(experiment.projectId).toBe(evals.id);
    expect(h.experimentsRepo.list()[0]).toMatchObject({ id: experiment.id, projectId: evals.id });

    const run = await runToEnd(h, experiment.id);
    expect(run.cells.map((c) => c.status)).toEqual(['done', 'done']);
    // Budgets read a row's project from its thread: each cell's thread is in the project.
    for (const cell of run.cells) expect(targetOfThread(h.db, cell.threadId).projectId).toBe(evals.id);
    // Two answers and two gradings, all counted in the project (the harness's own thread is not in it).
    const inProject = h.ledger.summaries.totals({ from: 0, to: Date.now() + 1, projectId: evals.id });
    const grid = run.cells.reduce(
      (sum, c) => ({ requests: sum.requests + c.requests, tokens: sum.tokens + c.tokens }),
      {
        requests: 0,
        tokens: 0,
      },
    );
    expect(grid.requests).toBe(4);
    expect({ requests: inProject.requests, tokens: inProject.totalTokens }).toEqual(grid);
  });

  it('a project that is gone is refused by name on save, and reads as none once deleted', () => {
    const h = m.harness();
    const projects = new ProjectsService(h.db, { now: Date.now });
    const created = h.experiments.create('Capitals');
    let refused: unknown = null;
    try {
      h.experimentsRepo.save(created.id, { projectId: 'no-such-project' });
    } catch (error) {
      refused = error;
    }
    expect(isAppFailure(refused) && refused.error).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('project no longer exists'),
    });
    const evals = projects.save({ name: 'Evals' });
    expect(h.experimentsRepo.save(created.id, { projectId: evals.id }).projectId).toBe(evals.id);
    // Saving other fields keeps the project; null takes it out.
    expect(h.experimentsRepo.save(created.id, { name: 'Renamed' }).projectId).toBe(evals.id);
    projects.delete(evals.id);
    expect(h.experimentsRepo.get(created.id).projectId).toBeNull();
  });
});
