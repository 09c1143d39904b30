import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { UsageRow } from '../contract';
import { AppFailure, UsageRow as UsageRowSchema } from '../contract';
import type { EventSink } from '../ipc/handlers';
import { bestCost } from './catalogue';
import { roundMoney, roundMoneySql } from './money';
import { PriceBook } from './prices';
import { Rollup } from './rollup';
import { UsageSummaries } from './summary';

/** What the chat engine records after each request attempt. */
export type UsageRecord = Omit<UsageRow, 'id' | 'cost'> & { id?: string; cost?: number | null };

export interface LedgerOptions {
  /** Told after every change, so open usage screens refresh. */
  events?: Pick<EventSink, 'broadcast'>;
  now?: () => number;
  newId?: () => string;
  prices?: PriceBook;
  rollup?: Rollup;
  /** Told of each recorded row (with its cost's currency), e.g. to keep budget totals running. */
  onRecorded?: (row: UsageRow, costCurrency: string | null) => void;
  /** Told when rows were removed or repriced in bulk: running totals must be read again. */
  onBulkChange?: () => void;
}

/** Generation speed from the streamed part only: the wait for the first token is not speed. */
function tokensPerSecond(row: UsageRecord): number | null {
  if (row.tokensPerSecond !== null) return row.tokensPerSecond;
  if (row.durationMs === null || row.completionTokens <= 0) return null;
  const streamingMs = row.durationMs - (row.ttftMs ?? 0);
  return streamingMs > 0 ? row.completionTokens / (streamingMs / 1000) : null;
}

/**
 * The personal usage ledger: one row per request attempt, failed, aborted and interrupted ones
 * included, retries linked to their first attempt. Cost comes from the provider when it reports
 * one, else from the price table valid at request time unless the provider charged credits.
 */
export class UsageLedger {
  readonly prices: PriceBook;
  readonly rollup: Rollup;
  readonly summaries: UsageSummaries;
  private readonly now: () => number;
  private readonly newId: () => string;
  private insert: StatementSync | null = null;

  constructor(
    private readonly db: DatabaseSync,
    private readonly options: LedgerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.prices = options.prices ?? new PriceBook(db, this.newId);
    this.rollup = options.rollup ?? new Rollup(db, this.now);
    this.summaries = new UsageSummaries(db, this.rollup, this.now);
  }

  record(input: UsageRecord): UsageRow {
    const reportedCost = input.cost !== undefined && input.cost !== null;
    // Provider-reported first, then the user's prices, then the bundled catalogue (catalogue.ts).
    const best =
      !reportedCost && input.creditsConsumed !== null
        ? null
        : bestCost(
            input.cost,
            () =>
              this.prices.pricedAt(
                input.providerId,
                input.model,
                input.at,
                input.promptTokens,
                input.completionTokens,
              ),
            input.model,
            input,
          );
    // Whole nano-units from here on (money.ts): sums then come out the same in any order.
    const cost = best === null ? null : roundMoney(best.cost);
    const costCurrency = best?.currency ?? null;
    const candidate = {
      ...input,
      cachedTokens: input.cachedTokens ?? null,
      creditsConsumed: input.creditsConsumed === null ? null : roundMoney(input.creditsConsumed),
      costSource: best?.source ?? null,
      id: input.id ?? this.newId(),
      totalTokens: input.totalTokens > 0 ? input.totalTokens : input.promptTokens + input.completionTokens,
      tokensPerSecond: tokensPerSecond(input),
      cost,
    };
    const parsed = UsageRowSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppFailure(
        'invalid_request',
        `Usage row rejected: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    const row = parsed.data;
    this.insert ??= this.db.prepare(
      `INSERT INTO usage (id, at, provider_id, provider_name, model, confidential, thread_id, message_id, retry_of, attempt,
           prompt_tokens, completion_tokens, reasoning_tokens, total_tokens, tokens_reported, credits_consumed,
           credits_remaining, cost, cost_reported, ttft_ms, duration_ms, tokens_per_second, status, error_code,
           cached_tokens, cost_currency, cost_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insert.run(
      row.id,
      Math.trunc(row.at),
      row.providerId,
      row.providerName,
      row.model,
      row.confidential ? 1 : 0,
      row.threadId,
      row.messageId,
      row.retryOf,
      row.attempt,
      Math.round(row.promptTokens),
      Math.round(row.completionTokens),
      row.reasoningTokens === null ? null : Math.round(row.reasoningTokens),
      Math.round(row.totalTokens),
      row.tokensReported ? 1 : 0,
      row.creditsConsumed,
      row.creditsRemaining,
      row.cost,
      reportedCost ? 1 : 0,
      row.ttftMs,
      row.durationMs,
      row.tokensPerSecond,
      row.status,
      row.errorCode,
      row.cachedTokens === null || row.cachedTokens === undefined ? null : Math.round(row.cachedTokens),
      costCurrency,
      best?.source === 'catalogue' ? 'catalogue' : null,
    );
    const recorded = { ...row, at: Math.trunc(row.at) };
    this.options.onRecorded?.(recorded, costCurrency);
    this.changed();
    return recorded;
  }

  /** What clearing [from, to) would remove, for the confirmation. */
  clearPreview(from: number, to: number): { rows: number; totalTokens: number } {
    const totals = this.summaries.totals({ from, to });
    return { rows: totals.requests, totalTokens: totals.totalTokens };
  }

  /** Deletes every row in [from, to) in one transaction; the rollup is rebuilt for the touched days. */
  clear(from: number, to: number): { deleted: number } {
    if (to <= from) return { deleted: 0 };
    const result = this.rollup.bulkChange(from, to, () =>
      this.db.prepare('DELETE FROM usage WHERE at >= ? AND at < ?').run(from, to),
    );
    const deleted = Number(result.changes);
    if (deleted > 0) this.options.onBulkChange?.();
    if (deleted > 0) this.changed();
    return { deleted };
  }

  /**
   * Recomputes table-priced costs for one model (and provider, or every provider when null) after
   * its prices changed, so each row keeps the price valid at its own request time. Rows with a
   * provider-reported cost or credits are left alone.
   */
  reprice(model: string, providerId: string | null): number {
    const scope = `model = :model AND (:provider IS NULL OR provider_id = :provider) AND cost_reported = 0 AND credits_consumed IS NULL`;
    const span = this.db
      .prepare(`SELECT min(at) AS first, max(at) AS last FROM usage WHERE ${scope}`)
      .get({ model, provider: providerId }) as {
      first: number | null;
      last: number | null;
    };
    if (span.first === null || span.last === null) return 0;
    const result = this.rollup.bulkChange(span.first, span.last + 1, () =>
      this.db
        .prepare(
          `UPDATE usage SET cost_source = NULL, (cost, cost_currency) = (
             SELECT ${roundMoneySql('(usage.prompt_tokens * p.input_per_million + usage.completion_tokens * p.output_per_million) / 1000000.0')},
               p.currency
             FROM prices p WHERE p.model = usage.model AND (p.provider_id = usage.provider_id OR p.provider_id IS NULL)
               AND p.valid_from <= usage.at
             ORDER BY (p.provider_id IS NULL), p.valid_from DESC LIMIT 1)
           WHERE ${scope}`,
        )
        .run({ model, provider: providerId }),
    );
    const changed = Number(result.changes);
    if (changed > 0) this.options.onBulkChange?.();
    if (changed > 0) this.changed();
    return changed;
  }

  private changed(): void {
    this.options.events?.broadcast('usage:changed', { at: this.now() });
  }
}
