import { describe, expect, it } from 'vitest';
import type { UsageFilter } from '../../main/contract';
import { UsageSummaries } from '../../main/usage/summary';
import { recordingDatabase, wideRawReads } from './readPlan';
import { DAY, ctx, record, setup } from './support';

/**
 * A guard on the dashboard's speed that does not time anything: an all-time summary must be served
 * from the rollup, reading raw rows only for the partial local days at the range's edges and
 * through the small partial indexes (costs in other currencies than USD, reported balances). A
 * read of the raw table over the whole range is what made the 1M-row all-time dashboard go from
 * 18 ms to over 200 ms (the other-currency costs were read through usage_at across every row).
 */
const START = Date.UTC(2025, 0, 1);
const END = START + 200 * DAY + 5 * 3_600_000;
const ZONE = 60;

async function ledgerWithEuros() {
  const env = setup(() => END);
  const price = (model: string, currency: string) =>
    env.handlers['prices:save'](
      { providerId: null, model, inputPerMillion: 1, outputPerMillion: 2, currency, validFrom: 0 },
      ctx,
    );
  await price('euro-model', 'EUR');
  await price('dollar-model', 'USD');
  for (let day = 0; day < 200; day += 3)
    for (const model of ['euro-model', 'dollar-model'])
      env.ledger.record(record({ model, at: START + day * DAY + 7 * 3_600_000 }));
  env.ledger.rollup.ensureZone(ZONE);
  return env;
}

const allTime: UsageFilter & { tzOffsetMinutes: number } = {
  from: 0,
  to: END + 1,
  tzOffsetMinutes: ZONE,
};

describe('the all-time usage summary', () => {
  it('reads the rollup, not the raw rows, except at the edges and through the small partial indexes', async () => {
    const { db, ledger } = await ledgerWithEuros();
    const recording = recordingDatabase(db);
    const summaries = new UsageSummaries(recording.db, ledger.rollup);
    const summary = summaries.summary(allTime);
    // The figures are still right (both currencies kept apart).
    expect(summary.totals.requests).toBe(2 * 67);
    expect(summary.costs.map((c) => c.currency)).toEqual(['USD', 'EUR']);

    expect(wideRawReads(db, recording.executed)).toEqual([]);
    // And it did read the rollup.
    expect(recording.executed.some((e) => /FROM usage_blocks/.test(e.sql))).toBe(true);
  });

  it('also for the last 30 days', async () => {
    const { db, ledger } = await ledgerWithEuros();
    const recording = recordingDatabase(db);
    new UsageSummaries(recording.db, ledger.rollup).summary({ ...allTime, from: END - 30 * DAY });
    expect(wideRawReads(db, recording.executed)).toEqual([]);
  });
});
