import { useEffect } from 'react';
import type { CostFigure, ThreadCost } from '../../../../main/contract';
import { useStore } from '../../store';
import { catalogueText, costsText, formatAmount, rateText } from '../../store/budgets/format';
import { formatCompact, formatCredits, formatInteger } from '../../platform/format';
import './usageInline.css';
import { Button } from '../../ui/Button';

/** "$0.75, €2.00 · 12.5 cr": each currency apart, credits apart; null when nothing was charged. */
function moneyText(figure: Pick<CostFigure, 'costs' | 'credits'>): string | null {
  const parts = [
    ...(figure.costs.some((c) => c.cost > 0) ? [costsText(figure.costs)] : []),
    ...(figure.credits > 0 ? [formatCredits(figure.credits)] : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The title: what the thread and its branch cost, how each figure was priced or converted. */
function describe(cost: ThreadCost, catalogueNote: string | null): string {
  const lines = [
    `This thread: ${formatInteger(cost.thread.tokens)} tokens, ${moneyText(cost.thread) ?? 'no cost recorded'}.`,
  ];
  if (cost.branch && cost.branches > 1)
    lines.push(`This branch (1 of ${cost.branches}): ${moneyText(cost.branch) ?? 'no cost recorded'}.`);
  const { provider, table, catalogue } = cost.thread.sources;
  const sources = [
    provider > 0 ? `${provider} by the provider` : null,
    table > 0 ? `${table} by your prices` : null,
    catalogue > 0 ? `${catalogue} by the bundled catalogue` : null,
  ].filter((s) => s !== null);
  if (sources.length > 0) lines.push(`Requests priced ${sources.join(', ')}.`);
  if (catalogueNote) lines.push(catalogueNote);
  const c = cost.converted;
  if (c && (c.rates.length > 0 || c.missing.length > 0)) {
    lines.push(
      `Converted to ${c.currency}: ≈ ${formatAmount(c.thread, c.currency)} for the thread${c.branch !== null && cost.branches > 1 ? `, ≈ ${formatAmount(c.branch, c.currency)} for this branch` : ''}, at ${c.rates.map(rateText).join('; ') || 'no rate'}.`,
    );
    if (c.missing.length > 0)
      lines.push(`Not converted (no rate set): ${c.missing.join(', ')}; left out of the converted figure.`);
  }
  lines.push('Open its usage.');
  return lines.join('\n');
}

/**
 * A thread's cost in its header: the branch on screen against the whole thread when it has
 * several, each currency apart and credits apart, fresh as each answer finishes (the ledger's
 * change event reloads it). Clicking opens the Usage screen filtered to this thread.
 */
export function ThreadUsageTotals({ threadId }: { threadId: string }) {
  const leafId = useStore((s) => s.details[threadId]?.thread.activeLeafId ?? null);
  const cost = useStore((s) => s.threadCosts[threadId]);
  const watchThreadCost = useStore((s) => s.watchThreadCost);
  const catalogue = useStore((s) => s.catalogue);
  const loadCatalogue = useStore((s) => s.loadCatalogue);
  const pricedByCatalogue = (cost?.thread.sources.catalogue ?? 0) > 0;

  useEffect(() => watchThreadCost(threadId, leafId), [watchThreadCost, threadId, leafId]);
  useEffect(() => {
    if (pricedByCatalogue && catalogue === null) void loadCatalogue();
  }, [pricedByCatalogue, catalogue, loadCatalogue]);

  if (!cost || cost.thread.tokens === 0) return null;
  const threadMoney = moneyText(cost.thread);
  const branchMoney = cost.branch && cost.branches > 1 ? (moneyText(cost.branch) ?? '$0') : null;
  const converted =
    cost.converted && cost.converted.rates.length > 0
      ? `≈ ${formatAmount(cost.branch && cost.branches > 1 ? (cost.converted.branch ?? 0) : cost.converted.thread, cost.converted.currency)}`
      : null;
  const catalogueNote = pricedByCatalogue ? catalogueText(catalogue) : null;
  const title = describe(cost, catalogueNote);
  const shown = [
    `${formatCompact(cost.thread.tokens)} tok`,
    branchMoney !== null ? `branch ${branchMoney}` : null,
    threadMoney !== null ? (branchMoney !== null ? `thread ${threadMoney}` : threadMoney) : null,
    converted !== null ? `${converted} converted` : null,
  ]
    .filter((s) => s !== null)
    .join(' · ');

  const open = () => useStore.getState().showThreadUsage(threadId);

  return (
    <Button
      variant="bare"
      className="pill-button num"
      title={title}
      // Starts with the visible text, so speech control ("click 1.2k tok") finds the button.
      aria-label={`${shown}. ${title}`}
      onPress={open}
      data-testid="thread-usage-totals"
    >
      <span>{formatCompact(cost.thread.tokens)} tok</span>
      {branchMoney !== null ? <span data-testid="thread-cost-branch">· branch {branchMoney}</span> : null}
      {threadMoney !== null ? (
        <span data-testid="thread-cost-thread">
          · {branchMoney !== null ? 'thread ' : ''}
          {threadMoney}
        </span>
      ) : null}
      {converted !== null ? (
        <span className="usage-thread-converted" data-testid="thread-cost-converted">
          · {converted} <span className="usage-thread-tag">converted</span>
        </span>
      ) : null}
      {catalogueNote !== null ? (
        <span
          className={`usage-thread-tag${catalogue?.stale ? ' is-stale' : ''}`}
          data-testid="thread-cost-catalogue"
        >
          {catalogue?.stale ? 'old prices' : 'catalogue'}
        </span>
      ) : null}
    </Button>
  );
}
