import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { ExchangeRate, ExchangeRateInput, ExchangeRateUse } from '../contract';
import { AppFailure, ExchangeRateInput as ExchangeRateInputSchema } from '../contract';

interface RateRow {
  id: string;
  from_currency: string;
  to_currency: string;
  rate: number;
  as_of: string;
  created_at: number;
}

const toRate = (r: RateRow): ExchangeRate => ({
  id: r.id,
  from: r.from_currency,
  to: r.to_currency,
  rate: r.rate,
  asOf: r.as_of,
  createdAt: r.created_at,
});

/**
 * The exchange rates the user entered. Nothing is ever converted without one: a conversion uses
 * the pair's latest rate by its date, in either direction (EUR→USD 1.08 also converts USD to EUR
 * at 1 / 1.08), and says which rate it used.
 */
export class RateBook {
  private rates: ExchangeRate[] | null = null;

  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = randomUUID,
    /** Told after a change: whatever counted through a rate must be counted again. */
    private readonly onChange: () => void = () => {},
  ) {}

  list(): ExchangeRate[] {
    this.rates ??= (
      this.db
        .prepare('SELECT * FROM exchange_rates ORDER BY from_currency, to_currency, as_of DESC')
        .all() as unknown as RateRow[]
    ).map(toRate);
    return this.rates;
  }

  save(input: ExchangeRateInput): ExchangeRate {
    const parsed = ExchangeRateInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppFailure('invalid_request', `Exchange rate: ${issue?.message ?? 'not valid'}.`, {
        detail: { field: String(issue?.path[0] ?? '') },
      });
    }
    const { from, to, rate, asOf } = parsed.data;
    if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))
      throw new AppFailure('invalid_request', `Exchange rate: ${asOf} is not a date.`, {
        detail: { field: 'asOf' },
      });
    const existing = this.list().find((r) => r.from === from && r.to === to && r.asOf === asOf);
    const saved: ExchangeRate = {
      id: existing?.id ?? this.newId(),
      from,
      to,
      rate,
      asOf,
      createdAt: existing?.createdAt ?? this.now(),
    };
    this.db
      .prepare(
        `INSERT INTO exchange_rates (id, from_currency, to_currency, rate, as_of, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET rate = excluded.rate`,
      )
      .run(saved.id, from, to, rate, asOf, saved.createdAt);
    this.changed();
    return saved;
  }

  delete(id: string): boolean {
    const deleted = Number(this.db.prepare('DELETE FROM exchange_rates WHERE id = ?').run(id).changes) > 0;
    if (deleted) this.changed();
    return deleted;
  }

  /** How to turn an amount in `from` into `to`, or null when the user set no rate for the pair. */
  use(from: string, to: string): ExchangeRateUse | null {
    if (from === to) return null;
    let best: ExchangeRateUse | null = null;
    for (const r of this.list()) {
      const direct = r.from === from && r.to === to;
      const inverse = r.from === to && r.to === from;
      if (!direct && !inverse) continue;
      // The latest date wins; on the same date the rate entered in this direction does.
      if (best !== null && (r.asOf < best.asOf || (r.asOf === best.asOf && !direct))) continue;
      best = { id: r.id, from, to, factor: direct ? r.rate : 1 / r.rate, asOf: r.asOf, inverted: inverse };
    }
    return best;
  }

  private changed(): void {
    this.rates = null;
    this.onChange();
  }
}
