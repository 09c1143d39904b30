import type { UsageSummary } from '../../../../main/contract';
import { formatCost, formatCredits, formatInteger, formatPercent } from '../../parts/usage';
import { rateText } from '../../store/budgets/format';
import { moneyMode } from './series';

/** "$2.00 + EUR 10.00": each currency apart, never added. */
const costsText = (costs: readonly { currency: string; cost: number }[]): string =>
  costs.map((c) => formatCost(c.cost, c.currency)).join(' + ');

/** The same as figures that never break inside ("GBP / 0.60"); lines wrap between them only. */
function Figures({
  costs,
  lead = '',
}: {
  costs: readonly { currency: string; cost: number }[];
  lead?: string;
}) {
  return costs.map((c, i) => (
    <span key={c.currency} className="usage-figure">
      {i === 0 ? lead : ' + '}
      {formatCost(c.cost, c.currency)}
    </span>
  ));
}

/**
 * The cost card. Amounts in different currencies are never added up, unless the user chose a
 * currency to see totals in and set rates: then the converted figure leads, marked converted, with
 * the rates it used and the amounts no rate converts (left out of it) spelled out beneath.
 */
function CostCard({ summary, mode }: { summary: UsageSummary; mode: ReturnType<typeof moneyMode> }) {
  const { totals, converted } = summary;
  const costs = summary.costs.length > 0 ? summary.costs : [{ currency: 'USD', cost: totals.cost }];
  const source =
    mode !== 'none'
      ? 'from your price table'
      : totals.requests === 0
        ? 'nothing spent'
        : 'no prices set for these models';
  if (!converted)
    return (
      <div className="usage-card usage-total">
        <span className="usage-total-label">Cost</span>
        <span className="usage-total-value num" data-testid="usage-total-cost">
          <Figures costs={costs} />
        </span>
        <span className="usage-total-sub">{source}</span>
      </div>
    );
  return (
    <div className="usage-card usage-total usage-total-converted" data-testid="usage-cost-converted">
      <span className="usage-total-label">
        Cost <span className="chip usage-converted-chip">converted to {converted.currency}</span>
      </span>
      <span className="usage-total-value num" data-testid="usage-total-converted">
        <span className="usage-figure">≈ {formatCost(converted.amount, converted.currency)}</span>
        {converted.missing.length > 0 ? (
          <span className="usage-figure-apart">
            <Figures costs={converted.missing} lead=" + " />
          </span>
        ) : null}
      </span>
      <span className="usage-total-sub num" data-testid="usage-total-cost">
        {costsText(costs)} as charged
      </span>
      <span className="usage-total-note" data-testid="usage-converted-rates">
        At {converted.rates.map(rateText).join('; ')}.
      </span>
      {converted.missing.length > 0 ? (
        <span className="usage-total-note usage-total-missing" data-testid="usage-converted-missing">
          Not converted (no rate set): {costsText(converted.missing)}, kept apart.
        </span>
      ) : null}
    </div>
  );
}

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
        <CostCard summary={summary} mode={mode} />
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
