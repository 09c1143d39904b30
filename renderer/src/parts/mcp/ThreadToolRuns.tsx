import { Wrench } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { McpRunTotals } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { formatDuration, formatInteger } from '../../platform/format';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import './mcpShared.css';

/** The thread's batches of calls and their states, as one string: it changes when a batch moves on. */
const batchesOf = (threadId: string) => (s: ReturnType<typeof useStore.getState>) =>
  Object.values(s.mcpBatches)
    .filter((b) => b.threadId === threadId)
    .map((b) => `${b.id}:${b.state}`)
    .join(',');

/**
 * "3 tool runs" in the thread header when MCP tools ran for this thread (nothing otherwise), read
 * again as each batch of calls moves on; it opens the Usage screen on this thread, where the runs
 * are listed beside the model's requests.
 */
export function ThreadToolRuns({ threadId }: { threadId: string }) {
  const batches = useStore(batchesOf(threadId));
  const ensureMcpSync = useStore((s) => s.ensureMcpSync);
  const [totals, setTotals] = useState<McpRunTotals | null>(null);

  useEffect(() => ensureMcpSync(), [ensureMcpSync]);
  useEffect(() => {
    let live = true;
    void api.mcp
      .runLedger({ from: 0, to: Date.now() + 86_400_000, threadId, offset: 0, limit: 1 })
      .then((result) => {
        if (live && result.ok) setTotals(result.value.totals);
      });
    return () => {
      live = false;
    };
  }, [threadId, batches]);

  if (!totals || totals.runs === 0) return null;
  const shown = `${formatInteger(totals.runs)} tool ${totals.runs === 1 ? 'run' : 'runs'}${totals.errors > 0 ? `, ${formatInteger(totals.errors)} failed` : ''}`;
  const title = `MCP tools ran ${formatInteger(totals.runs)} times for this thread (${formatInteger(totals.errors)} failed, ${formatDuration(totals.totalMs)} running). Open them on the Usage screen.`;
  const open = () => useStore.getState().showThreadUsage(threadId);
  return (
    <Button
      variant="bare"
      className="pill-button mcp-thread-runs num"
      title={title}
      aria-label={`${shown}. ${title}`}
      onPress={open}
      data-testid="thread-tool-runs"
    >
      <Wrench aria-hidden="true" className="mcp-thread-runs-icon" />
      {/* Compact beside the thread's title; the failures colour the count and are in the hint. */}
      <span className={totals.errors > 0 ? 'mcp-thread-runs-failed' : undefined}>
        {formatInteger(totals.runs)} {totals.runs === 1 ? 'run' : 'runs'}
      </span>
    </Button>
  );
}
