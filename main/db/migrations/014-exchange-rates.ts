import type { Migration } from '../database';

/**
 * Exchange rates the user entered, one per currency pair and date: `1 from_currency = rate
 * to_currency` as of `as_of` (a 'YYYY-MM-DD' the user chose). Totals shown converted, and budgets
 * counting spend in another currency, use the latest one of a pair (either direction); the
 * per-currency totals stay the truth and nothing is converted without one.
 */
export const exchangeRates: Migration = {
  version: 14,
  name: '014-exchange-rates',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_rates (
        id TEXT PRIMARY KEY,
        from_currency TEXT NOT NULL,
        to_currency TEXT NOT NULL,
        rate REAL NOT NULL CHECK (rate > 0),
        as_of TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        CHECK (from_currency <> to_currency)
      );
      CREATE UNIQUE INDEX exchange_rates_pair_day ON exchange_rates (from_currency, to_currency, as_of);
    `);
  },
};
