import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import type { Handlers } from '../../main/ipc/handlers';
import { McpRunLog } from '../../main/mcp/runLog';
import { DAY, ctx, record, setup } from './support';

const range = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };

describe('the usage screen’s channels', () => {
  it('pages rows newest first with the filtered total', async () => {
    const { ledger, handlers } = setup();
    for (let i = 0; i < 7; i++)
      ledger.record(record({ at: Date.UTC(2025, 4, 1) + i * DAY, threadId: i % 2 ? 'odd' : 'even' }));
    const first = await handlers['usage:rows']({ ...range, offset: 0, limit: 3 }, ctx);
    const second = await handlers['usage:rows']({ ...range, offset: 3, limit: 3 }, ctx);
    expect(first.total).toBe(7);
    expect([...first.rows, ...second.rows].map((r) => r.at)).toEqual(
      [6, 5, 4, 3, 2, 1].map((i) => Date.UTC(2025, 4, 1) + i * DAY),
    );
    const odd = await handlers['usage:rows']({ ...range, threadId: 'odd', offset: 0, limit: 10 }, ctx);
    expect(odd.total).toBe(3);
    expect(odd.rows.every((r) => r.threadId === 'odd')).toBe(true);
  });

  it('shows what a clear will remove, then removes exactly that range and keeps the figures in step', async () => {
    const { ledger, handlers, broadcasts } = setup();
    const days = [1, 2, 3, 4, 5].map((d) => Date.UTC(2025, 4, d, 10));
    for (const at of days)
      ledger.record(record({ at, totalTokens: 10, promptTokens: 10, completionTokens: 0 }));
    await handlers['usage:summary']({ ...range, tzOffsetMinutes: 60 }, ctx);

    const target = { from: Date.UTC(2025, 4, 2), to: Date.UTC(2025, 4, 4) };
    expect(await handlers['usage:clearPreview'](target, ctx)).toEqual({ rows: 2, totalTokens: 20 });
    broadcasts.length = 0;
    expect(await handlers['usage:clear'](target, ctx)).toEqual({ deleted: 2 });
    expect(broadcasts.map((b) => b.event)).toEqual(['usage:changed']);

    const summary = await handlers['usage:summary']({ ...range, tzOffsetMinutes: 60 }, ctx);
    expect(summary.totals).toMatchObject({ requests: 3, totalTokens: 30 });
    expect(summary.daily.map((d) => d.day)).toEqual(['2025-05-01', '2025-05-04', '2025-05-05']);
    expect(await handlers['usage:clear'](target, ctx)).toEqual({ deleted: 0 });
  });

  it('a clear also deletes the MCP tool runs started in its range, and a range of only tool runs is cleared too', async () => {
    const { db, ledger, handlers, broadcasts } = setup();
    const runs = new McpRunLog(db);
    const run = (id: string, startedAt: number) =>
      runs.record(
        {
          id,
          serverId: 'server-1',
          serverName: 'Files',
          tool: 'read_file',
          threadId: 'thread-1',
          toolCallId: `call-${id}`,
          startedAt,
          durationMs: 5,
          status: 'ok',
          error: null,
        },
        { messageId: null, resultJson: '{"content":[]}', resultChars: 14 },
      );
    const ids = () =>
      runs
        .recent(undefined, 10)
        .map((r) => r.id)
        .sort();
    ledger.record(record({ at: Date.UTC(2025, 4, 2, 10) }));
    run('in-1', Date.UTC(2025, 4, 2, 11));
    run('in-2', Date.UTC(2025, 4, 3, 9));
    run('before', Date.UTC(2025, 4, 1, 23));
    run('at-end', Date.UTC(2025, 4, 4));

    expect(
      await handlers['usage:clear']({ from: Date.UTC(2025, 4, 2), to: Date.UTC(2025, 4, 4) }, ctx),
    ).toEqual({
      deleted: 1,
    });
    expect(ids()).toEqual(['at-end', 'before']);
    // No request in this range, one tool run: it goes, and the screen hears of it.
    broadcasts.length = 0;
    expect(
      await handlers['usage:clear']({ from: Date.UTC(2025, 4, 1), to: Date.UTC(2025, 4, 2) }, ctx),
    ).toEqual({
      deleted: 0,
    });
    expect(ids()).toEqual(['at-end']);
    expect(broadcasts.map((b) => b.event)).toEqual(['usage:changed']);
  });

  it('warns about a low balance only once there is one to compare: a tenth of the first balance seen, or what the user sets', async () => {
    const { ledger, handlers } = setup();
    // A fresh account: nothing seen, so nothing is low until the credits are gone.
    expect(await handlers['usage:settings']({}, ctx)).toEqual({ lowBalanceCredits: 0 });
    ledger.record(record({ at: Date.UTC(2025, 4, 1), creditsRemaining: 500 }));
    ledger.record(record({ at: Date.UTC(2025, 4, 2), creditsRemaining: 420 }));
    // 500 credits is a small balance, not a low one: the warning starts at 50.
    expect(await handlers['usage:settings']({}, ctx)).toEqual({ lowBalanceCredits: 50 });
    expect(await handlers['usage:settings']({ lowBalanceCredits: 250 }, ctx)).toEqual({
      lowBalanceCredits: 250,
    });
    expect(await handlers['usage:settings']({}, ctx)).toEqual({ lowBalanceCredits: 250 });
  });

  it('lists, edits and deletes prices, and rejects one without a model', async () => {
    const { handlers } = setup();
    const price = await handlers['prices:save'](
      {
        providerId: '',
        model: ' gpt-x ',
        inputPerMillion: 2,
        outputPerMillion: 8,
        currency: '',
        validFrom: 5,
      },
      ctx,
    );
    expect(price).toMatchObject({ providerId: null, model: 'gpt-x', currency: 'USD', validFrom: 5 });
    const edited = await handlers['prices:save']({ ...price, outputPerMillion: 10 }, ctx);
    expect(await handlers['prices:list']({}, ctx)).toEqual([edited]);
    await expect(async () =>
      handlers['prices:save'](
        {
          providerId: null,
          model: ' ',
          inputPerMillion: 1,
          outputPerMillion: 1,
          currency: 'USD',
          validFrom: 0,
        },
        ctx,
      ),
    ).rejects.toMatchObject({
      error: { code: 'invalid_request', detail: { field: 'model' } },
    });
    expect(await handlers['prices:delete']({ id: price.id }, ctx)).toEqual({ deleted: true });
    expect(await handlers['prices:delete']({ id: price.id }, ctx)).toEqual({ deleted: false });
  });

  it('answers a backwards range or a fractional zone offset as an invalid request, not a crash', async () => {
    const { handlers } = setup();
    // Only the usage channels are needed here; the dispatcher looks handlers up by name.
    const all = handlers as unknown as Handlers;
    const backwards = await dispatch(all, 'usage:summary', { from: 10, to: 5 }, ctx);
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const fractional = await dispatch(all, 'usage:summary', { from: 0, to: 5, tzOffsetMinutes: 1.5 }, ctx);
    expect(fractional).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
