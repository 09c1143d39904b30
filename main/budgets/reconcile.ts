import type { DatabaseSync } from 'node:sqlite';
import type { BalanceStretch, Reconciliation } from '../contract';
import { roundMoney } from '../usage/money';

/** A difference this small is the provider's rounding of its headers, not a charge. */
export const GAP_TOLERANCE = 1e-6;
const MAX_STRETCHES = 50;
const MAX_REQUESTS = 50;

interface Reading {
  id: string;
  at: number;
  remaining: number;
}

interface LedgerRow {
  id: string;
  at: number;
  model: string;
  status: string;
  threadId: string | null;
  messageId: string | null;
  totalTokens: number;
  consumed: number | null;
  remaining: number | null;
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
  // One pass per provider over its rows in the range, in the order they were recorded.
  const rowsOf = db.prepare(
    `SELECT id, rowid AS row, at, model, status, thread_id AS threadId, message_id AS messageId,
       total_tokens AS totalTokens, credits_consumed AS consumed, credits_remaining AS remaining,
       provider_name
     FROM usage WHERE provider_id IS ? AND at >= ? AND at < ? ORDER BY at, rowid`,
  );

  const out: Reconciliation[] = [];
  for (const { provider_id } of providers) {
    const summary: Reconciliation = {
      providerId: provider_id,
      providerName: '',
      readings: 0,
      first: null,
      last: null,
      balanceDrop: 0,
      recorded: 0,
      gap: 0,
      stretches: [],
    };
    const stretches: BalanceStretch[] = [];
    let previous: Reading | null = null;
    let recorded = 0;
    let uncharged: BalanceStretch['requests'] = [];
    for (const r of rowsOf.iterate(provider_id, range.from, range.to) as Iterable<LedgerRow>) {
      summary.providerName = r.provider_name;
      if (previous !== null) {
        recorded = roundMoney(recorded + (r.consumed ?? 0));
        if (r.consumed === null && uncharged.length < MAX_REQUESTS)
          uncharged.push({
            id: r.id,
            at: r.at,
            model: r.model,
            status: r.status,
            threadId: r.threadId,
            messageId: r.messageId,
            totalTokens: r.totalTokens,
          });
      }
      if (r.remaining === null) continue;
      const current: Reading = { id: r.id, at: r.at, remaining: r.remaining };
      summary.readings++;
      summary.first ??= reading(current);
      summary.last = reading(current);
      if (previous !== null) {
        const balanceDrop = roundMoney(previous.remaining - current.remaining);
        const gap = roundMoney(balanceDrop - recorded);
        const kind: BalanceStretch['kind'] =
          balanceDrop < -GAP_TOLERANCE
            ? 'topUp'
            : gap > GAP_TOLERANCE
              ? 'gap'
              : gap < -GAP_TOLERANCE
                ? 'overRecorded'
                : 'matches';
        if (kind !== 'topUp') {
          summary.balanceDrop = roundMoney(summary.balanceDrop + balanceDrop);
          summary.recorded = roundMoney(summary.recorded + recorded);
        }
        if (kind === 'gap' || kind === 'overRecorded')
          stretches.push({
            from: reading(previous),
            to: reading(current),
            balanceDrop,
            recorded,
            gap,
            kind,
            requests: kind === 'gap' ? uncharged : [],
          });
      }
      previous = current;
      recorded = 0;
      uncharged = [];
    }
    summary.gap = roundMoney(summary.balanceDrop - summary.recorded);
    summary.stretches = stretches.reverse().slice(0, MAX_STRETCHES);
    out.push(summary);
  }
  return out.sort((x, y) => x.providerName.localeCompare(y.providerName));
}

const reading = (r: Reading) => ({ at: r.at, remaining: r.remaining, usageId: r.id });
