import { useMemo, useState } from 'react';
import type { UsageSummary } from '../../../../main/contract';
import type { BreakdownKey, SortState } from './breakdown';
import { nextSort, sortBreakdown } from './breakdown';
import { formatCost, formatCredits, formatInteger } from '../../parts/usage';
import './usageTables.css';
import { Button } from '../../ui/Button';

interface Props {
  rows: UsageSummary['breakdown'];
  onModel: (model: string) => void;
}

const COLUMNS: { key: BreakdownKey; label: string; numeric: boolean }[] = [
  { key: 'providerName', label: 'Provider', numeric: false },
  { key: 'model', label: 'Model', numeric: false },
  { key: 'confidential', label: 'Confidential', numeric: false },
  { key: 'requests', label: 'Requests', numeric: true },
  { key: 'promptTokens', label: 'Prompt', numeric: true },
  { key: 'completionTokens', label: 'Completion', numeric: true },
  { key: 'totalTokens', label: 'Total tokens', numeric: true },
  { key: 'credits', label: 'Credits', numeric: true },
  { key: 'cost', label: 'Cost', numeric: true },
];

/** Totals by provider, model and confidential flag; headers sort, a model name filters to it. */
export function BreakdownTable({ rows, onModel }: Props) {
  const [sort, setSort] = useState<SortState>({ key: 'totalTokens', descending: true });
  const sorted = useMemo(() => sortBreakdown(rows, sort), [rows, sort]);
  return (
    <section className="usage-card" aria-labelledby="usage-breakdown-title">
      <h2 id="usage-breakdown-title" className="usage-card-title">
        Breakdown
      </h2>
      {rows.length === 0 ? (
        <p className="field-hint">Nothing in this range.</p>
      ) : (
        <div className="usage-table-wrap scroll">
          <table className="usage-table" data-testid="usage-breakdown">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'is-num' : undefined}
                    aria-sort={
                      sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined
                    }
                  >
                    <Button
                      variant="bare"
                      className="usage-th-button"
                      onPress={() => setSort(nextSort(sort, c.key))}
                    >
                      {c.label}
                      <span aria-hidden="true" className="usage-sort-mark">
                        {sort.key === c.key ? (sort.descending ? '↓' : '↑') : ''}
                      </span>
                    </Button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={`${r.providerId ?? r.providerName}:${r.model}:${r.confidential}`}>
                  <td>{r.providerName}</td>
                  <td>
                    <Button
                      variant="bare"
                      className="usage-link mono"
                      title="Filter to this model"
                      onPress={() => onModel(r.model)}
                    >
                      {r.model}
                    </Button>
                  </td>
                  <td>
                    {r.confidential ? (
                      <span className="chip chip-confidential">confidential</span>
                    ) : (
                      <span className="field-hint">no</span>
                    )}
                  </td>
                  <td className="is-num num">{formatInteger(r.requests)}</td>
                  <td className="is-num num">{formatInteger(r.promptTokens)}</td>
                  <td className="is-num num">{formatInteger(r.completionTokens)}</td>
                  <td className="is-num num">{formatInteger(r.totalTokens)}</td>
                  <td className="is-num num">{r.credits > 0 ? formatCredits(r.credits) : '—'}</td>
                  <td className="is-num num">
                    {r.cost > 0
                      ? r.costs
                          .filter((c) => c.cost !== 0)
                          .map((c) => formatCost(c.cost, c.currency))
                          .join(' + ') || formatCost(r.cost)
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
