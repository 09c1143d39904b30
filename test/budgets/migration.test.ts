import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';

describe('migration 010 on a ledger that has costs', () => {
  it('gives each priced row the currency of the price that priced it, and provider-reported costs dollars', () => {
    const { db } = openDatabase(
      ':memory:',
      migrations.filter((m) => m.version < 10),
    );
    db.exec(`INSERT INTO prices (id, provider_id, model, input_per_million, output_per_million, currency, valid_from)
             VALUES ('old', NULL, 'm-eu', 1, 1, 'GBP', 0), ('new', NULL, 'm-eu', 2, 2, 'EUR', 100);
             INSERT INTO usage (id, at, provider_name, model, confidential, tokens_reported, status, cost, cost_reported)
             VALUES ('before', 50, 'P', 'm-eu', 0, 1, 'complete', 0.1, 0),
                    ('after', 150, 'P', 'm-eu', 0, 1, 'complete', 0.2, 0),
                    ('reported', 150, 'P', 'm-eu', 0, 1, 'complete', 0.3, 1),
                    ('credits', 150, 'P', 'm-eu', 0, 1, 'complete', NULL, 0);`);
    // Later migrations (011, 013, …) run after it too; 010 is the one under test.
    expect(migrate(db, migrations)[0]).toBe('010-projects-budgets');
    expect(db.prepare('SELECT id, cost_currency FROM usage ORDER BY id').all()).toEqual([
      { id: 'after', cost_currency: 'EUR' },
      { id: 'before', cost_currency: 'GBP' },
      { id: 'credits', cost_currency: null },
      { id: 'reported', cost_currency: 'USD' },
    ]);
  });
});
