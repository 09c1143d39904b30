import type { SQLInputValue } from 'node:sqlite';
import type { UsageFilter, UsageRow } from '../contract';
import { ErrorCode, UsageStatus } from '../contract';

/** A `usage` table row as SQLite returns it. */
export interface UsageDbRow {
  id: string;
  at: number;
  provider_id: string | null;
  provider_name: string;
  model: string;
  confidential: number;
  thread_id: string | null;
  message_id: string | null;
  retry_of: string | null;
  attempt: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number | null;
  cached_tokens: number | null;
  total_tokens: number;
  tokens_reported: number;
  credits_consumed: number | null;
  credits_remaining: number | null;
  cost: number | null;
  cost_reported: number;
  cost_source?: string | null;
  ttft_ms: number | null;
  duration_ms: number | null;
  tokens_per_second: number | null;
  status: string;
  error_code: string | null;
}

export const ROW_COLUMNS =
  'id, at, provider_id, provider_name, model, confidential, thread_id, message_id, retry_of, attempt, prompt_tokens, ' +
  'completion_tokens, reasoning_tokens, total_tokens, tokens_reported, credits_consumed, credits_remaining, cost, ' +
  'ttft_ms, duration_ms, tokens_per_second, status, error_code, cached_tokens, cost_reported, cost_source';

export function toUsageRow(row: UsageDbRow): UsageRow {
  const status = UsageStatus.safeParse(row.status);
  const errorCode = ErrorCode.safeParse(row.error_code);
  return {
    id: row.id,
    at: row.at,
    providerId: row.provider_id,
    providerName: row.provider_name,
    model: row.model,
    confidential: row.confidential === 1,
    threadId: row.thread_id,
    messageId: row.message_id,
    retryOf: row.retry_of,
    attempt: row.attempt,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    reasoningTokens: row.reasoning_tokens,
    cachedTokens: row.cached_tokens,
    totalTokens: row.total_tokens,
    tokensReported: row.tokens_reported === 1,
    creditsConsumed: row.credits_consumed,
    creditsRemaining: row.credits_remaining,
    cost: row.cost,
    costSource:
      row.cost_reported === 1
        ? 'provider'
        : row.cost === null
          ? null
          : row.cost_source === 'catalogue'
            ? 'catalogue'
            : 'table',
    ttftMs: row.ttft_ms,
    durationMs: row.duration_ms,
    tokensPerSecond: row.tokens_per_second,
    // The ledger only writes valid values; an unknown one (a newer app version) reads as an error row.
    status: status.success ? status.data : 'error',
    errorCode: row.error_code === null ? null : errorCode.success ? errorCode.data : 'internal',
  };
}

/** Filters other than the time range, shared by raw scans and rollup reads. */
export type DimensionFilter = Pick<UsageFilter, 'providerId' | 'model' | 'confidential' | 'status'>;

export interface SqlWhere {
  sql: string;
  params: SQLInputValue[];
}

/**
 * WHERE terms for the provider / model / confidential / status filters. `providerColumn` differs
 * between the raw table (nullable id) and the rollup (non-null key, '' for no provider).
 */
export function dimensionWhere(
  filter: DimensionFilter,
  providerColumn: 'provider_id' | 'provider_key',
): SqlWhere {
  const terms: string[] = [];
  const params: SQLInputValue[] = [];
  if (filter.providerId !== undefined) {
    terms.push(`${providerColumn} = ?`);
    params.push(filter.providerId);
  }
  if (filter.model !== undefined) {
    terms.push('model = ?');
    params.push(filter.model);
  }
  if (filter.confidential !== undefined) {
    terms.push('confidential = ?');
    params.push(filter.confidential ? 1 : 0);
  }
  if (filter.status !== undefined) {
    terms.push('status = ?');
    params.push(filter.status);
  }
  return { sql: terms.map((t) => ` AND ${t}`).join(''), params };
}

/** WHERE clause (starting with the range) over the raw table for a full filter, thread included. */
export function rawWhere(filter: UsageFilter, from = filter.from, to = filter.to): SqlWhere {
  const dims = dimensionWhere(filter, 'provider_id');
  let sql = `at >= ? AND at < ?${dims.sql}`;
  const params: SQLInputValue[] = [from, to, ...dims.params];
  if (filter.threadId !== undefined) {
    sql += ' AND thread_id = ?';
    params.push(filter.threadId);
  }
  if (filter.projectId !== undefined) {
    sql += ' AND thread_id IN (SELECT id FROM threads WHERE project_id = ?)';
    params.push(filter.projectId);
  }
  if (filter.tag !== undefined) {
    sql += ' AND thread_id IN (SELECT thread_id FROM thread_tags WHERE tag = ?)';
    params.push(filter.tag);
  }
  return { sql, params };
}

/** Filters the daily rollup cannot answer (it has no thread, project or tag): raw rows only. */
export const threadScoped = (filter: UsageFilter): boolean =>
  filter.threadId !== undefined || filter.projectId !== undefined || filter.tag !== undefined;
