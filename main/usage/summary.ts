import type { DatabaseSync } from 'node:sqlite';
import type { UsageFilter, UsageStatus, UsageSummary, UsageTotals } from '../contract';
import { UsageStatus as UsageStatusSchema } from '../contract';
import type { Cell, DayCell } from './cells';
import type { Segment, ZonePiece } from './cells';
import { CellReader, planSegments, zonePieces } from './cells';
import { TTFT_BUCKETS, histogramQuantile } from './histogram';
import type { Rollup } from './rollup';
import { threadScoped } from './rows';
import type { OtherCost } from './currencies';
import { otherCurrencyCosts, splitByCurrency } from './currencies';
import { roundMoney } from './money';
import type { Scope } from './scopeRollup';
import { ScopeRollup, scopeOf } from './scopeRollup';

const DAY_MS = 86_400_000;

export type SummaryQuery = UsageFilter & {
  tzOffsetMinutes: number;
  tzTransitions?: readonly { at: number; offsetMinutes: number }[];
};

/** Zones one summary may build or use: the user's offset and its daylight-saving twin. */
const ZONES_PER_QUERY = 2;

const emptyTotals = (): UsageTotals => ({
  requests: 0,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  credits: 0,
  cost: 0,
});

function addTotals(into: UsageTotals, cell: Cell): void {
  into.requests += cell.requests;
  into.promptTokens += cell.promptTokens;
  into.completionTokens += cell.completionTokens;
  into.totalTokens += cell.totalTokens;
  into.credits += cell.credits;
  into.cost += cell.cost;
}

/** Sums leave main rounded to whole nano-units (money.ts), whatever order rows were added in. */
function roundAmounts(t: UsageTotals): void {
  t.cost = roundMoney(t.cost);
  t.credits = roundMoney(t.credits);
}

/** 'YYYY-MM-DD' of a local day number. */
const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const providerIdOf = (key: string): string | null => (key === '' ? null : key);

/** Turns cells and day cells into the dashboard's figures; pure. */
function assembleSummary(
  cells: Cell[],
  days: DayCell[],
  balances: UsageSummary['balances'],
  others: readonly OtherCost[] = [],
): UsageSummary {
  const totals = emptyTotals();
  const statusCounts = new Map<string, number>();
  const perModel = new Map<string, { histogram: number[]; count: number }>();
  const breakdown = new Map<string, UsageSummary['breakdown'][number]>();
  for (const cell of cells) {
    addTotals(totals, cell);
    statusCounts.set(cell.status, (statusCounts.get(cell.status) ?? 0) + cell.requests);
    let model = perModel.get(cell.model);
    if (!model) {
      model = { histogram: new Array<number>(TTFT_BUCKETS).fill(0), count: 0 };
      perModel.set(cell.model, model);
    }
    model.count += cell.ttftCount;
    cell.histogram.forEach((count, i) => {
      if (model) model.histogram[i] = (model.histogram[i] ?? 0) + count;
    });
    const key = [cell.providerKey, cell.providerName, cell.model, cell.confidential].join('\u0000');
    let line = breakdown.get(key);
    if (!line) {
      line = {
        ...emptyTotals(),
        providerId: providerIdOf(cell.providerKey),
        providerName: cell.providerName,
        model: cell.model,
        confidential: cell.confidential,
        costs: [],
      };
      breakdown.set(key, line);
    }
    addTotals(line, cell);
  }
  const byStatus = UsageStatusSchema.options.map((status: UsageStatus) => ({
    status,
    requests: statusCounts.get(status) ?? 0,
  }));
  const latency = [...perModel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, { histogram, count }]) => ({
      model,
      p50: histogramQuantile(histogram, 0.5),
      p95: histogramQuantile(histogram, 0.95),
      requests: count,
    }));
  const daily = [...days]
    .sort((a, b) => a.day - b.day || a.model.localeCompare(b.model))
    .map((d) => ({
      day: dayLabel(d.day),
      model: d.model,
      tokens: d.tokens,
      cost: roundMoney(d.cost),
      credits: roundMoney(d.credits),
      requests: d.requests,
    }));
  const lines = [...breakdown.values()].sort(
    (a, b) =>
      b.totalTokens - a.totalTokens ||
      b.requests - a.requests ||
      a.model.localeCompare(b.model) ||
      a.providerName.localeCompare(b.providerName),
  );
  // Costs in different currencies are shown apart, never added up.
  const othersOf = new Map<string, OtherCost[]>();
  for (const o of others) {
    const key = [o.providerKey, o.providerName, o.model, o.confidential].join('\u0000');
    othersOf.set(key, [...(othersOf.get(key) ?? []), o]);
  }
  for (const [key, line] of breakdown) {
    line.costs = splitByCurrency(line.cost, othersOf.get(key) ?? []);
    roundAmounts(line);
  }
  const costs = splitByCurrency(totals.cost, others);
  roundAmounts(totals);
  return { totals, costs, daily, byStatus, latency, breakdown: lines, balances };
}

/**
 * The usage screen's figures for a range and filters. Whole local days come from the rollup of
 * the user's zone, partial days and thread-filtered queries from indexed raw rows; both give the
 * same numbers (a property test holds them to a plain recomputation).
 */
export class UsageSummaries {
  private readonly reader: CellReader;
  private readonly scopes: ScopeRollup;

  constructor(
    private readonly db: DatabaseSync,
    private readonly rollup: Rollup,
    now: () => number = Date.now,
  ) {
    this.reader = new CellReader(db);
    this.scopes = new ScopeRollup(db, now);
  }

  summary(query: SummaryQuery): UsageSummary {
    const offset = Math.trunc(query.tzOffsetMinutes);
    const pieces = zonePieces(query.from, query.to, offset, query.tzTransitions ?? []);
    // One project or one tag is served from its own cells (scopeSql.ts); a thread, or a project
    // and a tag together, from raw rows.
    const scope = scopeOf(query);
    const rolled = (!threadScoped(query) || scope !== null) && query.to > query.from;
    const zones = rolled ? this.ensureZones(offset, pieces, scope) : new Set<number>();
    // Totals do not depend on where days are cut: one zone serves the whole range.
    const cells = this.reader.cells(planSegments(query, rolled ? offset : null, true, scope), query);
    // Days are cut at local midnight on each side of a daylight-saving change.
    const daySegments: Segment[] = pieces.flatMap((piece) =>
      planSegments(
        { ...query, from: piece.from, to: piece.to },
        zones.has(piece.offset) ? piece.offset : null,
        false,
        scope,
      ).map((segment) => (segment.kind === 'raw' ? { ...segment, offset: piece.offset } : segment)),
    );
    const days = this.reader.days(daySegments, query, offset);
    return assembleSummary(cells, days, this.balances(query), otherCurrencyCosts(this.db, query));
  }

  /** The query's own zone, then the offsets covering most of the range, up to `ZONES_PER_QUERY`. */
  private ensureZones(offset: number, pieces: readonly ZonePiece[], scope: Scope | null): Set<number> {
    const covered = new Map<number, number>();
    for (const p of pieces) covered.set(p.offset, (covered.get(p.offset) ?? 0) + (p.to - p.from));
    covered.delete(offset);
    const others = [...covered.entries()].sort((a, b) => b[1] - a[1]).map(([o]) => o);
    const zones = [offset, ...others].slice(0, ZONES_PER_QUERY);
    for (const zone of zones) {
      this.rollup.ensureZone(zone, zones);
      if (scope !== null) this.scopes.ensure(scope, zone);
    }
    return new Set(zones);
  }

  /** Totals only, using whichever zone is already built (no rollup is created for this). */
  totals(filter: UsageFilter): UsageTotals {
    const zones = this.rollup.zones();
    const totals = emptyTotals();
    for (const cell of this.reader.cells(planSegments(filter, zones[0] ?? null), filter))
      addTotals(totals, cell);
    roundAmounts(totals);
    return totals;
  }

  /** How many rows match, from the rollup where it can answer. */
  count(filter: UsageFilter): number {
    return this.reader.count(planSegments(filter, this.rollup.zones()[0] ?? null), filter);
  }

  /**
   * The latest reported balance of each provider as of the range's end (provider filter respected);
   * of two answers in the same millisecond, the one recorded last.
   */
  balances(filter: UsageFilter): UsageSummary['balances'] {
    const latest = this.db.prepare(
      `SELECT provider_id, provider_name, credits_remaining, at FROM usage
       WHERE credits_remaining IS NOT NULL AND provider_id IS ? AND at < ? ORDER BY at DESC, rowid DESC LIMIT 1`,
    );
    const providers: (string | null)[] =
      filter.providerId !== undefined ? [filter.providerId] : this.providersWithBalances();
    const balances: UsageSummary['balances'] = [];
    for (const providerId of providers) {
      const row = latest.get(providerId, filter.to) as
        | { provider_id: string | null; provider_name: string; credits_remaining: number; at: number }
        | undefined;
      if (row)
        balances.push({
          providerId: row.provider_id,
          providerName: row.provider_name,
          creditsRemaining: row.credits_remaining,
          at: row.at,
        });
    }
    return balances;
  }

  /** Providers that ever reported a balance, by skipping through the partial index one id at a time. */
  private providersWithBalances(): (string | null)[] {
    const next = this.db.prepare(
      'SELECT provider_id FROM usage WHERE credits_remaining IS NOT NULL AND provider_id > ? ORDER BY provider_id LIMIT 1',
    );
    const ids: (string | null)[] = [];
    const anonymous = this.db
      .prepare('SELECT 1 FROM usage WHERE credits_remaining IS NOT NULL AND provider_id IS NULL LIMIT 1')
      .get();
    if (anonymous) ids.push(null);
    let after = '';
    for (;;) {
      const row = next.get(after) as { provider_id: string } | undefined;
      if (!row) return ids;
      ids.push(row.provider_id);
      after = row.provider_id;
    }
  }
}
