import { useMemo } from 'react';
import type { Message } from '../../../../main/contract/chat';
import type { StructuredState } from './structuredCheck';
import { useSchemaCheck } from '../../platform/schemaCheck';
import { checkStructured } from './structuredCheck';
import './structured.css';

interface StructuredAnswerProps {
  message: Message;
  /** The json_schema this answer's request sent; absent for json_object (format only, no check). */
  schema: Record<string, unknown> | null | undefined;
  /** That schema's name, shown so the verdict says what it was judged against. */
  schemaName?: string | null;
}

const BADGE: Record<StructuredState, { className: string; text: string }> = {
  pass: { className: 'chip chip-ok', text: '✓ matches the schema' },
  fail: { className: 'chip chip-danger', text: '✕ does not match the schema' },
  unparsable: { className: 'chip chip-danger', text: '✕ not valid JSON' },
  incomplete: { className: 'chip chip-warn', text: 'incomplete' },
  unchecked: { className: 'chip', text: 'JSON' },
};

/** A structured-output answer: formatted JSON, a pass/fail badge against the schema, failing paths. */
export function StructuredAnswer({ message, schema, schemaName = null }: StructuredAnswerProps) {
  const check = useSchemaCheck();
  const view = useMemo(
    () => checkStructured(message.content, schema, message.status, check),
    [message.content, message.status, schema, check],
  );
  const badge = BADGE[view.state];
  const streaming = message.status === 'streaming';
  return (
    <div className="structured" data-testid="structured-answer" data-state={view.state}>
      <div className="structured-head">
        <span
          className={badge.className}
          role="status"
          title={
            schemaName
              ? `Checked against “${schemaName}”, the schema sent with this answer's request`
              : undefined
          }
        >
          {streaming ? 'incomplete · streaming' : badge.text}
        </span>
        {schemaName && schema ? <span className="structured-schema mono">{schemaName}</span> : null}
        {view.issues.length > 0 ? (
          <span className="structured-count num">
            {view.issues.length} failing path{view.issues.length === 1 ? '' : 's'}
          </span>
        ) : null}
      </div>
      {view.issues.length > 0 ? (
        <ul className="structured-issues" aria-label="Failing paths">
          {view.issues.map((issue, i) => (
            <li key={i}>
              <code className="structured-path">{issue.path}</code>
              <span>{issue.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <pre
        className={view.formatted ? 'structured-json mono' : 'structured-json structured-raw mono'}
        aria-label="Answer JSON"
      >
        {view.text}
        {streaming ? <span className="structured-caret" aria-hidden="true" /> : null}
      </pre>
    </div>
  );
}
