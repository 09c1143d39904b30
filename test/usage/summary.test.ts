import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../main/contract';
import { TTFT_EDGES, histogramQuantile, ttftBucket } from '../../main/usage/histogram';
import type { UsageRecord } from '../../main/usage/ledger';
import type { Query } from './support';
import { DAY, canonical, ctx, naiveSummary, record, setup } from './support';

const BASE = Date.UTC(2025, 2, 10);
// Long enough for several 32-day rollup blocks, so ranges mix blocks, days and raw edges.
const SPAN = 100 * DAY;

/** Offsets the queries favour, so rows near their local midnights test where days are cut. */
const ZONES = [0, -300, 330, 60];
const at = fc.oneof(
  fc.integer({ min: BASE - DAY, max: BASE + SPAN }),
  fc
    .integer({ min: 0, max: 100 })
    .chain((d) => fc.integer({ min: BASE + d * DAY - 3_600_000, max: BASE + d * DAY + 3_600_000 })),
  // Within 90 minutes of a local midnight of one of those zones, on either side of a zone change.
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.constantFrom(...ZONES), fc.integer({ min: -90, max: 90 }))
    .map(([d, offset, minutes]) => BASE + d * DAY - offset * 60_000 + minutes * 60_000),
);
const ttft = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 200_000 }),
  fc.constantFrom(...TTFT_EDGES, 19, 20, 130_000),
  fc.double({ min: 0, max: 5_000, noNaN: true }),
);

const usageRecord: fc.Arbitrary<UsageRecord> = fc
  .record({
    at,
    provider: fc.constantFrom(
      ['prov-a', 'Provider A'],
      ['prov-b', 'Provider B'],
      ['prov-b', 'Renamed B'],
      [null, 'Deleted'],
    ),
    model: fc.constantFrom('gpt-x', 'phala/llama', 'tiny'),
    confidential: fc.boolean(),
    threadId: fc.constantFrom(null, 't1', 't2'),
    prompt: fc.integer({ min: 0, max: 5000 }),
    completion: fc.integer({ min: 0, max: 5000 }),
    credits: fc.option(
      fc.record({
        used: fc.double({ min: 0, max: 100, noNaN: true }),
        left: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
      { nil: null },
    ),
    // Any positive cost, subnormal ones too: main/usage/money.ts's one rounding rule makes every
    // sum the same whatever order its rows are added in.
    cost: fc.option(
      fc.oneof(
        fc.double({ min: Number.MIN_VALUE, max: 2, noNaN: true }),
        fc.constantFrom(Number.MIN_VALUE, 4e-10, 5e-10, 6e-10, 1e-9, 0.1, 0.2, 0.3),
      ),
      { nil: undefined },
    ),
    ttftMs: ttft,
    status: fc.constantFrom('complete', 'complete', 'error', 'aborted', 'interrupted') as fc.Arbitrary<
      UsageRow['status']
    >,
  })
  .map((r) =>
    record({
      at: r.at,
      providerId: r.provider[0] ?? null,
      providerName: r.provider[1] ?? '',
      model: r.model,
      confidential: r.confidential,
      threadId: r.threadId,
      promptTokens: r.prompt,
      completionTokens: r.completion,
      totalTokens: r.prompt + r.completion,
      creditsConsumed: r.credits?.used ?? null,
      creditsRemaining: r.credits?.left ?? null,
      cost: r.cost,
      ttftMs: r.ttftMs,
      status: r.status,
    }),
  );

const dayAligned = (offset: number) =>
  fc.integer({ min: -1, max: 101 }).map((d) => BASE + d * DAY - offset * 60_000);

const query: fc.Arbitrary<Query> = fc
  .record({
    offset: fc.oneof(
      fc.constantFrom(...ZONES),
      fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
      fc.integer({ min: -720, max: 840 }),
    ),
    aligned: fc.boolean(),
    a: at,
    b: at,
    providerId: fc.option(fc.constantFrom('prov-a', 'prov-b', 'nobody'), { nil: undefined }),
    model: fc.option(fc.constantFrom('gpt-x', 'tiny'), { nil: undefined }),
    confidential: fc.option(fc.boolean(), { nil: undefined }),
    status: fc.option(fc.constantFrom('complete', 'error') as fc.Arbitrary<UsageRow['status']>, {
      nil: undefined,
    }),
    threadId: fc.option(fc.constantFrom('t1', 't2'), { nil: undefined }),
    // Daylight-saving changes (or any others) inside the range: the offset moves by them from then on.
    changes: fc.array(fc.record({ at, by: fc.constantFrom(60, -60, 30) }), { maxLength: 2 }),
  })
  .chain((q) =>
    (q.aligned
      ? fc.tuple(dayAligned(q.offset), dayAligned(q.offset))
      : fc.constant([q.a, q.b] as [number, number])
    ).map(([x, y]) => ({
      from: Math.min(x, y),
      to: Math.max(x, y) + (x === y ? DAY : 0),
      tzOffsetMinutes: q.offset,
      ...(q.changes.length > 0
        ? {
            tzTransitions: [...q.changes]
              .sort((c, d) => c.at - d.at)
              .map((c, i, all) => ({
                at: c.at,
                offsetMinutes: q.offset + all.slice(0, i + 1).reduce((sum, x) => sum + x.by, 0),
              })),
          }
        : {}),
      providerId: q.providerId,
      model: q.model,
      confidential: q.confidential,
      status: q.status,
      threadId: q.threadId,
    })),
  );

const clean = (q: Query): Query =>
  Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as unknown as Query;

describe('usage aggregates', () => {
  // Found by the property below (seed 325718369): with every zone used at the same instant, a
  // query that built its second zone dropped its first to make room, and read it empty.
  it('keep every zone a query reads while it builds them, as the rows written after show', async () => {
    const { ledger, handlers } = setup();
    const queries: Query[] = [
      { from: BASE - 2 * DAY, to: BASE - DAY, tzOffsetMinutes: 0 },
      {
        from: BASE - 5 * 3_600_000,
        to: BASE + 58 * DAY,
        tzOffsetMinutes: 300,
        tzTransitions: [{ at: BASE + 57 * DAY, offsetMinutes: 240 }],
      },
      {
        from: BASE - DAY + 3_600_000,
        to: BASE + 3_600_000,
        tzOffsetMinutes: 60,
        tzTransitions: [{ at: BASE - DAY + 3_600_000, offsetMinutes: 120 }],
      },
    ];
    // The zones are built over an empty ledger (five zones, room for four), then a row comes.
    for (const q of queries) await handlers['usage:summary'](q, ctx);
    const rows = [ledger.record(record({ at: BASE + 5 * DAY }))];
    for (const q of queries)
      expect(canonical(await handlers['usage:summary'](q, ctx))).toEqual(canonical(naiveSummary(rows, q)));
  });

  it('match a plain recomputation over random ledgers, whatever the zone, range, filters, inserts and clears', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(usageRecord, { maxLength: 80 }),
        fc.array(usageRecord, { maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        fc.option(fc.tuple(at, fc.integer({ min: 1, max: 40 * DAY })), { nil: null }),
        async (before, after, queries, clearRange) => {
          const { ledger, handlers } = setup();
          await handlers['prices:save'](
            {
              providerId: null,
              model: 'tiny',
              inputPerMillion: 0.5,
              outputPerMillion: 1.5,
              currency: 'USD',
              validFrom: BASE + 2 * DAY,
            },
            ctx,
          );
          let rows = before.map((r) => ledger.record(r));
          const check = async () => {
            for (const raw of queries) {
              const q = clean(raw);
              const actual = await handlers['usage:summary'](q, ctx);
              expect(canonical(actual)).toEqual(canonical(naiveSummary(rows, q)));
              const page = await handlers['usage:rows']({ ...q, offset: 0, limit: 5 }, ctx);
              expect(page.total).toBe(naiveSummary(rows, q).totals.requests);
            }
          };
          // First query builds the zones from raw rows; later rows reach them through the triggers.
          await check();
          rows = rows.concat(after.map((r) => ledger.record(r)));
          await check();
          if (clearRange) {
            const [from, length] = clearRange;
            const preview = await handlers['usage:clearPreview']({ from, to: from + length }, ctx);
            const going = rows.filter((r) => r.at >= from && r.at < from + length);
            expect(preview).toEqual({
              rows: going.length,
              totalTokens: going.reduce((s, r) => s + r.totalTokens, 0),
            });
            expect(await handlers['usage:clear']({ from, to: from + length }, ctx)).toEqual({
              deleted: going.length,
            });
            rows = rows.filter((r) => !going.includes(r));
            await check();
          }
        },
      ),
      { numRuns: 120 },
    );
    // 120 ledgers with up to 120 rows each: seconds alone, half a minute on a loaded machine.
  }, 120_000);

  it('put days in the user’s local time', async () => {
    const { ledger, handlers } = setup();
    // 20:30 UTC on 10 March is already 11 March in India (UTC+5:30) and still 10 March in New York.
    ledger.record(
      record({ at: Date.UTC(2025, 2, 10, 20, 30), totalTokens: 7, promptTokens: 7, completionTokens: 0 }),
    );
    const days = async (tzOffsetMinutes: number) =>
      (
        await handlers['usage:summary'](
          { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 3, 1), tzOffsetMinutes },
          ctx,
        )
      ).daily.map((d) => d.day);
    expect(await days(330)).toEqual(['2025-03-11']);
    expect(await days(-240)).toEqual(['2025-03-10']);
    expect(await days(0)).toEqual(['2025-03-10']);
  });

  // 60 s: a loaded machine (two cores, many test files at once) took over the default 20 s.
  it('cut days at local midnight on both sides of any zone change, as a plain recomputation does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: -90, max: 90 })), {
          minLength: 10,
          maxLength: 60,
        }),
        fc.array(
          fc.record({ day: fc.integer({ min: 1, max: 98 }), hour: fc.nat(23), by: fc.constantFrom(60, -60) }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        async (offset, near, changes) => {
          const { ledger, handlers } = setup();
          // Requests within 90 minutes of a local midnight, where a wrong offset moves them a day.
          const rows = near.map(([d, minutes]) =>
            ledger.record(
              record({
                at: BASE + d * DAY - offset * 60_000 + minutes * 60_000,
                totalTokens: 1,
                promptTokens: 1,
                completionTokens: 0,
              }),
            ),
          );
          let current = offset;
          const tzTransitions = [...changes]
            .sort((a, b) => a.day - b.day || a.hour - b.hour)
            .map((c) => ({ at: BASE + c.day * DAY + c.hour * 3_600_000, offsetMinutes: (current += c.by) }));
          const q = { from: BASE - DAY, to: BASE + 101 * DAY, tzOffsetMinutes: offset, tzTransitions };
          const actual = await handlers['usage:summary'](q, ctx);
          expect(canonical(actual)).toEqual(canonical(naiveSummary(rows, q)));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('cut days at local midnight on both sides of a daylight-saving change', async () => {
    const { ledger, handlers } = setup();
    // New York: EST (UTC-5) until 9 March 2025 07:00 UTC, EDT (UTC-4) until 2 November 06:00 UTC.
    const spring = Date.UTC(2025, 2, 9, 7);
    const autumn = Date.UTC(2025, 10, 2, 6);
    for (const when of [
      Date.UTC(2025, 2, 9, 4, 30), // 23:30 EST on 8 March
      Date.UTC(2025, 2, 10, 4, 30), // 00:30 EDT on 10 March (a fixed UTC-5 would say 9 March)
      Date.UTC(2025, 10, 3, 4, 30), // 23:30 EST on 2 November (a fixed UTC-4 would say 3 November)
    ])
      ledger.record(record({ at: when, totalTokens: 1, promptTokens: 1, completionTokens: 0 }));
    const summary = await handlers['usage:summary'](
      {
        from: Date.UTC(2025, 2, 1, 5),
        to: Date.UTC(2025, 11, 1, 5),
        tzOffsetMinutes: -300,
        tzTransitions: [
          { at: spring, offsetMinutes: -240 },
          { at: autumn, offsetMinutes: -300 },
        ],
      },
      ctx,
    );
    expect(summary.daily.map((d) => d.day)).toEqual(['2025-03-08', '2025-03-10', '2025-11-02']);
    expect(summary.totals.requests).toBe(3);
  });

  it('estimate p50 and p95 of time to first token within one histogram bucket of the exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120_000 }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const histogram = new Array<number>(40).fill(0);
          for (const v of values) {
            const b = ttftBucket(v) ?? 0;
            histogram[b] = (histogram[b] ?? 0) + 1;
          }
          const sorted = [...values].sort((a, b) => a - b);
          for (const p of [0.5, 0.95]) {
            const exact = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
            const estimate = histogramQuantile(histogram, p) ?? Number.NaN;
            expect(ttftBucket(estimate)).toBeGreaterThanOrEqual((ttftBucket(exact) ?? 0) - 1);
            expect(ttftBucket(estimate)).toBeLessThanOrEqual((ttftBucket(exact) ?? 0) + 1);
          }
        },
      ),
    );
  });
});
