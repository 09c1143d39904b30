import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { ErrorNote } from '../../ui/ErrorNote';
import { BudgetsPanel } from '../../parts/budgets';
import { BalancesPanel } from './BalancesPanel';
import { BreakdownTable } from './BreakdownTable';
import { ClearRangeDialog } from './ClearRangeDialog';
import type { DrillTarget } from '../../store/usage/filters';
import { drillFilter, isFiltered, toUsageFilter } from '../../store/usage/filters';
import { formatDay } from '../../parts/usage';
import { PricesEditor } from './PricesEditor';
import { RequestsTable } from './RequestsTable';
import { ToolRunsSection } from './ToolRunsSection';
import { UsageCharts } from './UsageCharts';
import { UsageExportButtons } from './UsageExportButtons';
import { UsageFilterBar } from './UsageFilterBar';
import { UsageRangeBar } from './UsageRangeBar';
import { UsageTotalsCards } from './UsageTotalsCards';
import './usage.css';

/** "What did I spend, on what, this month, and how fast was it" — in one screen. */
export function UsageScreen() {
  const summary = useStore((s) => s.usageSummary);
  const range = useStore((s) => s.usageRange);
  const loading = useStore((s) => s.usageLoading);
  const error = useStore((s) => s.usageError);
  const filters = useStore(useShallow((s) => s.usageFilters));
  const ensureUsageSync = useStore((s) => s.ensureUsageSync);
  const ensureProvidersSync = useStore((s) => s.ensureProvidersSync);
  const loadUsageSummary = useStore((s) => s.loadUsageSummary);
  const setUsageFilters = useStore((s) => s.setUsageFilters);
  const toast = useStore((s) => s.toast);
  const exchangeRates = useStore((s) => s.exchangeRates);
  const costSettings = useStore((s) => s.costSettings);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [clearing, setClearing] = useState(false);

  useEffect(() => {
    ensureUsageSync();
    ensureProvidersSync();
    void loadUsageSummary();
  }, [ensureUsageSync, ensureProvidersSync, loadUsageSummary]);

  // A rate or the chosen currency changed (Budgets → rates): the converted total is read again.
  const costChoices = useRef({ exchangeRates, costSettings });
  useEffect(() => {
    const before = costChoices.current;
    costChoices.current = { exchangeRates, costSettings };
    // The first load of the cost details (both at once) is not a change the summary missed.
    if (before.costSettings === null) return;
    if (before.exchangeRates !== exchangeRates || before.costSettings !== costSettings)
      void loadUsageSummary();
  }, [exchangeRates, costSettings, loadUsageSummary]);

  const drillRequest = useMemo(
    () => (drill && range ? drillFilter(toUsageFilter(range, filters), drill) : null),
    [drill, range, filters],
  );
  const empty = summary !== null && summary.totals.requests === 0;
  const usageFilter = useMemo(() => (range ? toUsageFilter(range, filters) : null), [range, filters]);

  return (
    <section className="usage-screen" aria-label="Usage" aria-busy={loading}>
      <header className="usage-header">
        <h1 className="usage-heading">Usage</h1>
        <UsageRangeBar />
        <div className="usage-header-actions">
          <UsageExportButtons />
          <button
            type="button"
            className="btn btn-danger"
            disabled={range === null}
            onClick={() => setClearing(true)}
          >
            Clear range…
          </button>
        </div>
      </header>
      <UsageFilterBar />
      {error ? <ErrorNote error={error} onDismiss={() => void loadUsageSummary()} /> : null}
      {summary === null ? (
        <p className="field-hint usage-loading">{loading ? 'Loading usage…' : ''}</p>
      ) : (
        <>
          <UsageTotalsCards summary={summary} />
          <BalancesPanel balances={summary.balances} />
          <BudgetsPanel />
          {empty ? (
            <div className="usage-card empty-state usage-empty">
              <h2>No requests {isFiltered(filters) ? 'match these filters' : 'in this range'}</h2>
              <p>
                {isFiltered(filters)
                  ? 'Clear a filter or widen the range.'
                  : 'Every request you send is recorded here, failed ones included. Chat with a model, or pick a longer range.'}
              </p>
            </div>
          ) : range ? (
            <UsageCharts
              summary={summary}
              range={range}
              onDrill={setDrill}
              onStatus={(status) => setUsageFilters({ status })}
              onModel={(model) => setUsageFilters({ model })}
            />
          ) : null}
          {drillRequest && drill ? (
            <RequestsTable
              key={`${drill.day}:${drill.days}:${drill.model ?? ''}`}
              title={`${drill.days > 1 ? `Week of ${formatDay(drill.day)}` : formatDay(drill.day)}${drill.model ? ` · ${drill.model}` : ''}`}
              filter={drillRequest}
              onClose={() => setDrill(null)}
            />
          ) : null}
          {!empty ? (
            <BreakdownTable rows={summary.breakdown} onModel={(model) => setUsageFilters({ model })} />
          ) : null}
          <ToolRunsSection filter={usageFilter} />
        </>
      )}
      <PricesEditor />
      {clearing && range ? (
        <ClearRangeDialog
          range={range}
          onCancel={() => setClearing(false)}
          onDone={(deleted) => {
            setClearing(false);
            setDrill(null);
            toast('success', `Deleted ${deleted} usage records.`);
            void loadUsageSummary();
          }}
        />
      ) : null}
    </section>
  );
}
