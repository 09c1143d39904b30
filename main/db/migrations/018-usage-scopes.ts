import type { Migration } from '../database';
import { createScopeTablesSql, scopeTriggersSql } from '../../usage/scopeSql';

const pausedCheck = `(SELECT paused FROM usage_rollup_state WHERE id = 1) = 0`;

/**
 * The usage rollup per project and per tag (main/usage/scopeSql.ts): a usage summary filtered by a
 * project or a tag read every raw row of the range (the daily rollup has no threads), 1M rows for
 * an all-time view. Scopes are built on first use, per zone, and kept in step by triggers on the
 * ledger, on threads (moves, purges) and on thread tags.
 */
export const usageScopes: Migration = {
  version: 18,
  name: '018-usage-scopes',
  up(db) {
    db.exec(`${createScopeTablesSql()}
      ${scopeTriggersSql(pausedCheck)}`);
  },
};
