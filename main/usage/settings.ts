import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { readSetting, writeSetting } from '../settings';

const KEY = 'usage.lowBalanceCredits';
/** 1,000 credits is $0.10 on the confidential service (1 credit = $0.0001): time to top up. */
export const DEFAULT_LOW_BALANCE_CREDITS = 1000;

/** The usage screen's preferences: the balance below which a provider's credits are flagged. */
export function usageSettings(
  db: DatabaseSync,
  patch: { lowBalanceCredits?: number },
): { lowBalanceCredits: number } {
  if (patch.lowBalanceCredits !== undefined) writeSetting(db, KEY, patch.lowBalanceCredits);
  return { lowBalanceCredits: readSetting(db, KEY, z.number().min(0)) ?? DEFAULT_LOW_BALANCE_CREDITS };
}
