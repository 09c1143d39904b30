import { describe, expect, it } from 'vitest';
import { estimateTokens, loadTokenizer, tokenizerReady } from '../../main/usage/tokens';
import { ctx, record, setup } from './support';

const range = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };

describe('the usage ledger', () => {
  it('keeps one row per attempt: success, failure, abort and interruption alike', async () => {
    const { ledger, handlers } = setup();
    ledger.record(record({ status: 'complete' }));
    ledger.record(
      record({
        status: 'error',
        errorCode: 'provider_error',
        completionTokens: 0,
        totalTokens: 100,
        ttftMs: null,
      }),
    );
    ledger.record(record({ status: 'aborted', errorCode: 'aborted' }));
    ledger.record(record({ status: 'interrupted', errorCode: 'protocol_error' }));

    const { total, rows } = await handlers['usage:rows']({ ...range, offset: 0, limit: 100 }, ctx);
    expect(total).toBe(4);
    expect(rows.map((r) => r.status).sort()).toEqual(['aborted', 'complete', 'error', 'interrupted']);
    expect(rows.find((r) => r.status === 'error')?.errorCode).toBe('provider_error');

    const summary = await handlers['usage:summary']({ ...range, tzOffsetMinutes: 0 }, ctx);
    expect(summary.byStatus).toEqual([
      { status: 'complete', requests: 1 },
      { status: 'interrupted', requests: 1 },
      { status: 'error', requests: 1 },
      { status: 'aborted', requests: 1 },
    ]);
  });

  it('links each retry to its first attempt and numbers the attempts', async () => {
    const { ledger, handlers } = setup();
    const first = ledger.record(
      record({ status: 'error', errorCode: 'rate_limited', at: Date.UTC(2025, 4, 20, 12, 0, 0) }),
    );
    const second = ledger.record(
      record({
        status: 'error',
        errorCode: 'rate_limited',
        retryOf: first.id,
        attempt: 2,
        at: Date.UTC(2025, 4, 20, 12, 0, 2),
      }),
    );
    const third = ledger.record(
      record({ retryOf: first.id, attempt: 3, at: Date.UTC(2025, 4, 20, 12, 0, 6) }),
    );

    const { rows } = await handlers['usage:rows']({ ...range, offset: 0, limit: 10 }, ctx);
    expect(rows.map((r) => [r.id, r.retryOf, r.attempt, r.status])).toEqual([
      [third.id, first.id, 3, 'complete'],
      [second.id, first.id, 2, 'error'],
      [first.id, null, 1, 'error'],
    ]);
  });

  it('says whether tokens were reported by the provider or estimated with the tokenizer', async () => {
    await loadTokenizer();
    expect(tokenizerReady()).toBe(true);
    // o200k_base: "Hello", ",", " world", "!"
    expect(estimateTokens('Hello, world!')).toBe(4);
    expect(estimateTokens('')).toBe(0);

    const { ledger } = setup();
    const reported = ledger.record(
      record({ promptTokens: 12, completionTokens: 30, totalTokens: 42, tokensReported: true }),
    );
    const answer = 'The capital of France is Paris.';
    const estimated = ledger.record(
      record({
        promptTokens: estimateTokens('What is the capital of France?'),
        completionTokens: estimateTokens(answer),
        totalTokens: 0,
        tokensReported: false,
      }),
    );
    expect(reported).toMatchObject({ totalTokens: 42, tokensReported: true });
    expect(estimated.tokensReported).toBe(false);
    expect(estimated.completionTokens).toBe(7);
    expect(estimated.totalTokens).toBe(estimated.promptTokens + estimated.completionTokens);
  });

  it('stores credits consumed and remaining from the provider and reports the latest balance', async () => {
    const { ledger, handlers } = setup();
    await handlers['prices:save'](
      {
        providerId: null,
        model: 'model-x',
        inputPerMillion: 1,
        outputPerMillion: 2,
        currency: 'USD',
        validFrom: 0,
      },
      ctx,
    );
    ledger.record(
      record({
        providerId: 'conf',
        providerName: 'Confidential',
        creditsConsumed: 12.5,
        creditsRemaining: 9_987.5,
        at: Date.UTC(2025, 4, 1),
      }),
    );
    const later = ledger.record(
      record({
        providerId: 'conf',
        providerName: 'Confidential',
        creditsConsumed: 7,
        creditsRemaining: 9_980.5,
        at: Date.UTC(2025, 4, 2),
      }),
    );

    expect(later.cost).toBeNull();
    const summary = await handlers['usage:summary']({ ...range, tzOffsetMinutes: 0 }, ctx);
    expect(summary.totals.credits).toBe(19.5);
    expect(summary.totals.cost).toBe(0);
    expect(summary.balances).toEqual([
      { providerId: 'conf', providerName: 'Confidential', creditsRemaining: 9_980.5, at: later.at },
    ]);
    // As of a range that ended before the second request, the balance was the first one.
    const earlier = await handlers['usage:summary'](
      { from: range.from, to: Date.UTC(2025, 4, 1, 12), tzOffsetMinutes: 0 },
      ctx,
    );
    expect(earlier.balances[0]?.creditsRemaining).toBe(9_987.5);
  });

  it('prices each request with the price valid at its time, a provider-specific price first', async () => {
    const { ledger, handlers } = setup();
    const save = (providerId: string | null, input: number, output: number, validFrom: number) =>
      handlers['prices:save'](
        {
          providerId,
          model: 'model-x',
          inputPerMillion: input,
          outputPerMillion: output,
          currency: 'USD',
          validFrom,
        },
        ctx,
      );
    await save(null, 1, 2, Date.UTC(2025, 0, 1));
    await save(null, 3, 6, Date.UTC(2025, 3, 1));
    await save('prov-b', 10, 20, Date.UTC(2025, 1, 1));

    const cost = (at: number, providerId = 'prov-a') =>
      ledger.record(
        record({
          at,
          providerId,
          promptTokens: 1_000_000,
          completionTokens: 500_000,
          totalTokens: 1_500_000,
        }),
      ).cost;
    expect(cost(Date.UTC(2024, 11, 31))).toBeNull();
    expect(cost(Date.UTC(2025, 1, 15))).toBe(2);
    expect(cost(Date.UTC(2025, 3, 1))).toBe(6);
    expect(cost(Date.UTC(2025, 5, 1), 'prov-b')).toBe(20);
    // A cost the provider reported itself is kept as it is.
    expect(ledger.record(record({ cost: 0.25 })).cost).toBe(0.25);
  });

  it('reprices earlier rows when the user enters or corrects a price', async () => {
    const { ledger, handlers } = setup();
    const before = ledger.record(
      record({
        at: Date.UTC(2025, 2, 1),
        promptTokens: 2_000_000,
        completionTokens: 0,
        totalTokens: 2_000_000,
      }),
    );
    const charged = ledger.record(
      record({
        at: Date.UTC(2025, 2, 2),
        creditsConsumed: 5,
        promptTokens: 2_000_000,
        totalTokens: 2_000_000,
      }),
    );
    const reported = ledger.record(record({ at: Date.UTC(2025, 2, 3), cost: 0.5 }));
    expect(before.cost).toBeNull();

    const price = await handlers['prices:save'](
      {
        providerId: null,
        model: 'model-x',
        inputPerMillion: 1.5,
        outputPerMillion: 0,
        currency: 'USD',
        validFrom: 0,
      },
      ctx,
    );
    const costs = async () => {
      const { rows } = await handlers['usage:rows']({ ...range, offset: 0, limit: 10 }, ctx);
      return Object.fromEntries(rows.map((r) => [r.id, r.cost]));
    };
    expect(await costs()).toEqual({ [before.id]: 3, [charged.id]: null, [reported.id]: 0.5 });
    expect((await handlers['usage:summary']({ ...range, tzOffsetMinutes: 0 }, ctx)).totals.cost).toBe(3.5);

    await handlers['prices:delete']({ id: price.id }, ctx);
    expect(await costs()).toEqual({ [before.id]: null, [charged.id]: null, [reported.id]: 0.5 });
    expect((await handlers['usage:summary']({ ...range, tzOffsetMinutes: 0 }, ctx)).totals.cost).toBe(0.5);
    expect(await handlers['prices:list']({}, ctx)).toEqual([]);
  });

  it('fills tokens per second from the streamed part and tells open screens about every change', () => {
    const { ledger, broadcasts } = setup();
    const row = ledger.record(record({ completionTokens: 50, ttftMs: 300, durationMs: 1300 }));
    expect(row.tokensPerSecond).toBe(50);
    expect(broadcasts).toEqual([{ event: 'usage:changed', payload: { at: Date.UTC(2025, 5, 1) } }]);
  });

  it('refuses a malformed row instead of corrupting the ledger', () => {
    const { ledger } = setup();
    expect(() => ledger.record(record({ promptTokens: Number.NaN }))).toThrow(/promptTokens/);
  });
});
