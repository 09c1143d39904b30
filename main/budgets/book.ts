import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Budget, BudgetInput, BudgetScope, BudgetStatus, BudgetVerdict, UsageRow } from '../contract';
import { AppFailure, BudgetInput as BudgetInputSchema, BudgetScope as BudgetScopeSchema } from '../contract';
import { type Amounts, CREDITS, addAmount, tally } from './counting';
import { forecast, rateWindow } from './forecast';
import { type PeriodBounds, type WeekStart, periodAt } from './period';
import { RateBook } from './rates';

interface BudgetDbRow {
  id: string;
  name: string;
  scope_json: string;
  period: Budget['period'];
  limit_amount: number;
  unit: string;
  thresholds_json: string;
  action: Budget['action'];
  created_at: number;
}

const toBudget = (row: BudgetDbRow): Budget => ({
  id: row.id,
  name: row.name,
  scope: BudgetScopeSchema.parse(JSON.parse(row.scope_json)),
  period: row.period,
  limit: row.limit_amount,
  unit: row.unit,
  thresholds: JSON.parse(row.thresholds_json) as number[],
  action: row.action,
  createdAt: row.created_at,
});

/** The scope's rows as SQL over `usage u` (no foreign keys: rows outlive their threads). */
function scopeSql(scope: BudgetScope): { where: string; params: Record<string, string> } {
  switch (scope.kind) {
    case 'overall':
      return { where: 'true', params: {} };
    case 'provider':
      return { where: 'u.provider_id = :scopeValue', params: { scopeValue: scope.providerId } };
    case 'model':
      return { where: 'u.model = :scopeValue', params: { scopeValue: scope.model } };
    case 'project':
      return {
        where: 'u.thread_id IN (SELECT id FROM threads WHERE project_id = :scopeValue)',
        params: { scopeValue: scope.projectId },
      };
    case 'tag':
      return {
        where: 'u.thread_id IN (SELECT thread_id FROM thread_tags WHERE tag = :scopeValue)',
        params: { scopeValue: scope.tag },
      };
  }
}

/**
 * What a budget can count of rows, per currency: their credits, or their costs by currency (its
 * own, and others that a rate may convert: counting.ts decides).
 */
const amountsSql = (unit: string): string =>
  unit === CREDITS
    ? `SELECT '${CREDITS}' AS currency, total(u.credits_consumed) AS amount FROM usage u`
    : 'SELECT u.cost_currency AS currency, total(u.cost) AS amount FROM usage u';

interface Running {
  bounds: PeriodBounds;
  /** Per currency (or credits), so a rate entered later converts the sum, not each row. */
  amounts: Amounts;
  spent: number;
}

/** Where a send or a recorded row belongs, for matching it to budgets without a query per budget. */
export interface Target {
  providerId: string | null;
  model: string | null;
  projectId: string | null;
  tags: readonly string[];
}

export interface BudgetBookOptions {
  now?: () => number;
  newId?: () => string;
  weekStart?: WeekStart;
  /** Told once per budget, period and threshold, when spend reaches it. */
  onAlert?: (status: BudgetStatus, threshold: number) => void;
}

/**
 * Budgets and their running totals. A send asks `verdict` on its way out, so spend per budget is
 * kept in memory: read once per period from the ledger, then advanced by each recorded row
 * (`recorded`); a bulk change (clearing, repricing) drops the totals to be read again.
 */
export class BudgetBook {
  private readonly running = new Map<string, Running>();
  private budgets: Budget[] | null = null;
  readonly now: () => number;
  private readonly newId: () => string;
  /** The user's exchange rates: a change recounts every budget. */
  readonly rates: RateBook;

  constructor(
    readonly db: DatabaseSync,
    private readonly options: BudgetBookOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.rates = new RateBook(db, this.now, this.newId, () => this.invalidate());
  }

  list(): Budget[] {
    this.budgets ??= (
      this.db.prepare('SELECT * FROM budgets ORDER BY created_at').all() as unknown as BudgetDbRow[]
    ).map(toBudget);
    return this.budgets;
  }

  save(input: BudgetInput): Budget {
    const parsed = BudgetInputSchema.parse(input);
    const previous = parsed.id === undefined ? undefined : this.list().find((b) => b.id === parsed.id);
    if (parsed.id !== undefined && previous === undefined)
      throw new AppFailure('not_found', 'That budget no longer exists.');
    const budget: Budget = {
      id: parsed.id ?? this.newId(),
      name: parsed.name,
      scope: parsed.scope,
      period: parsed.period,
      limit: parsed.limit,
      unit: parsed.unit,
      thresholds: [...new Set(parsed.thresholds)].sort((a, b) => a - b),
      action: parsed.action,
      createdAt: previous?.createdAt ?? this.now(),
    };
    this.db
      .prepare(
        `INSERT INTO budgets (id, name, scope_json, period, limit_amount, unit, thresholds_json, action, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, scope_json = excluded.scope_json,
           period = excluded.period, limit_amount = excluded.limit_amount, unit = excluded.unit,
           thresholds_json = excluded.thresholds_json, action = excluded.action`,
      )
      .run(
        budget.id,
        budget.name,
        JSON.stringify(budget.scope),
        budget.period,
        budget.limit,
        budget.unit,
        JSON.stringify(budget.thresholds),
        budget.action,
        budget.createdAt,
      );
    this.budgets = null;
    this.running.delete(budget.id);
    return budget;
  }

  delete(id: string): boolean {
    const deleted = Number(this.db.prepare('DELETE FROM budgets WHERE id = ?').run(id).changes) > 0;
    this.db.prepare('DELETE FROM budget_overrides WHERE budget_id = ?').run(id);
    this.db.prepare('DELETE FROM budget_alerts WHERE budget_id = ?').run(id);
    this.budgets = null;
    this.running.delete(id);
    return deleted;
  }

  /** Every budget with its spend, forecast and the threshold reached this period. */
  statuses(): BudgetStatus[] {
    return this.list().map((budget) => this.status(budget));
  }

  /** What a send to `target` would meet now. */
  verdict(target: Target): BudgetVerdict {
    let blockedBy: BudgetStatus | null = null;
    const warnings: BudgetStatus[] = [];
    for (const budget of this.list()) {
      if (!matches(budget.scope, target)) continue;
      const spent = this.spentNow(budget);
      if (spent.spent < budget.limit * (budget.thresholds[0]! / 100)) continue;
      const status = this.status(budget);
      if (budget.action === 'block' && status.fraction >= 1 && !this.hasPass(budget.id, status.start))
        blockedBy ??= status;
      else warnings.push(status);
    }
    return { blockedBy, warnings };
  }

  /**
   * Refuses a send past a blocking budget, naming it, what it allows and when it resets; a pass
   * granted by "send anyway once" is used up here instead.
   */
  admit(target: Target): void {
    const { blockedBy } = this.verdict(target);
    if (blockedBy !== null) {
      const { budget } = blockedBy;
      throw new AppFailure(
        'budget_exceeded',
        `${describeBudget(budget)} has reached its limit (${formatAmount(blockedBy.spent, budget.unit)} of ${formatAmount(budget.limit, budget.unit)}). It resets ${new Date(blockedBy.end).toLocaleString()}. Raise the limit, or send anyway once.`,
        { detail: { field: budget.id } },
      );
    }
    // Past every blocking limit on a pass: this send uses the pass up.
    for (const budget of this.list()) {
      if (!matches(budget.scope, target) || budget.action !== 'block') continue;
      const running = this.spentNow(budget);
      if (running.spent >= budget.limit) this.usePass(budget.id, running.bounds.start);
    }
  }

  /** Grants one send past the budget this period; recorded with its time. */
  allowOnce(budgetId: string): boolean {
    const budget = this.list().find((b) => b.id === budgetId);
    if (budget === undefined) throw new AppFailure('not_found', 'That budget no longer exists.');
    this.db
      .prepare('INSERT INTO budget_overrides (budget_id, granted_at) VALUES (?, ?)')
      .run(budgetId, this.now());
    return true;
  }

  /** A row the ledger just recorded: advances the running totals it counts towards. */
  recorded(row: UsageRow, costCurrency: string | null, target: Target): void {
    for (const budget of this.list()) {
      const running = this.running.get(budget.id);
      if (running === undefined || !matches(budget.scope, target)) continue;
      if (row.at < running.bounds.start || row.at >= running.bounds.end) continue;
      const before = running.spent;
      if (budget.unit === CREDITS) addAmount(running.amounts, CREDITS, row.creditsConsumed ?? 0);
      else if (costCurrency !== null) addAmount(running.amounts, costCurrency, row.cost ?? 0);
      running.spent = tally(running.amounts, budget.unit, this.rates).spent;
      if (running.spent > before) this.alertCrossed(budget, before, running);
    }
  }

  /** Rows were removed or repriced: every running total is read again when next needed. */
  invalidate(): void {
    this.running.clear();
  }

  private status(budget: Budget): BudgetStatus {
    const { bounds, spent, amounts } = this.spentNow(budget);
    const { converted, notCounted } = tally(amounts, budget.unit, this.rates);
    const now = this.now();
    const window = rateWindow(bounds, now);
    const windowSpent = this.sum(budget, window.from, window.to);
    const fraction = spent / budget.limit;
    const reached = budget.thresholds.filter((t) => fraction * 100 >= t);
    return {
      budget,
      start: bounds.start,
      end: bounds.end,
      spent,
      fraction,
      threshold: reached.length > 0 ? reached[reached.length - 1]! : null,
      forecast: forecast({
        spent,
        limit: budget.limit,
        period: bounds,
        now,
        window: { from: window.from, spent: windowSpent },
      }),
      overrides: (
        this.db
          .prepare(
            'SELECT count(*) AS n FROM budget_overrides WHERE budget_id = ? AND granted_at >= ? AND granted_at < ?',
          )
          .get(budget.id, bounds.start, bounds.end) as { n: number }
      ).n,
      converted,
      notCounted,
    };
  }

  private spentNow(budget: Budget): Running {
    const bounds = periodAt(budget.period, this.now(), this.options.weekStart);
    let running = this.running.get(budget.id);
    if (running === undefined || running.bounds.start !== bounds.start) {
      const amounts = this.amounts(budget, bounds.start, bounds.end);
      running = { bounds, amounts, spent: tally(amounts, budget.unit, this.rates).spent };
      this.running.set(budget.id, running);
    }
    return running;
  }

  /** A plain recomputation from the ledger (also what the running totals are checked against). */
  sum(budget: Budget, from: number, to: number): number {
    return tally(this.amounts(budget, from, to), budget.unit, this.rates).spent;
  }

  /** The scope's amounts in [from, to), per currency (or credits). */
  private amounts(budget: Budget, from: number, to: number): Amounts {
    const scope = scopeSql(budget.scope);
    const rows = this.db
      .prepare(
        `${amountsSql(budget.unit)} WHERE u.at >= :from AND u.at < :to AND ${scope.where}
           ${budget.unit === CREDITS ? '' : 'AND u.cost_currency IS NOT NULL GROUP BY u.cost_currency'}`,
      )
      .all({ from, to, ...scope.params }) as { currency: string; amount: number }[];
    const amounts: Amounts = new Map();
    for (const r of rows) addAmount(amounts, r.currency, r.amount);
    return amounts;
  }

  private hasPass(budgetId: string, periodStart: number): boolean {
    return (
      this.db
        .prepare(
          'SELECT 1 FROM budget_overrides WHERE budget_id = ? AND granted_at >= ? AND used_at IS NULL LIMIT 1',
        )
        .get(budgetId, periodStart) !== undefined
    );
  }

  private usePass(budgetId: string, periodStart: number): void {
    this.db
      .prepare(
        `UPDATE budget_overrides SET used_at = ? WHERE id = (
           SELECT id FROM budget_overrides WHERE budget_id = ? AND granted_at >= ? AND used_at IS NULL
           ORDER BY granted_at LIMIT 1)`,
      )
      .run(this.now(), budgetId, periodStart);
  }

  private alertCrossed(budget: Budget, before: number, running: Running): void {
    const crossed = budget.thresholds.filter(
      (t) => before < (budget.limit * t) / 100 && running.spent >= (budget.limit * t) / 100,
    );
    const highest = crossed[crossed.length - 1];
    if (highest === undefined) return;
    const fresh = this.db
      .prepare(
        'INSERT OR IGNORE INTO budget_alerts (budget_id, period_start, threshold, at) VALUES (?, ?, ?, ?)',
      )
      .run(budget.id, running.bounds.start, highest, this.now());
    if (Number(fresh.changes) > 0) this.options.onAlert?.(this.status(budget), highest);
  }
}

/** Whether a send or a row for `target` counts towards a budget of this scope. */
export function matches(scope: BudgetScope, target: Target): boolean {
  switch (scope.kind) {
    case 'overall':
      return true;
    case 'provider':
      return target.providerId === scope.providerId;
    case 'model':
      return target.model === scope.model;
    case 'project':
      return target.projectId === scope.projectId;
    case 'tag':
      return target.tags.includes(scope.tag);
  }
}

export function formatAmount(amount: number, unit: string): string {
  if (unit === 'credits') return `${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })} credits`;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: unit,
    maximumFractionDigits: 4,
  }).format(amount);
}

export function describeBudget(budget: Budget): string {
  const per = { day: 'daily', week: 'weekly', month: 'monthly' }[budget.period];
  if (budget.name !== '') return `The ${per} budget “${budget.name}”`;
  const what =
    budget.scope.kind === 'overall'
      ? ''
      : budget.scope.kind === 'provider'
        ? ` for provider ${budget.scope.providerId}`
        : budget.scope.kind === 'model'
          ? ` for ${budget.scope.model}`
          : budget.scope.kind === 'project'
            ? ` for project ${budget.scope.projectId}`
            : ` for tag #${budget.scope.tag}`;
  return `The ${per} budget${what}`;
}
