import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../main/contract';
import { canonical, ctx, DAY, naiveSummary, record, setup } from './support';

const range = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };

describe('the 004-usage rollup triggers', () => {
  it('keep every zone in step when rows are deleted or changed directly', async () => {
    const { db, ledger, handlers } = setup();
    let rows: UsageRow[] = [];
    for (let i = 0; i < 40; i++) {
      rows.push(
        ledger.record(
          record({
            at: Date.UTC(2025, 3, 1) + i * 0.37 * DAY,
            model: i % 3 ? 'a' : 'b',
            status: i % 5 ? 'complete' : 'error',
            ttftMs: i % 4 ? 100 * i : null,
            creditsConsumed: i % 2 ? i : null,
          }),
        ),
      );
    }
    // Two zones: both must follow every change.
    for (const tzOffsetMinutes of [0, 330])
      await handlers['usage:summary']({ ...range, tzOffsetMinutes }, ctx);

    const gone = rows.filter((_, i) => i % 7 === 0);
    for (const row of gone) db.prepare('DELETE FROM usage WHERE id = ?').run(row.id);
    rows = rows.filter((r) => !gone.includes(r));
    const moved = rows[3] as UsageRow;
    db.prepare('UPDATE usage SET model = ?, at = ?, ttft_ms = ? WHERE id = ?').run(
      'c',
      moved.at + 9 * DAY,
      42,
      moved.id,
    );
    rows = rows.map((r) => (r.id === moved.id ? { ...r, model: 'c', at: r.at + 9 * DAY, ttftMs: 42 } : r));

    for (const tzOffsetMinutes of [0, 330]) {
      const q = { ...range, tzOffsetMinutes };
      expect(canonical(await handlers['usage:summary'](q, ctx))).toEqual(canonical(naiveSummary(rows, q)));
    }
    for (const table of ['usage_daily', 'usage_blocks']) {
      const empty = db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE requests <= 0`).get() as {
        n: number;
      };
      expect(empty.n).toBe(0);
    }
  });

  it('start empty and answer an empty ledger with zeros', async () => {
    const { handlers } = setup();
    const summary = await handlers['usage:summary']({ ...range, tzOffsetMinutes: -300 }, ctx);
    expect(summary).toEqual({
      totals: { requests: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0, credits: 0, cost: 0 },
      costs: [{ currency: 'USD', cost: 0 }],
      daily: [],
      byStatus: [
        { status: 'complete', requests: 0 },
        { status: 'interrupted', requests: 0 },
        { status: 'error', requests: 0 },
        { status: 'aborted', requests: 0 },
      ],
      latency: [],
      breakdown: [],
      balances: [],
    });
  });
});
