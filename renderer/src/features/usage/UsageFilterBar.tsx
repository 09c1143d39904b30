import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { UsageStatus } from '../../../../main/contract';
import { useStore } from '../../store';
import type { ConfidentialFilter } from './filters';
import { isFiltered, NO_FILTERS } from './filters';
import { STATUS_LABELS, STATUS_ORDER } from './series';

/** Provider, model, confidential, status and thread filters; every chart and table follows them. */
export function UsageFilterBar() {
  const filters = useStore(useShallow((s) => s.usageFilters));
  const knownModels = useStore(useShallow((s) => s.usageKnownModels));
  const knownProviders = useStore(useShallow((s) => s.usageKnownProviders));
  const providers = useStore(useShallow((s) => s.providers));
  const threads = useStore((s) => s.threads);
  const setUsageFilters = useStore((s) => s.setUsageFilters);
  const providerOptions = useMemo(() => {
    const names = new Map(Object.entries(knownProviders));
    for (const p of providers) names.set(p.id, p.name);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [knownProviders, providers]);
  const threadOptions = useMemo(
    () => [...threads].sort((a, b) => b.lastActivityAt - a.lastActivityAt).slice(0, 100),
    [threads],
  );
  const value = (v: string) => (v === '' ? null : v);

  return (
    <div className="usage-filters" role="group" aria-label="Filters">
      <select
        className="select"
        aria-label="Provider"
        value={filters.providerId ?? ''}
        onChange={(e) => setUsageFilters({ providerId: value(e.target.value) })}
      >
        <option value="">All providers</option>
        {providerOptions.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Model"
        value={filters.model ?? ''}
        onChange={(e) => setUsageFilters({ model: value(e.target.value) })}
      >
        <option value="">All models</option>
        {knownModels.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Confidential"
        value={filters.confidential}
        onChange={(e) => setUsageFilters({ confidential: e.target.value as ConfidentialFilter })}
      >
        <option value="any">Confidential or not</option>
        <option value="yes">Confidential only</option>
        <option value="no">Non-confidential only</option>
      </select>
      <select
        className="select"
        aria-label="Status"
        value={filters.status ?? ''}
        onChange={(e) => setUsageFilters({ status: (value(e.target.value) as UsageStatus | null) ?? null })}
      >
        <option value="">Any status</option>
        {STATUS_ORDER.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Thread"
        value={filters.threadId ?? ''}
        onChange={(e) => setUsageFilters({ threadId: value(e.target.value) })}
      >
        <option value="">All threads</option>
        {filters.threadId !== null && !threadOptions.some((t) => t.id === filters.threadId) ? (
          <option value={filters.threadId}>This thread</option>
        ) : null}
        {threadOptions.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
      {isFiltered(filters) ? (
        <button type="button" className="btn btn-ghost" onClick={() => setUsageFilters(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
