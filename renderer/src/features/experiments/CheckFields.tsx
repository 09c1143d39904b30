import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Check } from '../../../../main/contract/experiments';
import { useStore } from '../../store';

/** A JSON object typed as text; empty is null; a typo is shown, not thrown away. */
function JsonField(props: {
  label: string;
  value: Record<string, unknown> | null;
  onChange: (v: Record<string, unknown> | null) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(props.value ? JSON.stringify(props.value) : '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <span className="exp-check-json">
      <input
        className={problem ? 'input mono field-error' : 'input mono'}
        aria-label={props.label}
        aria-invalid={problem !== null}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setProblem(null);
            return props.onChange(null);
          }
          try {
            const value: unknown = JSON.parse(e.target.value);
            if (typeof value !== 'object' || value === null || Array.isArray(value))
              throw new Error('use a JSON object');
            setProblem(null);
            props.onChange(value as Record<string, unknown>);
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      {problem ? <span className="exp-field-problem">{problem}</span> : null}
    </span>
  );
}

/** The fields of one check, by its type. */
export function CheckFields({
  check,
  index,
  onChange,
}: {
  check: Check;
  index: number;
  onChange: (c: Check) => void;
}) {
  const { targets, providers } = useStore(
    useShallow((s) => ({ targets: s.experimentDraft?.config.targets ?? [], providers: s.providers })),
  );
  const name = `check ${index + 1}`;
  switch (check.type) {
    case 'contains':
    case 'notContains':
    case 'equals':
      return (
        <>
          <input
            className="input exp-check-main"
            aria-label={`Text of ${name}`}
            placeholder="text or {{variable}}"
            value={check.value}
            onChange={(e) => onChange({ ...check, value: e.target.value })}
          />
          {check.type === 'equals' ? (
            <label className="exp-check-label">
              <input
                type="checkbox"
                checked={check.trim}
                onChange={(e) => onChange({ ...check, trim: e.target.checked })}
              />{' '}
              trim
            </label>
          ) : (
            <label className="exp-check-label">
              <input
                type="checkbox"
                checked={check.ignoreCase}
                onChange={(e) => onChange({ ...check, ignoreCase: e.target.checked })}
              />{' '}
              ignore case
            </label>
          )}
        </>
      );
    case 'regex':
      return (
        <>
          <input
            className="input mono exp-check-main"
            aria-label={`Pattern of ${name}`}
            placeholder="^\d+$ (RE2: no lookaround)"
            value={check.pattern}
            onChange={(e) => onChange({ ...check, pattern: e.target.value })}
          />
          <input
            className="input mono exp-check-flags"
            aria-label={`Flags of ${name}`}
            placeholder="ims"
            value={check.flags}
            maxLength={4}
            onChange={(e) => onChange({ ...check, flags: e.target.value.replace(/[^ims]/g, '') })}
          />
        </>
      );
    case 'jsonSchema':
      return (
        <JsonField
          label={`Schema of ${name}`}
          placeholder="empty: the prompt's response schema"
          value={check.schema}
          onChange={(schema) => onChange({ ...check, schema })}
        />
      );
    case 'toolCalled':
      return (
        <>
          <input
            className="input mono exp-check-tool"
            aria-label={`Tool of ${name}`}
            placeholder="tool name"
            value={check.name}
            onChange={(e) => onChange({ ...check, name: e.target.value })}
          />
          <JsonField
            label={`Arguments of ${name}`}
            placeholder='arguments equal, e.g. {"city":"Paris"}'
            value={check.argsEqual}
            onChange={(argsEqual) => onChange({ ...check, argsEqual })}
          />
        </>
      );
    case 'costMax':
    case 'tokensMax':
      return (
        <input
          className="input num exp-check-number"
          type="number"
          min={0}
          step={check.type === 'costMax' ? 0.001 : 1}
          aria-label={`Ceiling of ${name}`}
          value={check.max}
          onChange={(e) => onChange({ ...check, max: Math.max(0, Number(e.target.value) || 0) })}
        />
      );
    case 'latencyMax':
      return (
        <span className="exp-check-unit">
          <input
            className="input num exp-check-number"
            type="number"
            min={0}
            aria-label={`Milliseconds of ${name}`}
            value={check.ms}
            onChange={(e) => onChange({ ...check, ms: Math.max(0, Number(e.target.value) || 0) })}
          />
          ms
        </span>
      );
    case 'graded':
      return (
        <>
          <input
            className="input exp-check-main"
            aria-label={`Rubric of ${name}`}
            value={check.rubric}
            onChange={(e) => onChange({ ...check, rubric: e.target.value })}
          />
          <select
            className="select"
            aria-label={`Grading model of ${name}`}
            value={`${check.providerId}|${check.model}`}
            onChange={(e) => {
              const [providerId = '', ...rest] = e.target.value.split('|');
              onChange({ ...check, providerId, model: rest.join('|') });
            }}
          >
            <option value="|">Grader model…</option>
            {targets.map((t) => (
              <option key={`${t.providerId}|${t.model}`} value={`${t.providerId}|${t.model}`}>
                {t.model} ({providers.find((p) => p.id === t.providerId)?.name ?? '?'})
              </option>
            ))}
          </select>
        </>
      );
  }
}
