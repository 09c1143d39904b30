import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Message } from '../../../../main/contract/chat';
import { api } from '../../bridge/api';
import { useStore } from '../../store';
import { flushPendingEdits } from '../../store/pendingEdits';
import { McpApproval } from './McpApproval';
import { ToolCallCard } from './ToolCallCard';
import type { CallAnswer } from './toolCallView';
import { buildResults, initialAnswer, toolsFromRequestBody, viewToolCalls } from './toolCallView';
import { useSchemaCheck } from '../../platform/schemaCheck';
import { failureLine } from '../../platform/describeError';
import './toolCalls.css';

const NO_MESSAGES: readonly Message[] = [];

/**
 * The calls of one assistant message, each checked against the schema the model was given, and
 * the form to answer them: all open calls go back together in one `chat:answerTools`.
 */
export function ToolCallsBlock({ message }: { message: Message }) {
  const threadMessages = useStore((s) => s.details[message.threadId]?.messages ?? NO_MESSAGES);
  const library = useStore((s) => s.tools);
  const toolsLoaded = useStore((s) => s.toolsLoaded);
  const loadTools = useStore((s) => s.loadTools);
  // Calls to MCP server tools wait in main for the user's decision: the approval card, not the answer form.
  const mcpBatch = useStore((s) => s.mcpBatches[message.id]);
  const ensureMcpSync = useStore((s) => s.ensureMcpSync);
  const mcpActive = mcpBatch?.state === 'waiting' || mcpBatch?.state === 'running';
  useEffect(() => ensureMcpSync(), [ensureMcpSync]);
  const [answers, setAnswers] = useState<Record<string, CallAnswer>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!toolsLoaded) void loadTools();
  }, [toolsLoaded, loadTools]);

  const sentTools = useMemo(
    () => toolsFromRequestBody(message.meta?.requestBody),
    [message.meta?.requestBody],
  );
  const check = useSchemaCheck();
  const calls = useMemo(
    () => viewToolCalls(message, sentTools, library, threadMessages, check),
    [message, sentTools, library, threadMessages, check],
  );
  const open = calls.filter((c) => c.answer === null);
  const streaming = message.status === 'streaming';
  const outcome = buildResults(calls, answers);

  const send = async () => {
    if (!outcome.ok || sending || streaming || open.length === 0) return;
    setSending(true);
    setError(null);
    // The model goes on with the thread's settings: what the panel shows must be saved first.
    const problem = await flushPendingEdits(message.threadId);
    if (problem !== null) {
      setSending(false);
      setError(problem);
      return;
    }
    const result = await api.chat.answerTools({
      threadId: message.threadId,
      assistantMessageId: message.id,
      results: outcome.results,
    });
    setSending(false);
    if (!result.ok) setError(failureLine(result.error));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const blocked = streaming
    ? 'Waiting for the model to finish its calls…'
    : !outcome.ok
      ? `Answer ${outcome.missing.length === 1 ? 'the remaining call' : `the ${outcome.missing.length} remaining calls`} first.`
      : null;

  return (
    <section
      className="tcalls"
      aria-label={`Tool calls (${calls.length})`}
      onKeyDown={onKeyDown}
      data-testid="tool-calls"
    >
      <header className="tcalls-header">
        <span className="section-title">
          {calls.length === 1
            ? 'Tool call'
            : `${calls.length} tool calls${calls.length > 1 ? ' in parallel' : ''}`}
        </span>
        {open.length === 0 && calls.length > 0 ? <span className="chip chip-ok">answered</span> : null}
      </header>
      {calls.map((call) => (
        <ToolCallCard
          key={call.id}
          call={call}
          streaming={streaming || mcpActive}
          answer={answers[call.id] ?? initialAnswer(call)}
          onAnswer={(a) => setAnswers((all) => ({ ...all, [call.id]: a }))}
          missing={!outcome.ok && outcome.missing.includes(call.id)}
        />
      ))}
      {mcpBatch ? <McpApproval key={mcpBatch.id} batch={mcpBatch} /> : null}
      {open.length > 0 && !mcpActive ? (
        <footer className="tcalls-footer">
          <button
            type="button"
            className="btn btn-primary"
            disabled={blocked !== null || sending}
            onClick={() => void send()}
          >
            {sending ? 'Sending…' : open.length === 1 ? 'Send result' : `Send ${open.length} results`}
          </button>
          <span className="field-hint">
            {blocked ?? (
              <>
                <kbd className="kbd">Ctrl</kbd> <kbd className="kbd">Enter</kbd> sends and continues the
                conversation
              </>
            )}
          </span>
        </footer>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          Could not send the results: {error}
        </div>
      ) : null}
    </section>
  );
}
