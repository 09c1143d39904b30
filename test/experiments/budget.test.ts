import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../main/contract';
import { runToEnd, saveExperiment, useMock } from './support';

const m = useMock();

const MODEL = 'phala/gpt-oss-120b';
const LIMIT = 'Daily budget for everything has reached its limit ($0.01 of $0.01).';

describe('an experiment under a blocking budget', () => {
  it('stops at the limit: no request past it reaches the provider, the refused cell says why, the rest wait for Resume', async () => {
    let admitted = 0;
    // The budgets' gate as main wires it: two sends fit, then the budget is spent.
    const h = m.harness({ perMinute: 600, concurrency: 1 }, () => {
      if (admitted >= 2) throw new AppFailure('budget_exceeded', LIMIT);
      admitted += 1;
    });
    const experiment = saveExperiment(
      h,
      { message: 'Capital of {{country}}?' },
      {
        targets: [{ providerId: h.provider.id, model: MODEL }],
        cases: ['France', 'Italy', 'Spain', 'Peru', 'Chile'].map((country) => ({
          id: country,
          values: { country },
        })),
      },
    );
    expect(m.chatRequests()).toHaveLength(0);
    const run = await runToEnd(h, experiment.id);

    expect(m.chatRequests()).toHaveLength(2);
    expect(run.cells.filter((c) => c.status === 'done')).toHaveLength(2);
    const refused = run.cells.filter((c) => c.status === 'error');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ errorCode: 'budget_exceeded', errorMessage: LIMIT });
    // The run stopped rather than refusing every remaining cell one by one.
    expect(run.status).toBe('stopped');
    expect(run.cells.filter((c) => c.status === 'pending' || c.status === 'stopped')).toHaveLength(2);
    expect(h.progress.at(-1)?.status).toBe('stopped');
  });
});
