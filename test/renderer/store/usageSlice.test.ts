import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Price, UsageSummary } from '../../../main/contract';
import { NO_FILTERS } from '../../../renderer/src/store/usage/filters';
import { deferred, errResult, fakeApi, listeners, loadStore, okResult } from './harness';

let store: Awaited<ReturnType<typeof loadStore>>;
beforeAll(async () => {
  store = await loadStore();
});
beforeEach(() => store.resetStore());

const state = () => store.useStore.getState();
const totals = {
  requests: 1,
  promptTokens: 10,
  completionTokens: 5,
  totalTokens: 15,
  credits: 0,
  cost: 0.01,
};

function summary(models: string[]): UsageSummary {
  return {
    totals,
    costs: [],
    daily: [],
    byStatus: [],
    latency: [],
    breakdown: models.map((model) => ({
      ...totals,
      providerId: 'p1',
      providerName: 'Provider one',
      costs: [],
      model,
      confidential: false,
    })),
    balances: [],
  };
}

const price: Price = {
  id: 'pr1',
  providerId: null,
  model: 'm1',
  inputPerMillion: 1,
  outputPerMillion: 2,
  currency: 'USD',
  validFrom: 0,
};

describe('usage slice', () => {
  it('loads the summary for the chosen range and remembers the models seen', async () => {
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m1', 'm2'])) as never);
    await state().loadUsageSummary();
    const asked = fakeApi.usage!.summary!.mock.calls[0]![0] as unknown as { from: number; to: number };
    expect(asked.to - asked.from).toBeGreaterThanOrEqual(29 * 86_400_000);
    expect(state().usageSummary?.totals.totalTokens).toBe(15);
    expect(state().usageRange).toEqual({ from: asked.from, to: asked.to });
    expect(state().usageKnownModels).toEqual(['m1', 'm2']);
    expect(state().usageLoading).toBe(false);
  });

  it('keeps a model listed after a filter narrows the summary to another', async () => {
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m1', 'm2'])) as never);
    await state().loadUsageSummary();
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m2'])) as never);
    state().setUsageFilters({ model: 'm2' });
    await state().loadUsageSummary();
    expect(state().usageFilters.model).toBe('m2');
    expect(state().usageKnownModels).toEqual(['m1', 'm2']);
  });

  it('shows one thread’s whole cost: all time, only its rows, no filter left from before', async () => {
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m1'])) as never);
    state().setUsageFilters({ model: 'm2', projectId: 'another-project', tag: 'draft' });
    state().showThreadUsage('t1');
    expect(state().screen).toBe('usage');
    expect(state().usagePreset).toBe('all');
    expect(state().usageFilters).toEqual({ ...NO_FILTERS, threadId: 't1' });
    await state().loadUsageSummary();
    const asked = fakeApi.usage!.summary!.mock.lastCall![0] as unknown as Record<string, unknown>;
    expect(asked).toMatchObject({ threadId: 't1' });
    expect(asked).not.toHaveProperty('projectId');
    expect(asked).not.toHaveProperty('model');
  });

  it('a failed load shows main’s error and stops loading', async () => {
    fakeApi.usage!.summary!.mockResolvedValue(errResult('internal', 'disk full') as never);
    await state().loadUsageSummary();
    expect(state().usageError).toEqual({ code: 'internal', message: 'disk full' });
    expect(state().usageLoading).toBe(false);
    expect(state().usageSummary).toBeNull();
  });

  it('changes made while a summary loads collapse into one reload with the latest filters', async () => {
    const first = deferred<unknown>();
    fakeApi.usage!.summary!.mockReturnValueOnce(first.promise as never);
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m3'])) as never);
    const loading = state().loadUsageSummary();
    state().setUsageFilters({ model: 'm1' });
    state().setUsageFilters({ model: 'm3' });
    first.resolve(okResult(summary(['m1'])));
    await loading;
    const calls = fakeApi.usage!.summary!.mock.calls as unknown as { model?: string }[][];
    expect(calls.map((c) => c[0]!.model)).toEqual([undefined, 'm3']);
    expect(state().usageSummary?.breakdown.map((b) => b.model)).toEqual(['m3']);
  });

  it('a saved price is listed and the summary recomputed with it', async () => {
    fakeApi.prices!.save!.mockResolvedValue(okResult(price) as never);
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m1'])) as never);
    const { id: _id, ...input } = price;
    const saved = await state().savePrice(input);
    expect(saved.ok).toBe(true);
    expect(state().prices).toEqual([price]);
    expect(fakeApi.usage!.summary).toHaveBeenCalledTimes(1);
  });

  it('a refused price is returned as data and nothing is listed', async () => {
    fakeApi.prices!.save!.mockResolvedValue(errResult('invalid_request', 'model is required') as never);
    const { id: _id, ...input } = price;
    const saved = await state().savePrice({ ...input, model: '' });
    expect(saved).toEqual(errResult('invalid_request', 'model is required'));
    expect(state().prices).toEqual([]);
    expect(fakeApi.usage!.summary).not.toHaveBeenCalled();
  });

  it('a usage change from main marks open tables stale and drops cached thread totals', async () => {
    fakeApi.usage!.summary!.mockResolvedValue(okResult(summary(['m1'])) as never);
    await state().loadThreadTotals('t1');
    expect(state().threadTotals['t1']?.totalTokens).toBe(15);
    const changed = listeners.get('usage.onChanged');
    expect(changed).toBeDefined();
    changed!(undefined as never);
    expect(state().usageVersion).toBe(1);
    expect(state().threadTotals).toEqual({});
  });
});
