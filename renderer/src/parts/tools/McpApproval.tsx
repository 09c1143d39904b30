import { useState } from 'react';
import type { McpBatch, McpCallDecision } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { McpCallDecisionRow, argumentIssues } from './McpCallDecision';
import './mcpApproval.css';

type Action = McpCallDecision['action'];

const pretty = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/**
 * The inline approval card: the calls an answer made to server tools, held by main until the user
 * decides. Parallel calls are decided together; one call goes as soon as its button is pressed.
 */
export function McpApproval({ batch }: { batch: McpBatch }) {
  const asking = batch.calls.filter(
    (c) => c.outcome === 'waiting' && (c.decision === 'ask' || c.decision === 'blocked'),
  );
  const [actions, setActions] = useState<Record<string, Action>>({});
  const [args, setArgs] = useState<Record<string, string>>(() =>
    Object.fromEntries(batch.calls.map((c) => [c.toolCallId, pretty(c.argumentsText)])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = batch.state === 'waiting';

  const submit = async (chosen: Record<string, Action>) => {
    setBusy(true);
    setError(null);
    const decisions: McpCallDecision[] = asking.map((c) => {
      const action = chosen[c.toolCallId] ?? 'deny';
      const text = args[c.toolCallId] ?? c.argumentsText;
      const edited = text !== pretty(c.argumentsText);
      return {
        toolCallId: c.toolCallId,
        action,
        ...(edited && action !== 'deny' ? { argumentsText: text } : {}),
      };
    });
    const result = await api.mcp.decide({ batchId: batch.id, decisions });
    setBusy(false);
    if (!result.ok) setError(failureLine(result.error));
  };
  const choose = (id: string, action: Action) => {
    const next = { ...actions, [id]: action };
    setActions(next);
    if (asking.length === 1) void submit(next);
  };
  const stop = async () => {
    const result = await api.mcp.cancel({ batchId: batch.id });
    if (!result.ok) setError(failureLine(result.error));
  };

  const undecided = asking.filter((c) => !actions[c.toolCallId]).length;
  const invalid = asking.some(
    (c) =>
      actions[c.toolCallId] !== 'deny' && argumentIssues(args[c.toolCallId] ?? '', c.inputSchema).length > 0,
  );
  return (
    <section className="mcp-approval" aria-label="Approve tool calls" data-testid="mcp-approval">
      <header className="tcalls-header">
        <span className="section-title">
          {waiting
            ? asking.length === 1
              ? 'Run this tool?'
              : `Run ${asking.length} tools?`
            : 'Server tools'}
        </span>
        <span className="chip">results are untrusted content</span>
      </header>
      {batch.calls.map((call) => (
        <McpCallDecisionRow
          key={call.toolCallId}
          call={call}
          action={actions[call.toolCallId] ?? null}
          argumentsText={args[call.toolCallId] ?? call.argumentsText}
          onArguments={(text) => setArgs((all) => ({ ...all, [call.toolCallId]: text }))}
          onAction={(action) => choose(call.toolCallId, action)}
          disabled={busy || !waiting}
        />
      ))}
      {batch.state === 'waiting' || batch.state === 'running' ? (
        <footer className="tcalls-footer">
          {waiting && asking.length > 1 ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || undecided > 0 || invalid}
              onClick={() => void submit(actions)}
            >
              {undecided > 0 ? `Decide ${undecided} more` : 'Confirm decisions'}
            </button>
          ) : null}
          <button type="button" className="btn" onClick={() => void stop()}>
            Stop
          </button>
          <span className="field-hint">
            {batch.state === 'running' ? 'Running…' : 'Stop leaves the calls for you to answer by hand.'}
          </span>
        </footer>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
