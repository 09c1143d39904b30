import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { UsageStatus } from '../../../../main/contract';
import { useStore } from '../../store';
import type { ConfidentialFilter } from '../../store/usage/filters';
import { isFiltered, NO_FILTERS } from '../../store/usage/filters';
import { allTags } from '../../store/projects/slice';
import { Select } from '../../ui';
import type { SelectOption } from '../../ui';
import { STATUS_LABELS, STATUS_ORDER } from './series';

const CONFIDENTIAL: SelectOption<ConfidentialFilter>[] = [
  { id: 'any', label: 'Confidential or not' },
  { id: 'yes', label: 'Confidential only' },
  { id: 'no', label: 'Non-confidential only' },
];
/** The "no filter" option's id; real values are listed as `=<value>`. */
const ALL = 'all';

/** Provider, model, confidential, status and thread filters; every chart and table follows them. */
export function UsageFilterBar() {
  const filters = useStore(useShallow((s) => s.usageFilters));
  const knownModels = useStore(useShallow((s) => s.usageKnownModels));
  const knownProviders = useStore(useShallow((s) => s.usageKnownProviders));
  const providers = useStore(useShallow((s) => s.providers));
  const threads = useStore((s) => s.threads);
  const setUsageFilters = useStore((s) => s.setUsageFilters);
  const projects = useStore((s) => s.projects);
  const tags = useStore(useShallow((s) => allTags(s.filings)));
  const providerOptions = useMemo(() => {
    const names = new Map(Object.entries(knownProviders));
    for (const p of providers) names.set(p.id, p.name);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [knownProviders, providers]);
  const threadOptions = useMemo(
    () => [...threads].sort((a, b) => b.lastActivityAt - a.lastActivityAt).slice(0, 100),
    [threads],
  );
  const threadChoices: (readonly [string, string])[] = threadOptions.map((t) => [t.id, t.title]);
  // A thread picked elsewhere (its usage line) may be older than the hundred listed.
  if (filters.threadId !== null && !threadOptions.some((t) => t.id === filters.threadId))
    threadChoices.unshift([filters.threadId, 'This thread']);

  return (
    <div className="usage-filters" role="group" aria-label="Filters">
      <FilterSelect
        label="Provider"
        all="All providers"
        value={filters.providerId}
        options={providerOptions}
        onChange={(providerId) => setUsageFilters({ providerId })}
      />
      <FilterSelect
        label="Model"
        all="All models"
        value={filters.model}
        options={knownModels.map((m) => [m, m] as const)}
        onChange={(model) => setUsageFilters({ model })}
      />
      <Select<ConfidentialFilter>
        label="Confidential"
        hideLabel
        options={CONFIDENTIAL}
        value={filters.confidential}
        onChange={(confidential) => setUsageFilters({ confidential })}
      />
      <FilterSelect
        label="Status"
        all="Any status"
        value={filters.status}
        options={STATUS_ORDER.map((s) => [s, STATUS_LABELS[s]] as const)}
        onChange={(status) => setUsageFilters({ status: status as UsageStatus | null })}
      />
      <FilterSelect
        label="Thread"
        all="All threads"
        value={filters.threadId}
        options={threadChoices}
        onChange={(threadId) => setUsageFilters({ threadId })}
      />
      <FilterSelect
        label="Project"
        all="All projects"
        value={filters.projectId}
        options={projects.map((p) => [p.id, p.name] as const)}
        onChange={(projectId) => setUsageFilters({ projectId })}
      />
      <FilterSelect
        label="Tag"
        all="All tags"
        value={filters.tag}
        options={tags.map((t) => [t, t] as const)}
        onChange={(tag) => setUsageFilters({ tag })}
      />
      {isFiltered(filters) ? (
        <button type="button" className="btn btn-ghost" onClick={() => setUsageFilters(NO_FILTERS)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

/** One filter: a first option for "no filter" (null), then value/label pairs. */
function FilterSelect({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string | null;
  options: readonly (readonly [string, string])[];
  onChange: (value: string | null) => void;
}) {
  // Every value gets a prefix, so that no model or tag can be mistaken for "no filter".
  return (
    <Select
      label={label}
      hideLabel
      options={[{ id: ALL, label: all }, ...options.map(([id, name]) => ({ id: `=${id}`, label: name }))]}
      value={value === null ? ALL : `=${value}`}
      onChange={(id) => onChange(id === ALL ? null : id.slice(1))}
    />
  );
}
