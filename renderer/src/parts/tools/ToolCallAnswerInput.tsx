import { useId } from 'react';
import type { AnswerKind, CallAnswer, ToolCallView } from './toolCallView';
import { unknownFunctionText } from './toolCallView';

interface ToolCallAnswerInputProps {
  call: ToolCallView;
  answer: CallAnswer;
  onAnswer(answer: CallAnswer): void;
  missing: boolean;
}

const KINDS: { kind: AnswerKind; label: string }[] = [
  { kind: 'text', label: 'Result' },
  { kind: 'canned', label: 'Canned result' },
  { kind: 'error', label: 'Error' },
];

/** Playing the tool: type what the function returned, reuse its canned result, or report an error. */
export function ToolCallAnswerInput({ call, answer, onAnswer, missing }: ToolCallAnswerInputProps) {
  const ids = useId();
  return (
    <div className="tcalls-answer">
      <div className="segmented" role="radiogroup" aria-label={`Answer to ${call.name}`}>
        {KINDS.map(({ kind, label }) => {
          const unavailable = kind === 'canned' && call.cannedResult === null;
          return (
            <label
              key={kind}
              className={answer.kind === kind ? 'segment is-on' : 'segment'}
              title={unavailable ? 'This tool has no canned result' : undefined}
            >
              <input
                type="radio"
                name={`${ids}-kind`}
                className="visually-hidden"
                checked={answer.kind === kind}
                disabled={unavailable}
                onChange={() =>
                  onAnswer({
                    kind,
                    text:
                      kind === answer.kind
                        ? answer.text
                        : kind === 'error' && !call.known
                          ? unknownFunctionText(call.name)
                          : '',
                  })
                }
              />
              {label}
            </label>
          );
        })}
      </div>
      {answer.kind === 'canned' ? (
        <pre className="tcalls-result mono" aria-label="Canned result">
          {call.cannedResult}
        </pre>
      ) : (
        <textarea
          className="textarea mono tcalls-input"
          rows={answer.kind === 'error' ? 2 : 3}
          spellCheck={false}
          aria-label={answer.kind === 'error' ? `Error message for ${call.name}` : `Result of ${call.name}`}
          aria-invalid={missing}
          placeholder={
            answer.kind === 'error'
              ? 'What went wrong (sent as {"error": …})'
              : 'What the function returned, e.g. {"temperature": 21}'
          }
          value={answer.text}
          onChange={(e) => onAnswer({ kind: answer.kind, text: e.target.value })}
        />
      )}
      {answer.kind === 'error' ? (
        <span className="field-hint">Sent as a tool message {'{"error": "…"}'}.</span>
      ) : null}
    </div>
  );
}
