import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../main/budgets/reconcile';
import { catalogueInfo, costSettings } from '../../main/budgets/costSettings';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { UsageLedger } from '../../main/usage/ledger';
import { record } from '../usage/support';

const T = Date.UTC(2026, 11, 6, 9);
const MIN = 60_000;
const range = { from: T - 86_400_000, to: T + 86_400_000 };

function setup() {
  const { db } = openDatabase(':memory:', migrations);
  const ledger = new UsageLedger(db, { now: () => T });
  /** A request of the confidential service: what it charged and the balance it reported after. */
  const charged = (minute: number, consumed: number | null, remaining: number | null, extra = {}) =>
    ledger.record(
      record({
        at: T + minute * MIN,
        providerId: 'conf',
        providerName: 'Confidential',
        creditsConsumed: consumed,
        creditsRemaining: remaining,
        ...extra,
      }),
    );
  return { db, ledger, charged };
}

describe('balance reconciliation', () => {
  it('matches when the balance fell by exactly what the ledger recorded', () => {
    const { db, charged } = setup();
    charged(0, 10, 1000);
    charged(1, 25, 975);
    charged(2, 5, 970);
    const [conf] = reconcile(db, range);
    expect(conf).toMatchObject({
      providerName: 'Confidential',
      readings: 3,
      balanceDrop: 30,
      recorded: 30,
      gap: 0,
    });
    expect(conf?.stretches).toEqual([]);
  });

  it('shows a gap with the requests that recorded no charge in it', () => {
    const { db, charged } = setup();
    charged(0, 10, 1000);
    // Cut off: the provider charged, but no header came, so the ledger recorded nothing.
    const cut = charged(1, null, null, { status: 'interrupted', messageId: 'm-cut' });
    charged(2, 5, 955);
    const [conf] = reconcile(db, range);
    expect(conf).toMatchObject({ balanceDrop: 45, recorded: 5, gap: 40 });
    expect(conf?.stretches).toHaveLength(1);
    expect(conf?.stretches[0]).toMatchObject({
      kind: 'gap',
      gap: 40,
      from: { remaining: 1000 },
      to: { remaining: 955 },
      requests: [{ id: cut.id, status: 'interrupted', messageId: 'm-cut' }],
    });
  });

  it('flags a gap no request explains, and leaves a top-up out of the sums', () => {
    const { db, charged } = setup();
    charged(0, 10, 1000);
    charged(1, 10, 900); // 90 went somewhere else: another app with the same key?
    charged(2, 10, 5000); // topped up
    charged(3, 10, 4990);
    const [conf] = reconcile(db, range);
    expect(conf).toMatchObject({ balanceDrop: 110, recorded: 20, gap: 90 });
    expect(conf?.stretches.map((s) => [s.kind, s.gap, s.requests.length])).toEqual([[`gap`, 90, 0]]);
  });

  it('finds, between the first and last reading, exactly the charges the ledger did not record', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            consumed: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
            // What the provider charged beyond the recorded figure (0: nothing hidden).
            hidden: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
            reported: fc.boolean(),
          }),
          { minLength: 2, maxLength: 40 },
        ),
        (steps) => {
          const { db, charged } = setup();
          let balance = 100_000;
          steps.forEach((s, i) => {
            balance -= (s.consumed ?? 0) + s.hidden;
            charged(i, s.consumed, s.reported ? balance : null);
          });
          const first = steps.findIndex((s) => s.reported);
          const last = steps.map((s) => s.reported).lastIndexOf(true);
          const [conf] = reconcile(db, range);
          if (first === last) {
            expect(conf?.stretches ?? []).toEqual([]);
            return;
          }
          const between = steps.slice(first + 1, last + 1);
          expect(conf).toMatchObject({
            balanceDrop: between.reduce((sum, s) => sum + (s.consumed ?? 0) + s.hidden, 0),
            recorded: between.reduce((sum, s) => sum + (s.consumed ?? 0), 0),
            gap: between.reduce((sum, s) => sum + s.hidden, 0),
          });
          // Each stretch with a hidden charge is shown, with the uncharged requests inside it.
          expect(conf?.stretches.reduce((sum, s) => sum + s.gap, 0)).toBe(conf?.gap);
          for (const stretch of conf?.stretches ?? []) {
            expect(stretch.kind).toBe('gap');
            for (const r of stretch.requests) expect(r.at).toBeGreaterThan(stretch.from.at);
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('the bundled catalogue’s age', () => {
  it('is stale past the user’s number of days (30 unless set)', () => {
    const { db } = setup();
    const book = { asOf: '2026-11-01', currency: 'USD', models: { m: { input: 1, output: 1 } } };
    expect(catalogueInfo(db, Date.UTC(2026, 11, 1), book)).toMatchObject({
      ageDays: 30,
      staleAfterDays: 30,
      stale: false,
    });
    expect(catalogueInfo(db, Date.UTC(2026, 11, 2), book).stale).toBe(true);
    costSettings(db, { staleAfterDays: 90 });
    expect(catalogueInfo(db, Date.UTC(2026, 11, 2), book)).toMatchObject({
      staleAfterDays: 90,
      stale: false,
    });
    expect(costSettings(db, { convertTo: 'EUR' })).toEqual({ convertTo: 'EUR', staleAfterDays: 90 });
  });
});
