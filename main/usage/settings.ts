import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { readSetting, writeSetting } from '../settings';

const KEY = 'usage.lowBalanceCredits';
/**
 * Without a threshold of the user's own, the warning starts at a tenth of the first balance the
 * ledger saw. A fixed default (it was 1,000 credits) flagged a fresh account with a small
 * top-up as "low" on day one.
 */
const LOW_BALANCE_SHARE = 0.1;

/** The earliest balance any provider reported, or null before the first one. */
function firstBalanceSeen(db: DatabaseSync): number | null {
  const row = db
    .prepare(
      'SELECT credits_remaining FROM usage WHERE credits_remaining IS NOT NULL ORDER BY at, rowid LIMIT 1',
    )
    .get() as { credits_remaining: number } | undefined;
  return row ? row.credits_remaining : null;
}

/**
 * The usage screen's preferences: the balance at or below which a provider's credits are flagged.
 * Before any balance is known that is 0 (only an empty account is low); the first balance seen
 * fixes the derived threshold, so it does not drift as the balance falls or history is cleared.
 */
export function usageSettings(
  db: DatabaseSync,
  patch: { lowBalanceCredits?: number },
): { lowBalanceCredits: number } {
  if (patch.lowBalanceCredits !== undefined) writeSetting(db, KEY, patch.lowBalanceCredits);
  const chosen = readSetting(db, KEY, z.number().min(0));
  if (chosen !== null) return { lowBalanceCredits: chosen };
  const first = firstBalanceSeen(db);
  if (first === null) return { lowBalanceCredits: 0 };
  const derived = Math.max(0, Math.floor(first * LOW_BALANCE_SHARE));
  writeSetting(db, KEY, derived);
  return { lowBalanceCredits: derived };
}
