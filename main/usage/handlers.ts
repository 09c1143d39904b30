import type { DatabaseSync } from 'node:sqlite';
import type { ConvertedTotal, CurrencyCost, Price } from '../contract';
import { AppFailure } from '../contract';
import type { EventSink, HandlersOf } from '../ipc/handlers';
import { McpRunLog } from '../mcp/runLog';
import { exportFilename, usageCsv, usageJson } from './export';
import type { UsageLedger } from './ledger';
import { UsageRecords } from './records';
import { atomically } from './rollup';
import { usageSettings } from './settings';

export interface UsageHandlerDeps {
  db: DatabaseSync;
  ledger: UsageLedger;
  events: Pick<EventSink, 'broadcast'>;
  now?: () => number;
  /** The totals in the user's chosen currency through their rates (main/budgets), if any. */
  convert?: (costs: readonly CurrencyCost[]) => ConvertedTotal | null;
}

function checkRange(from: number, to: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
    throw new AppFailure('invalid_request', 'The range must end after it starts.', {
      detail: { field: 'to' },
    });
  }
}

/** The usage screen's and price table's channels. */
export function usageHandlers(deps: UsageHandlerDeps): HandlersOf<'usage'> & HandlersOf<'prices'> {
  const { db, ledger } = deps;
  const now = deps.now ?? Date.now;
  const records = new UsageRecords(db, ledger.summaries);
  const runLog = new McpRunLog(db);
  const repriceAfter = (before: Price | null, after: Price | null): void => {
    const scopes = new Map<string, Price>();
    for (const price of [before, after])
      if (price) scopes.set(`${price.model}\u0000${price.providerId ?? ''}`, price);
    let changed = 0;
    for (const price of scopes.values()) changed += ledger.reprice(price.model, price.providerId);
    // reprice() already announced row changes; a price edit that moved no cost still changes the screen.
    if (changed === 0) deps.events.broadcast('usage:changed', { at: now() });
  };

  return {
    'usage:summary': (input) => {
      checkRange(input.from, input.to);
      const summary = ledger.summaries.summary(input);
      return deps.convert ? { ...summary, converted: deps.convert(summary.costs) } : summary;
    },
    'usage:rows': (input) => {
      checkRange(input.from, input.to);
      return records.page(input, input.offset, input.limit);
    },
    'usage:export': (input) => {
      checkRange(input.from, input.to);
      const rows = records.all(input);
      const first = rows[0]?.at ?? input.from;
      const last = rows.at(-1)?.at ?? input.to - 1;
      return {
        filename: exportFilename(first, last + 1, input.format),
        text: input.format === 'csv' ? usageCsv(rows) : usageJson(rows),
      };
    },
    'usage:clearPreview': (input) => {
      checkRange(input.from, input.to);
      return ledger.clearPreview(input.from, input.to);
    },
    'usage:clear': (input) => {
      checkRange(input.from, input.to);
      // The range's MCP tool runs are the Usage screen's history too (its Tool runs section): they
      // go with the requests, in the same transaction.
      return atomically(db, () => {
        const cleared = ledger.clear(input.from, input.to);
        const runs = runLog.clearRange(input.from, input.to);
        // ledger.clear announced its rows; runs alone still change the screen.
        if (runs > 0 && cleared.deleted === 0) deps.events.broadcast('usage:changed', { at: now() });
        return cleared;
      });
    },
    'usage:settings': (input) => usageSettings(db, input),
    'prices:list': () => ledger.prices.list(),
    'prices:save': (input) => {
      return atomically(db, () => {
        const { price, previous } = ledger.prices.save(input);
        repriceAfter(previous, price);
        return price;
      });
    },
    'prices:delete': (input) => {
      return atomically(db, () => {
        const removed = ledger.prices.delete(input.id);
        if (removed) repriceAfter(removed, null);
        return { deleted: removed !== null };
      });
    },
  };
}
