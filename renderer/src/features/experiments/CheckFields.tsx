import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Check } from '../../../../main/contract/experiments';
import { useStore } from '../../store';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';

/** A JSON object typed as text; empty is null; a typo is shown under it, not thrown away. */
function JsonField(props: {
  label: string;
  value: Record<string, unknown> | null;
  onChange: (v: Record<string, unknown> | null) => void;
  placeholder: string;
}) {
  const [text, setText] = useState(props.value ? JSON.stringify(props.value) : '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <TextField
      label={props.label}
      hideLabel
      mono
      className="exp-check-json"
      placeholder={props.placeholder}
      value={text}
      error={problem}
      onChange={(next) => {
        setText(next);
        if (next.trim() === '') {
          setProblem(null);
          return props.onChange(null);
        }
        try {
          const value: unknown = JSON.parse(next);
          if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw new Error('use a JSON object');
          setProblem(null);
          props.onChange(value as Record<string, unknown>);
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
        }
      }}
    />
  );
}

/** A ceiling typed as a number; what does not read as one yet is kept and not saved. */
function Ceiling(props: { label: string; value: number; step: number; onChange: (v: number) => void }) {
  const [text, setText] = useState(String(props.value));
  return (
    <NumberField
      label={props.label}
      hideLabel
      className="exp-check-number"
      inputClassName="num"
      minValue={0}
      step={props.step}
      value={text}
      onChange={(next) => {
        setText(next);
        const value = Number(next);
        if (next.trim() !== '' && Number.isFinite(value)) props.onChange(Math.max(0, value));
      }}
    />
  );
}

const Toggle = (props: { label: string; checked: boolean; onChange: (v: boolean) => void }) => (
  <label className="exp-check-label">
    <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />{' '}
    {props.label}
  </label>
);

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
          <TextField
            label={`Text of ${name}`}
            hideLabel
            className="exp-check-main"
            placeholder="text or {{variable}}"
            value={check.value}
            onChange={(value) => onChange({ ...check, value })}
          />
          {check.type === 'equals' ? (
            <Toggle label="trim" checked={check.trim} onChange={(trim) => onChange({ ...check, trim })} />
          ) : (
            <Toggle
              label="ignore case"
              checked={check.ignoreCase}
              onChange={(ignoreCase) => onChange({ ...check, ignoreCase })}
            />
          )}
        </>
      );
    case 'regex':
      return (
        <>
          <TextField
            label={`Pattern of ${name}`}
            hideLabel
            mono
            className="exp-check-main"
            placeholder="^\d+$ (RE2: no lookaround)"
            value={check.pattern}
            onChange={(pattern) => onChange({ ...check, pattern })}
          />
          <TextField
            label={`Flags of ${name}`}
            hideLabel
            mono
            className="exp-check-flags"
            placeholder="ims"
            maxLength={4}
            value={check.flags}
            onChange={(flags) => onChange({ ...check, flags: flags.replace(/[^ims]/g, '') })}
          />
        </>
      );
    case 'jsonSchema':
      return (
        <JsonField
          label={`Schema of ${name}`}
          placeholder="empty: the response schema each column asks for"
          value={check.schema}
          onChange={(schema) => onChange({ ...check, schema })}
        />
      );
    case 'toolCalled':
      return (
        <>
          <TextField
            label={`Tool of ${name}`}
            hideLabel
            mono
            className="exp-check-tool"
            placeholder="tool name"
            value={check.name}
            onChange={(value) => onChange({ ...check, name: value })}
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
        <Ceiling
          label={`Ceiling of ${name}`}
          step={check.type === 'costMax' ? 0.001 : 1}
          value={check.max}
          onChange={(max) => onChange({ ...check, max })}
        />
      );
    case 'latencyMax':
      return (
        <span className="exp-check-unit">
          <Ceiling
            label={`Milliseconds of ${name}`}
            step={1}
            value={check.ms}
            onChange={(ms) => onChange({ ...check, ms })}
          />
          ms
        </span>
      );
    case 'graded':
      return (
        <>
          <TextField
            label={`Rubric of ${name}`}
            hideLabel
            className="exp-check-main"
            value={check.rubric}
            onChange={(rubric) => onChange({ ...check, rubric })}
          />
          <Select
            label={`Grading model of ${name}`}
            hideLabel
            className="exp-check-grader"
            placeholder="Grader model…"
            options={targets.map((t) => ({
              id: `${t.providerId}|${t.model}`,
              label: t.model,
              description: providers.find((p) => p.id === t.providerId)?.name ?? 'missing provider',
            }))}
            value={check.providerId ? `${check.providerId}|${check.model}` : null}
            onChange={(key) => {
              const [providerId = '', ...rest] = key.split('|');
              onChange({ ...check, providerId, model: rest.join('|') });
            }}
          />
        </>
      );
  }
}
