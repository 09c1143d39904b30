import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure, ExperimentConfig } from '../../main/contract';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { experimentHarness } from './support';

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

const MODEL = 'phala/gpt-oss-120b';
const LIMIT = 'Daily budget for everything has reached its limit ($0.01 of $0.01).';

describe('an experiment under a blocking budget', () => {
  it('stops at the limit: no request past it reaches the provider, the refused cell says why, the rest wait for Resume', async () => {
    let admitted = 0;
    // The budgets' gate as main wires it: two sends fit, then the budget is spent.
    const h = experimentHarness(mock, { perMinute: 600, concurrency: 1 }, () => {
      if (admitted >= 2) throw new AppFailure('budget_exceeded', LIMIT);
      admitted += 1;
    });
    const created = h.experiments.create('Capitals');
    const experiment = h.experimentsRepo.save(created.id, {
      prompt: {
        messages: [{ role: 'user', content: 'Capital of {{country}}?' }],
        toolIds: [],
        responseFormat: null,
      },
      config: ExperimentConfig.parse({
        targets: [{ providerId: h.provider.id, model: MODEL }],
        cases: ['France', 'Italy', 'Spain', 'Peru', 'Chile'].map((country) => ({
          id: country,
          values: { country },
        })),
      }),
    });
    const sentBefore = mock.requests.length;
    const started = h.experiments.start(experiment.id);
    await h.runner.whenDone(started.id);
    const run = h.experimentsRepo.run(started.id);

    const chatRequests = mock.requests.slice(sentBefore).filter((r) => r.path.endsWith('/chat/completions'));
    expect(chatRequests).toHaveLength(2);
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
