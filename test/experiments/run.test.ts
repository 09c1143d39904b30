import { describe, expect, it } from 'vitest';
import type { Experiment, Run } from '../../main/contract';
import type { ExperimentHarness } from './support';
import { runToEnd, saveExperiment, useMock } from './support';

const m = useMock();

const MODELS = ['phala/gpt-oss-120b', 'phala/qwen-2.5-7b-instruct'];

function setUp(h: ExperimentHarness, k = 2): Experiment {
  for (const model of MODELS)
    h.ledger.prices.save({
      providerId: null,
      model,
      inputPerMillion: 1,
      outputPerMillion: 2,
      currency: 'USD',
      validFrom: 0,
    });
  return saveExperiment(
    h,
    { message: 'Capital of {{country}}? Say {{expected}}.' },
    {
      targets: MODELS.map((model) => ({ providerId: h.provider.id, model })),
      cases: [
        { id: 'fr', values: { country: 'France', expected: 'Paris' } },
        { id: 'it', values: { country: 'Italy', expected: 'Rome' } },
        { id: 'de', values: { country: 'Germany', expected: 'Berlin' } },
      ],
      checks: [
        { type: 'contains', value: '{{expected}}' },
        { type: 'notContains', value: 'Madrid' },
      ],
      k,
      seed: 7,
    },
  );
}

interface Totals {
  requests: number;
  tokens: number;
  credits: number;
}

/** The confidential service bills in credits (the ledger keeps cost for priced providers only). */
function ledgerTotals(h: ExperimentHarness): Totals {
  return h.db
    .prepare(
      'SELECT COUNT(*) AS requests, SUM(total_tokens) AS tokens, SUM(credits_consumed) AS credits FROM usage WHERE thread_id != ?',
    )
    .get(h.threadId) as unknown as Totals;
}

function gridTotals(run: Run): Totals {
  return run.cells.reduce(
    (sum, c) => ({
      requests: sum.requests + c.requests,
      tokens: sum.tokens + c.tokens,
      credits: sum.credits + (c.credits ?? 0),
    }),
    { requests: 0, tokens: 0, credits: 0 },
  );
}

describe('an experiment run against the mock provider', () => {
  it('3 cases × 2 models × k=2: 12 cells, checks judged per case, ledger totals equal the grid', async () => {
    const h = m.harness();
    const experiment = setUp(h);
    const estimate = h.experiments.estimate(experiment.id);
    expect(estimate).toMatchObject({ requests: 12, problems: [], unpriced: [] });
    expect(estimate.cost).toBeGreaterThan(0);
    const started = h.experiments.start(experiment.id);
    expect(started).toMatchObject({ total: 12, status: 'running', versionNumber: 2 });
    await h.runner.whenDone(started.id);
    const run = h.experimentsRepo.run(started.id);
    expect(run.status).toBe('finished');
    expect(run.cells).toHaveLength(12);
    expect(run.cells.every((c) => c.status === 'done' && c.pass === true)).toBe(true);
    expect(run.cells[0]?.checks[0]).toMatchObject({ label: 'contains “Paris”', pass: true });
    // Each request carried the case's values, the column's model and the seed.
    const bodies = m.chatBodies<{ model: string; seed: number; messages: { content: string }[] }>();
    expect(bodies).toHaveLength(12);
    expect(new Set(bodies.map((b) => b.model))).toEqual(new Set(MODELS));
    expect(bodies.every((b) => b.seed === 7)).toBe(true);
    expect(bodies.map((b) => b.messages.at(-1)?.content)).toContain('Capital of Italy? Say Rome.');
    expect(gridTotals(run)).toEqual(ledgerTotals(h));
    expect(gridTotals(run).credits).toBeGreaterThan(0);
    expect(h.progress.at(-1)).toMatchObject({ status: 'finished', done: 12, total: 12, failed: 0 });
  });

  it('a 429 midway slows the run down and fails nothing; its attempts are in the ledger and the grid', async () => {
    const h = m.harness({ perMinute: 30, concurrency: 1 });
    const experiment = setUp(h, 1);
    // The chat engine tries 4 times; four 429s in a row reach the scheduler, which waits and runs the cell again.
    m.mock.script({}, {}, ...Array.from({ length: 4 }, () => ({ status: 429 as const, retryAfterSec: 3 })));
    const run = await runToEnd(h, experiment.id);
    expect(run.cells.map((c) => c.status)).toEqual(Array(6).fill('done'));
    expect(run.cells[2]?.requests).toBe(5);
    // The scheduler slept out the provider's Retry-After (less the few ms already gone).
    expect(Math.max(...h.clock.waits)).toBeGreaterThan(2_500);
    expect(h.progress.some((p) => p.waitingMs !== null && p.waitingMs >= 3_000)).toBe(true);
    expect(gridTotals(run)).toEqual(ledgerTotals(h));
  });

  it('Stop keeps finished cells; resume runs only the rest', async () => {
    const h = m.harness({ perMinute: 30, concurrency: 1 });
    const experiment = setUp(h, 1);
    m.mock.script({}, { delayMs: 2_000, reply: { content: 'slow Paris Rome Berlin', chunks: 50 } });
    const started = h.experiments.start(experiment.id);
    while (!h.progress.some((p) => p.done >= 1)) await new Promise((r) => setImmediate(r));
    const stopped = await h.experiments.stop(started.id);
    expect(stopped).toMatchObject({ status: 'stopped', done: 1 });
    const afterStop = h.experimentsRepo.run(started.id);
    expect(afterStop.cells.filter((c) => c.status === 'done')).toHaveLength(1);
    expect(afterStop.cells.filter((c) => c.status === 'stopped')).toHaveLength(5);
    const kept = afterStop.cells[0];

    h.experiments.resume(started.id);
    await h.runner.whenDone(started.id);
    const resumed = h.experimentsRepo.run(started.id);
    expect(resumed.status).toBe('finished');
    expect(resumed.cells.every((c) => c.status === 'done')).toBe(true);
    expect(resumed.cells[0]).toEqual(kept);
    expect(gridTotals(resumed)).toEqual(ledgerTotals(h));
  });

  it('a cell opens as a normal thread: the prompt as written, the case as its variables, the filled request', async () => {
    const h = m.harness();
    const experiment = setUp(h, 1);
    const run = await runToEnd(h, experiment.id);
    const cell = run.cells[0];
    expect(h.repo.list().map((t) => t.id)).not.toContain(cell?.threadId);
    const { threadId } = h.experiments.openCell(run.id, cell?.id ?? '');
    expect(h.repo.list().map((t) => t.id)).toContain(threadId);
    const path = h.repo.activePath(threadId);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant']);
    // The thread keeps the prompt as written and the case's values as its variables, to keep chatting with.
    expect(path[0]?.content).toBe('Capital of {{country}}? Say {{expected}}.');
    expect(h.repo.getThread(threadId).settings.variables).toEqual({ country: 'France', expected: 'Paris' });
    expect(JSON.parse(path[1]?.meta?.requestBody ?? '{}').messages.at(-1).content).toBe(
      'Capital of France? Say Paris.',
    );
  });

  it('a case lacking a variable is refused before anything is sent, naming it', () => {
    const h = m.harness();
    const experiment = setUp(h, 1);
    h.experimentsRepo.save(experiment.id, {
      config: { ...experiment.config, cases: [{ id: 'x', values: { country: 'Spain' } }] },
    });
    expect(h.experiments.estimate(experiment.id).problems).toEqual([
      '{{expected}} has no value in 1 case: add a column “expected”.',
    ]);
    expect(() => h.experiments.start(experiment.id)).toThrow(/\{\{expected\}\} has no value in 1 case/);
    expect(m.chatRequests()).toHaveLength(0);
  });
});
