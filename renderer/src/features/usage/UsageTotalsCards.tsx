import type { UsageSummary } from '../../../../main/contract';
import { formatCost, formatCredits, formatInteger, formatPercent } from '../../parts/usage';
import { moneyMode } from './series';

/** The one-glance answer: how many requests, how many tokens, what they cost. */
export function UsageTotalsCards({ summary }: { summary: UsageSummary }) {
  const { totals } = summary;
  const failed = summary.byStatus.filter((s) => s.status !== 'complete').reduce((n, s) => n + s.requests, 0);
  const mode = moneyMode(totals);
  return (
    <div className="usage-totals" data-testid="usage-totals">
      <div className="usage-card usage-total">
        <span className="usage-total-label">Requests</span>
        <span className="usage-total-value num" data-testid="usage-total-requests">
          {formatInteger(totals.requests)}
        </span>
        <span className="usage-total-sub num">
          {failed > 0
            ? `${formatInteger(failed)} not complete (${formatPercent(failed, totals.requests)})`
            : 'all complete'}
        </span>
      </div>
      <div className="usage-card usage-total">
        <span className="usage-total-label">Tokens</span>
        <span className="usage-total-value num" data-testid="usage-total-tokens">
          {formatInteger(totals.totalTokens)}
        </span>
        <span className="usage-total-sub num">
          {formatInteger(totals.promptTokens)} in · {formatInteger(totals.completionTokens)} out
        </span>
      </div>
      {mode === 'cost' || mode === 'both' || mode === 'none' ? (
        <div className="usage-card usage-total">
          <span className="usage-total-label">Cost</span>
          <span className="usage-total-value num" data-testid="usage-total-cost">
            {/* One figure per currency: amounts in different currencies are never added. */}
            {(summary.costs.length > 0 ? summary.costs : [{ currency: 'USD', cost: totals.cost }])
              .map((c) => formatCost(c.cost, c.currency))
              .join(' + ')}
          </span>
          <span className="usage-total-sub">
            {mode !== 'none'
              ? 'from your price table'
              : totals.requests === 0
                ? 'nothing spent'
                : 'no prices set for these models'}
          </span>
        </div>
      ) : null}
      {mode === 'credits' || mode === 'both' ? (
        <div className="usage-card usage-total">
          <span className="usage-total-label">Credits</span>
          <span className="usage-total-value num" data-testid="usage-total-credits">
            {formatCredits(totals.credits)}
          </span>
          <span className="usage-total-sub">as reported by the provider</span>
        </div>
      ) : null}
    </div>
  );
}
