import type { ToolCallView, CallAnswer } from './toolCallView';
import { McpResultView } from './McpResultView';
import { ToolCallAnswerInput } from './ToolCallAnswerInput';
import { VisibleName, visibleText } from '../../platform/visibleName';

interface ToolCallCardProps {
  call: ToolCallView;
  streaming: boolean;
  answer: CallAnswer;
  onAnswer(answer: CallAnswer): void;
  missing: boolean;
}

const STATE_CHIP: Record<ToolCallView['state'], { className: string; text: string } | null> = {
  valid: { className: 'chip chip-ok', text: 'arguments match the schema' },
  invalid: { className: 'chip chip-danger', text: 'invalid arguments' },
  unparsable: { className: 'chip chip-danger', text: 'arguments are not JSON' },
  incomplete: { className: 'chip', text: 'receiving…' },
  unchecked: null,
};

/** One call: function, arguments as formatted JSON with what fails the schema, and its answer. */
export function ToolCallCard({ call, streaming, answer, onAnswer, missing }: ToolCallCardProps) {
  const chip = STATE_CHIP[call.state];
  return (
    <article
      className={call.known ? 'tcalls-card' : 'tcalls-card tcalls-card-unknown'}
      aria-label={`Call to ${visibleText(call.name)}`}
    >
      <div className="tcalls-card-head">
        <span className="mono tcalls-fn">
          <span className="tcalls-fn-mark" aria-hidden="true">
            ƒ
          </span>
          <VisibleName name={call.name} />
        </span>
        {!call.known ? <span className="chip chip-danger">unknown function</span> : null}
        {chip ? <span className={chip.className}>{chip.text}</span> : null}
        <span className="mono tcalls-id" title="tool_call_id">
          {call.id}
        </span>
      </div>
      {!call.known ? (
        <p className="tcalls-note">
          The model called a function that was not offered in the request. Answer with an error result.
        </p>
      ) : null}
      <pre className="tcalls-args mono" aria-label="Arguments">
        {call.argumentsText === '' ? '(empty)' : call.argumentsText}
      </pre>
      {call.issues.length > 0 ? (
        <ul className="tcalls-issues" aria-label="Argument problems">
          {call.issues.map((issue, i) => (
            <li key={i}>
              <code className="tools-problem-path">{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {call.answer ? (
        <div className="tcalls-answered">
          <span className="label">Answered</span>
          <pre className="tcalls-result mono">{call.answer.content}</pre>
          {/* A server tool's run: what it returned, as returned (images included), marked untrusted. */}
          {call.name.includes('__') ? <McpResultView toolCallId={call.id} /> : null}
        </div>
      ) : streaming ? null : (
        <ToolCallAnswerInput call={call} answer={answer} onAnswer={onAnswer} missing={missing} />
      )}
    </article>
  );
}
