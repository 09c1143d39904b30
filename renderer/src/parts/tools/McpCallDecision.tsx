import { useMemo } from 'react';
import type { McpCallDecision, McpPendingCall } from '../../../../main/contract/mcp';
import { schemaCheckNow, useSchemaCheck, type SchemaCheck } from '../../platform/schemaCheck';
import { VisibleName } from '../../platform/visibleName';
import { CannedChip, DiffView } from '../mcp';

type Action = McpCallDecision['action'];

interface Props {
  call: McpPendingCall;
  action: Action | null;
  argumentsText: string;
  onArguments(text: string): void;
  onAction(action: Action): void;
  disabled: boolean;
}

const OUTCOME: Record<McpPendingCall['outcome'], string | null> = {
  waiting: null,
  running: 'running…',
  done: 'done',
  failed: 'failed',
  denied: 'denied',
  cancelled: 'stopped',
};

/** Problems of edited arguments against the tool's schema, before anything is sent to main. */
export function argumentIssues(
  text: string,
  schema: Record<string, unknown>,
  check: SchemaCheck | null = schemaCheckNow(),
): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text === '' ? '{}' : text);
  } catch (error) {
    return [`not JSON: ${error instanceof Error ? error.message : ''}`];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['must be a JSON object'];
  // While the check's code loads (rarely: the app asks for it at start) only the JSON is judged;
  // main checks the arguments again before any call runs.
  return (check?.(value, schema) ?? []).map((i) => `${i.path} ${i.message}`);
}

/** One call held for the user: the tool, its server, what it claims, its arguments (editable) and the choice. */
export function McpCallDecisionRow({ call, action, argumentsText, onArguments, onAction, disabled }: Props) {
  const check = useSchemaCheck();
  const issues = useMemo(
    () => argumentIssues(argumentsText, call.inputSchema, check),
    [argumentsText, call.inputSchema, check],
  );
  const waiting = call.outcome === 'waiting';
  const byPolicy = call.decision === 'deny' || call.decision === 'allow' || call.decision === 'canned';
  return (
    <article className="mcp-call" aria-label={`Call to ${call.tool} on ${call.serverName}`}>
      <div className="tcalls-card-head">
        <span className="mono tcalls-fn">
          <span className="tcalls-fn-mark" aria-hidden="true">
            ƒ
          </span>
          <VisibleName name={call.tool} />
        </span>
        <span className="chip">server {call.serverName}</span>
        {call.destructive ? <span className="chip chip-warn">may change things</span> : null}
        {call.decision === 'deny' ? <span className="chip chip-danger">denied by policy</span> : null}
        {call.decision === 'allow' ? <span className="chip chip-ok">allowed by policy</span> : null}
        {call.decision === 'canned' ? (
          <CannedChip title="Your canned answer is returned; the tool does not run">canned answer</CannedChip>
        ) : null}
        {OUTCOME[call.outcome] ? <span className="chip">{OUTCOME[call.outcome]}</span> : null}
      </div>
      {call.flags.map((flag, i) => (
        <p key={i} className="field-error">
          {flag.kind === 'hidden_unicode'
            ? 'Hidden characters in its description: '
            : 'Suspicious description: '}
          {flag.detail}
        </p>
      ))}
      {call.decision === 'blocked' && call.diff ? (
        <div className="mcp-blocked" role="group" aria-label="Changed definition">
          <p className="banner banner-warn">
            This tool’s definition changed since you approved it. It runs only if you approve it again.
          </p>
          <DiffView diff={call.diff} compact />
        </div>
      ) : null}
      {call.decision === 'canned' ? (
        <div className="mcp-canned-answer">
          <p className="field-hint">Answered with your canned answer; {call.tool} did not run:</p>
          <pre className="tcalls-result mono" aria-label="Canned answer">
            {call.canned}
          </pre>
        </div>
      ) : null}
      <label className="label" htmlFor={`mcp-args-${call.toolCallId}`}>
        Arguments
      </label>
      <textarea
        id={`mcp-args-${call.toolCallId}`}
        className="input mono mcp-args"
        rows={Math.min(10, Math.max(2, argumentsText.split('\n').length))}
        value={argumentsText}
        readOnly={!waiting || byPolicy || disabled}
        onChange={(e) => onArguments(e.target.value)}
        spellCheck={false}
      />
      {issues.length > 0 ? (
        <ul className="tcalls-issues" aria-label="Argument problems">
          {issues.map((issue, i) => (
            <li key={i}>{issue}</li>
          ))}
        </ul>
      ) : null}
      {waiting && !byPolicy ? (
        <div className="mcp-call-actions" role="group" aria-label={`Decision for ${call.tool}`}>
          <button
            type="button"
            className={action === 'once' ? 'btn btn-primary' : 'btn'}
            aria-pressed={action === 'once'}
            disabled={disabled || issues.length > 0}
            onClick={() => onAction('once')}
          >
            Allow once
          </button>
          <button
            type="button"
            className={action === 'always' ? 'btn btn-primary' : 'btn'}
            aria-pressed={action === 'always'}
            disabled={disabled || issues.length > 0}
            onClick={() => onAction('always')}
          >
            Always allow this tool
          </button>
          <button
            type="button"
            className={action === 'deny' ? 'btn btn-danger' : 'btn'}
            aria-pressed={action === 'deny'}
            disabled={disabled}
            onClick={() => onAction('deny')}
          >
            Deny
          </button>
        </div>
      ) : null}
    </article>
  );
}
