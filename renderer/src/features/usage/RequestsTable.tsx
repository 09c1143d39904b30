import { useEffect, useRef, useState } from 'react';
import type { UsageFilter, UsageRow } from '../../../../main/contract';
import type { AppError } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { ErrorNote } from '../../ui/ErrorNote';
import {
  formatCost,
  formatCredits,
  formatDateTime,
  formatDuration,
  formatInteger,
  formatRate,
} from '../../parts/usage';
import { openMessage } from './openMessage';
import { STATUS_LABELS } from './series';
import './usageTables.css';
import { Button } from '../../ui/Button';

const PAGE = 100;

interface Props {
  title: string;
  filter: UsageFilter;
  onClose: () => void;
}

const STATUS_CHIP = {
  complete: 'chip chip-ok',
  interrupted: 'chip chip-warn',
  aborted: 'chip',
  error: 'chip chip-danger',
} as const;

/** The requests behind a clicked bar; a row opens its message in the chat. Callers memoise `filter`. */
export function RequestsTable({ title, filter, onClose }: Props) {
  const version = useStore((s) => s.usageVersion);
  const [rows, setRows] = useState<UsageRow[]>([]);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<AppError | null>(null);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // The bar that opened this table is above it; bring the answer into view.
    sectionRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  useEffect(() => {
    let live = true;
    void api.usage.rows({ ...filter, offset: 0, limit }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setRows(result.value.rows);
        setTotal(result.value.total);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [filter, limit, version]);

  return (
    <section
      ref={sectionRef}
      className="usage-card usage-requests"
      aria-labelledby="usage-requests-title"
      data-testid="usage-requests"
    >
      <header className="usage-card-header">
        <h2 id="usage-requests-title" className="usage-card-title">
          {title} <span className="field-hint num">· {formatInteger(total)} requests</span>
        </h2>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label="Close requests"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {error ? <ErrorNote error={error} /> : null}
      <div className="usage-table-wrap scroll">
        <table className="usage-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col" className="is-num">
                In
              </th>
              <th scope="col" className="is-num">
                Out
              </th>
              <th scope="col" className="is-num">
                TTFT
              </th>
              <th scope="col" className="is-num">
                Duration
              </th>
              <th scope="col" className="is-num">
                Speed
              </th>
              <th scope="col" className="is-num">
                Credits / cost
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="num">
                  {r.threadId && r.messageId ? (
                    <Button
                      variant="bare"
                      className="usage-link"
                      title="Open this message"
                      onPress={() => void openMessage(r.threadId ?? '', r.messageId ?? '')}
                    >
                      {formatDateTime(r.at)}
                    </Button>
                  ) : (
                    <span title="The thread was deleted">{formatDateTime(r.at)}</span>
                  )}
                </td>
                <td>
                  <span className="mono">{r.model}</span>
                  {r.confidential ? (
                    <span className="chip chip-confidential usage-inline-chip">conf.</span>
                  ) : null}
                  {r.attempt > 1 ? (
                    <span className="chip usage-inline-chip">retry {r.attempt - 1}</span>
                  ) : null}
                </td>
                <td>
                  <span className={STATUS_CHIP[r.status]} title={r.errorCode ?? undefined}>
                    {STATUS_LABELS[r.status]}
                  </span>
                </td>
                <td className="is-num num">{formatInteger(r.promptTokens)}</td>
                <td className="is-num num">
                  {formatInteger(r.completionTokens)}
                  {r.tokensReported ? null : (
                    <span className="usage-est" title="Estimated: the provider did not report usage">
                      ~
                    </span>
                  )}
                </td>
                <td className="is-num num">{r.ttftMs !== null ? formatDuration(r.ttftMs) : '—'}</td>
                <td className="is-num num">{r.durationMs !== null ? formatDuration(r.durationMs) : '—'}</td>
                <td className="is-num num">
                  {r.tokensPerSecond !== null ? formatRate(r.tokensPerSecond) : '—'}
                </td>
                <td className="is-num num">
                  {r.creditsConsumed !== null
                    ? formatCredits(r.creditsConsumed)
                    : r.cost !== null
                      ? formatCost(r.cost)
                      : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length < total ? (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => setLimit((l) => Math.min(1000, l + PAGE))}
          disabled={limit >= 1000}
        >
          {limit >= 1000
            ? 'Showing the first 1,000; narrow the filters to see more'
            : `Show ${Math.min(PAGE, total - rows.length)} more`}
        </button>
      ) : null}
    </section>
  );
}
