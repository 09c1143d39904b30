import type { DatabaseSync } from 'node:sqlite';
import type { DcapCollateral } from '../evidence';
import type { CollateralNeed } from './needs';
import { needKey } from './needs';
import type { CollateralSource } from './pcs';
import { fetchCollateral } from './pcs';

/** Collateral per report layer, as the report check takes it. */
export type CollateralSet = Partial<Record<CollateralNeed['layer'], DcapCollateral>>;

/** Where a layer's collateral came from, for the transcript (`collateral.source`). */
export interface CollateralNote {
  layer: CollateralNeed['layer'];
  status: 'pass' | 'warn';
  reason: string;
}

interface Row {
  key: string;
  source: string;
  fetched_at: number;
  next_update: number;
  body: string;
}

const day = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * Intel collateral for the quotes of a report: from the SQLite cache while it is within its
 * `nextUpdate`, else fetched from the PCS and cached; when the PCS cannot be reached, whatever is
 * cached, saying so (an expired copy then fails its date checks, so the level stops below
 * "Attested and current" with the reason).
 */
export class CollateralBook {
  constructor(
    private readonly db: DatabaseSync,
    private readonly fetcher: typeof fetch,
    private readonly source: CollateralSource,
    private readonly now: () => number,
  ) {}

  private cached(key: string): Row | undefined {
    return this.db.prepare('SELECT * FROM attestation_collateral WHERE key = ?').get(key) as Row | undefined;
  }

  /** Drops a cached copy that did not verify, so the next check fetches again. */
  forget(needs: readonly CollateralNeed[]): void {
    for (const need of needs)
      this.db.prepare('DELETE FROM attestation_collateral WHERE key = ?').run(needKey(need));
  }

  async forNeeds(needs: readonly CollateralNeed[]): Promise<{ set: CollateralSet; notes: CollateralNote[] }> {
    const set: CollateralSet = {};
    const notes: CollateralNote[] = [];
    const byKey = new Map<
      string,
      Promise<{ collateral: DcapCollateral | null; status: CollateralNote['status']; reason: string }>
    >();
    for (const need of needs) {
      const key = needKey(need);
      if (!byKey.has(key)) byKey.set(key, this.one(need));
      const got = await byKey.get(key)!;
      if (got.collateral) set[need.layer] = got.collateral;
      notes.push({ layer: need.layer, status: got.status, reason: got.reason });
    }
    return { set, notes };
  }

  private async one(
    need: CollateralNeed,
  ): Promise<{ collateral: DcapCollateral | null; status: CollateralNote['status']; reason: string }> {
    const key = needKey(need);
    const what = `${need.tee.toUpperCase()} FMSPC ${need.fmspc}`;
    const row = this.cached(key);
    const nowMs = this.now();
    if (row && row.next_update > nowMs)
      return {
        collateral: JSON.parse(row.body) as DcapCollateral,
        status: 'pass',
        reason: `Intel collateral for ${what} from the cache (fetched ${day(row.fetched_at)} from ${hostOf(row.source)}), current until ${day(row.next_update)}.`,
      };
    const fetched = await fetchCollateral(this.fetcher, this.source, need);
    if (fetched.ok) {
      this.db
        .prepare(
          `INSERT INTO attestation_collateral (key, source, fetched_at, next_update, body) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET source = excluded.source, fetched_at = excluded.fetched_at,
             next_update = excluded.next_update, body = excluded.body`,
        )
        .run(key, fetched.url, nowMs, fetched.nextUpdate, JSON.stringify(fetched.collateral));
      return fetched.nextUpdate > nowMs
        ? {
            collateral: fetched.collateral,
            status: 'pass',
            reason: `Intel collateral for ${what} fetched from ${hostOf(fetched.url)} now, current until ${day(fetched.nextUpdate)}.`,
          }
        : {
            collateral: fetched.collateral,
            status: 'warn',
            reason: `${hostOf(fetched.url)} served collateral for ${what} that was already past its nextUpdate (${day(fetched.nextUpdate)}): the TCB status cannot be current.`,
          };
    }
    if (row)
      return {
        collateral: JSON.parse(row.body) as DcapCollateral,
        status: 'warn',
        reason: `The collateral could not be fetched: ${fetched.problem}; using the copy for ${what} cached on ${day(row.fetched_at)}, which expired at ${day(row.next_update)}.`,
      };
    return {
      collateral: null,
      status: 'warn',
      reason: `The collateral could not be fetched: ${fetched.problem}, and none for ${what} is cached: the TCB status is unknown.`,
    };
  }
}

/** Collateral that failed its signature or chain is not kept (expiry is the cache's own business). */
export const forgedCollateral = (
  checks: readonly { id: string; status: string; reason: string }[],
): boolean =>
  checks.some(
    (c) =>
      /collateral\.(tcb_info|qe_identity|pck_crl|root_ca_crl)$/.test(c.id) &&
      c.status === 'fail' &&
      !/expired|issued .* after/.test(c.reason),
  );
