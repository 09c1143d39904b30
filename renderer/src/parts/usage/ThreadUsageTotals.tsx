import { useEffect } from 'react';
import { useStore } from '../../store';
import { formatCompact, formatCost, formatCredits, formatInteger } from './format';
import './usageInline.css';
import { Button } from '../../ui/Button';

/**
 * A thread's running totals for its header. The thread summary carries them (kept fresh by the
 * threads list); a thread not in the lists falls back to asking the ledger. Clicking opens the
 * Usage screen filtered to this thread.
 */
export function ThreadUsageTotals({ threadId }: { threadId: string }) {
  const fromSummary = useStore(
    (s) =>
      (s.threads.find((t) => t.id === threadId) ?? s.archivedThreads.find((t) => t.id === threadId))?.totals,
  );
  const fromLedger = useStore((s) => s.threadTotals[threadId]);
  const loadThreadTotals = useStore((s) => s.loadThreadTotals);

  useEffect(() => {
    if (!fromSummary && !fromLedger) void loadThreadTotals(threadId);
  }, [fromSummary, fromLedger, loadThreadTotals, threadId]);

  const totals = fromSummary
    ? { tokens: fromSummary.tokens, credits: fromSummary.credits, cost: fromSummary.cost }
    : fromLedger
      ? { tokens: fromLedger.totalTokens, credits: fromLedger.credits || null, cost: fromLedger.cost || null }
      : null;
  if (!totals || totals.tokens === 0) return null;

  const money =
    totals.credits !== null && totals.credits > 0
      ? formatCredits(totals.credits)
      : totals.cost !== null && totals.cost > 0
        ? formatCost(totals.cost)
        : null;
  const shown = `${formatCompact(totals.tokens)} tok${money ? ` · ${money}` : ''}`;
  const title = `This thread: ${formatInteger(totals.tokens)} tokens${money ? `, ${money}` : ''}. Open its usage.`;

  const open = () => {
    const state = useStore.getState();
    state.setUsageFilters({ providerId: null, model: null, confidential: 'any', status: null, threadId });
    state.setUsageRange('all');
    state.setScreen('usage');
  };

  return (
    <Button
      variant="bare"
      className="usage-thread-totals num"
      title={title}
      // Starts with the visible text, so speech control ("click 1.2k tok") finds the button.
      aria-label={`${shown}. ${title}`}
      onPress={open}
      data-testid="thread-usage-totals"
    >
      <span>{formatCompact(totals.tokens)} tok</span>
      {money ? <span>· {money}</span> : null}
    </Button>
  );
}
