import type { Migration } from '../database';

/**
 * Usage as providers report it, counted once:
 * - `usage.cached_tokens`: prompt tokens the provider served from its cache, kept apart from the
 *   prompt total (NULL when not reported).
 * - The thread totals skip a message whose usage is a copy of another's: with `n > 1` every
 *   choice shows the request's usage, but the request is counted once (`$.sharedCopy`).
 */
const counted = (row: 'new' | 'old'): string =>
  `(coalesce(json_extract(${row}.usage_json, '$.sharedCopy'), 0) = 0)`;

const delta = (row: 'new' | 'old'): Record<string, string> => {
  const c = counted(row);
  return {
    tokens: `${c} * coalesce(json_extract(${row}.usage_json, '$.totalTokens'), 0)`,
    credits: `${c} * coalesce(json_extract(${row}.usage_json, '$.creditsConsumed'), 0)`,
    credited: `${c} * (json_extract(${row}.usage_json, '$.creditsConsumed') IS NOT NULL)`,
    cost: `${c} * coalesce(json_extract(${row}.usage_json, '$.cost'), 0)`,
    costed: `${c} * (json_extract(${row}.usage_json, '$.cost') IS NOT NULL)`,
  };
};

const n = delta('new');
const o = delta('old');

export const sharedUsage: Migration = {
  version: 5,
  name: '005-shared-usage',
  up(db) {
    db.exec(`
      ALTER TABLE usage ADD COLUMN cached_tokens INTEGER;

      DROP TRIGGER messages_totals_insert;
      DROP TRIGGER messages_totals_delete;
      DROP TRIGGER messages_totals_update;
      CREATE TRIGGER messages_totals_insert AFTER INSERT ON messages BEGIN
        UPDATE threads SET
          message_count = message_count + 1,
          total_tokens = total_tokens + ${n.tokens},
          total_credits = total_credits + ${n.credits},
          credited_messages = credited_messages + ${n.credited},
          total_cost = total_cost + ${n.cost},
          costed_messages = costed_messages + ${n.costed}
        WHERE id = new.thread_id;
      END;
      CREATE TRIGGER messages_totals_delete AFTER DELETE ON messages BEGIN
        UPDATE threads SET
          message_count = message_count - 1,
          total_tokens = total_tokens - ${o.tokens},
          total_credits = total_credits - ${o.credits},
          credited_messages = credited_messages - ${o.credited},
          total_cost = total_cost - ${o.cost},
          costed_messages = costed_messages - ${o.costed}
        WHERE id = old.thread_id;
      END;
      CREATE TRIGGER messages_totals_update AFTER UPDATE OF usage_json ON messages BEGIN
        UPDATE threads SET
          total_tokens = total_tokens - ${o.tokens} + ${n.tokens},
          total_credits = total_credits - ${o.credits} + ${n.credits},
          credited_messages = credited_messages - ${o.credited} + ${n.credited},
          total_cost = total_cost - ${o.cost} + ${n.cost},
          costed_messages = costed_messages - ${o.costed} + ${n.costed}
        WHERE id = new.thread_id;
      END;
    `);
  },
};
