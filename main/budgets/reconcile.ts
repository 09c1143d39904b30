import type { DatabaseSync } from 'node:sqlite';
import type { BalanceStretch, Reconciliation } from '../contract';
import { roundMoney } from '../usage/money';

/** A difference this small is the provider's rounding of its headers, not a charge. */
export const GAP_TOLERANCE = 1e-6;
const MAX_STRETCHES = 50;
const MAX_REQUESTS = 50;

interface Reading {
  id: string;
  row: number;
  at: number;
  remaining: number;
  provider_id: string | null;
  provider_name: string;
}

/**
 * Checks the provider's own figures against the ledger. Each response that reports the balance
 * left (`X-Credits-Remaining`) is a reading; between two readings the balance should fall by
 * exactly the credits the ledger recorded for the requests after the first reading, up to and
 * including the second (whose reading already has its own charge taken off). A larger fall is a
 * gap: the provider charged for something the app recorded no charge for. The requests in that
 * stretch with no recorded charge (failed, cut off, answered without headers) may explain it;
 * with none, it is unexplained (another app with the same key, or a charge the provider made
 * alone). A rise is a top-up or a refund and is not a gap.
 */
export function reconcile(
  db: DatabaseSync,
  range: { from: number; to: number; providerId?: string | null },
): Reconciliation[] {
  const providers = (
    range.providerId !== undefined
      ? [{ provider_id: range.providerId }]
      : db
          .prepare(
            `SELECT DISTINCT provider_id FROM usage WHERE credits_remaining IS NOT NULL AND at >= ? AND at < ?`,
          )
          .all(range.from, range.to)
  ) as { provider_id: string | null }[];
  const readingsOf = db.prepare(
    `SELECT id, rowid AS row, at, credits_remaining AS remaining, provider_id, provider_name FROM usage
     WHERE credits_remaining IS NOT NULL AND provider_id IS ? AND at >= ? AND at < ? ORDER BY at, rowid`,
  );
  const recordedIn = db.prepare(
    `SELECT total(credits_consumed) AS credits FROM usage
     WHERE provider_id IS :provider AND ((at > :fromAt) OR (at = :fromAt AND rowid > :fromRow))
       AND ((at < :toAt) OR (at = :toAt AND rowid <= :toRow))`,
  );
  const unchargedIn = db.prepare(
    `SELECT id, at, model, status, thread_id AS threadId, message_id AS messageId, total_tokens AS totalTokens
     FROM usage WHERE provider_id IS :provider AND credits_consumed IS NULL
       AND ((at > :fromAt) OR (at = :fromAt AND rowid > :fromRow))
       AND ((at < :toAt) OR (at = :toAt AND rowid <= :toRow))
     ORDER BY at LIMIT ${MAX_REQUESTS}`,
  );

  const out: Reconciliation[] = [];
  for (const { provider_id } of providers) {
    const readings = readingsOf.all(provider_id, range.from, range.to) as unknown as Reading[];
    const last = readings[readings.length - 1];
    const summary: Reconciliation = {
      providerId: provider_id,
      providerName: last?.provider_name ?? '',
      readings: readings.length,
      first: readings[0] ? reading(readings[0]) : null,
      last: last ? reading(last) : null,
      balanceDrop: 0,
      recorded: 0,
      gap: 0,
      stretches: [],
    };
    const stretches: BalanceStretch[] = [];
    for (let i = 1; i < readings.length; i++) {
      const a = readings[i - 1]!;
      const b = readings[i]!;
      const bounds = {
        provider: provider_id,
        fromAt: a.at,
        fromRow: a.row,
        toAt: b.at,
        toRow: b.row,
      };
      const recorded = roundMoney((recordedIn.get(bounds) as { credits: number }).credits);
      const balanceDrop = roundMoney(a.remaining - b.remaining);
      const gap = roundMoney(balanceDrop - recorded);
      const kind: BalanceStretch['kind'] =
        balanceDrop < -GAP_TOLERANCE
          ? 'topUp'
          : gap > GAP_TOLERANCE
            ? 'gap'
            : gap < -GAP_TOLERANCE
              ? 'overRecorded'
              : 'matches';
      if (kind === 'topUp') continue;
      summary.balanceDrop = roundMoney(summary.balanceDrop + balanceDrop);
      summary.recorded = roundMoney(summary.recorded + recorded);
      if (kind === 'matches') continue;
      stretches.push({
        from: reading(a),
        to: reading(b),
        balanceDrop,
        recorded,
        gap,
        kind,
        requests: kind === 'gap' ? (unchargedIn.all(bounds) as unknown as BalanceStretch['requests']) : [],
      });
    }
    summary.gap = roundMoney(summary.balanceDrop - summary.recorded);
    summary.stretches = stretches.reverse().slice(0, MAX_STRETCHES);
    out.push(summary);
  }
  return out.sort((x, y) => x.providerName.localeCompare(y.providerName));
}

const reading = (r: Reading) => ({ at: r.at, remaining: r.remaining, usageId: r.id });
