import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Price } from '../contract';
import { AppFailure } from '../contract';

interface PriceDbRow {
  id: string;
  provider_id: string | null;
  model: string;
  input_per_million: number;
  output_per_million: number;
  currency: string;
  valid_from: number;
}

const toPrice = (row: PriceDbRow): Price => ({
  id: row.id,
  providerId: row.provider_id,
  model: row.model,
  inputPerMillion: row.input_per_million,
  outputPerMillion: row.output_per_million,
  currency: row.currency,
  validFrom: row.valid_from,
});

export type PriceInput = Omit<Price, 'id'> & { id?: string };

/**
 * The price that applies: rows for this exact provider beat provider-less ones, and within each
 * the latest `valid_from` at or before the request wins. Shared by recording and repricing so the
 * two always agree.
 */
const PRICE_AT_SQL = `SELECT input_per_million, output_per_million, currency FROM prices
  WHERE model = :model AND (provider_id = :provider OR provider_id IS NULL) AND valid_from <= :at
  ORDER BY (provider_id IS NULL), valid_from DESC LIMIT 1`;

function costOf(
  promptTokens: number,
  completionTokens: number,
  price: Pick<PriceDbRow, 'input_per_million' | 'output_per_million'>,
): number {
  return (promptTokens * price.input_per_million + completionTokens * price.output_per_million) / 1000000.0;
}

/** The user's price table: input and output prices per million tokens, each valid from a date. */
export class PriceBook {
  private priceAt: StatementSync | null = null;

  constructor(
    private readonly db: DatabaseSync,
    private readonly newId: () => string = randomUUID,
  ) {}

  list(): Price[] {
    const rows = this.db
      .prepare('SELECT * FROM prices ORDER BY model, provider_id IS NOT NULL, provider_id, valid_from DESC')
      .all() as unknown as PriceDbRow[];
    return rows.map(toPrice);
  }

  get(id: string): Price | null {
    const row = this.db.prepare('SELECT * FROM prices WHERE id = ?').get(id) as PriceDbRow | undefined;
    return row ? toPrice(row) : null;
  }

  /** Cost of a request at `at`, or null when no price applies. */
  costAt(
    providerId: string | null,
    model: string,
    at: number,
    promptTokens: number,
    completionTokens: number,
  ): number | null {
    return this.pricedAt(providerId, model, at, promptTokens, completionTokens)?.cost ?? null;
  }

  /** Cost of a request at `at` and the currency of the price that gave it, or null. */
  pricedAt(
    providerId: string | null,
    model: string,
    at: number,
    promptTokens: number,
    completionTokens: number,
  ): { cost: number; currency: string } | null {
    this.priceAt ??= this.db.prepare(PRICE_AT_SQL);
    const price = this.priceAt.get({ model, provider: providerId, at }) as
      Pick<PriceDbRow, 'input_per_million' | 'output_per_million' | 'currency'> | undefined;
    return price ? { cost: costOf(promptTokens, completionTokens, price), currency: price.currency } : null;
  }

  /** Inserts or replaces a price; returns it and the one it replaced (for repricing both scopes). */
  save(input: PriceInput): { price: Price; previous: Price | null } {
    const model = input.model.trim();
    if (model === '')
      throw new AppFailure('invalid_request', 'A price needs the model it applies to.', {
        detail: { field: 'model' },
      });
    const currency = input.currency.trim() || 'USD';
    if (!Number.isFinite(input.validFrom)) {
      throw new AppFailure('invalid_request', 'Choose the date the price applies from.', {
        detail: { field: 'validFrom' },
      });
    }
    const previous = input.id === undefined ? null : this.get(input.id);
    if (input.id !== undefined && previous === null)
      throw new AppFailure('not_found', 'That price no longer exists.');
    const price: Price = {
      id: input.id ?? this.newId(),
      providerId: input.providerId === null || input.providerId.trim() === '' ? null : input.providerId,
      model,
      inputPerMillion: input.inputPerMillion,
      outputPerMillion: input.outputPerMillion,
      currency,
      validFrom: Math.trunc(input.validFrom),
    };
    this.db
      .prepare(
        `INSERT INTO prices (id, provider_id, model, input_per_million, output_per_million, currency, valid_from)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET provider_id = excluded.provider_id, model = excluded.model,
           input_per_million = excluded.input_per_million, output_per_million = excluded.output_per_million,
           currency = excluded.currency, valid_from = excluded.valid_from`,
      )
      .run(
        price.id,
        price.providerId,
        price.model,
        price.inputPerMillion,
        price.outputPerMillion,
        price.currency,
        price.validFrom,
      );
    return { price, previous };
  }

  delete(id: string): Price | null {
    const previous = this.get(id);
    if (previous) this.db.prepare('DELETE FROM prices WHERE id = ?').run(id);
    return previous;
  }
}
