import type { DatabaseSync } from 'node:sqlite';
import type { UsageFilter, UsageRow } from '../contract';
import type { UsageDbRow } from './rows';
import { ROW_COLUMNS, rawWhere, toUsageRow } from './rows';
import type { UsageSummaries } from './summary';

/** Reading ledger rows: a page for the table (newest first), or all of them for an export. */
export class UsageRecords {
  constructor(
    private readonly db: DatabaseSync,
    private readonly summaries: UsageSummaries,
  ) {}

  page(filter: UsageFilter, offset: number, limit: number): { total: number; rows: UsageRow[] } {
    const where = rawWhere(filter);
    const rows = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS} FROM usage WHERE ${where.sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
      )
      .all(...where.params, limit, offset) as unknown as UsageDbRow[];
    return { total: this.summaries.count(filter), rows: rows.map(toUsageRow) };
  }

  /** Every matching row, oldest first (the order a spreadsheet reads best). */
  all(filter: UsageFilter): UsageRow[] {
    const where = rawWhere(filter);
    const statement = this.db.prepare(`SELECT ${ROW_COLUMNS} FROM usage WHERE ${where.sql} ORDER BY at, id`);
    const rows: UsageRow[] = [];
    for (const row of statement.iterate(...where.params)) rows.push(toUsageRow(row as unknown as UsageDbRow));
    return rows;
  }
}
