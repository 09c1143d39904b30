import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ResponseFormat } from '../../../../main/contract/chat';
import { JsonEditor } from './LazyJsonEditor';
import type { FormatKind, SchemaFormatDraft } from './responseFormat';
import { draftOf, formatForKind, kindOf, nameRuleProblem } from './responseFormat';
import { SchemaProblemList } from './SchemaProblemList';
import { problemsToDiagnostics } from './toolForm';
import { useSchemaProblems } from './useSchemaProblems';
import './responseFormat.css';

interface ResponseFormatEditorProps {
  value: ResponseFormat | undefined;
  /** Called with `undefined` for plain text (not sent), and only with formats that can be sent. */
  onChange(value: ResponseFormat | undefined): void;
  /** Told when what the editor shows cannot be sent (an invalid schema or name), and when it can again. */
  onUnsendable?(reason: string | null): void;
}

const KINDS: { kind: FormatKind; label: string; hint: string }[] = [
  { kind: 'text', label: 'Text', hint: 'Plain answers; the field is not sent.' },
  {
    kind: 'json_object',
    label: 'JSON object',
    hint: 'Any valid JSON object. Ask for JSON in your prompt too.',
  },
  { kind: 'json_schema', label: 'JSON schema', hint: 'An object that follows your schema.' },
];

/** The `response_format` parameter: plain text, any JSON object, or JSON that follows a schema. */
export function ResponseFormatEditor({ value, onChange, onUnsendable }: ResponseFormatEditorProps) {
  const ids = useId();
  const [kind, setKind] = useState<FormatKind>(kindOf(value));
  const [draft, setDraft] = useState<SchemaFormatDraft>(() => draftOf(value));
  const lastEmitted = useRef(JSON.stringify(value ?? null));
  const { problems, firstCheck } = useSchemaProblems(
    draft.schemaText,
    'A response schema',
    kind === 'json_schema',
  );
  const diagnostics = useMemo(
    () => problemsToDiagnostics(draft.schemaText, problems),
    [draft.schemaText, problems],
  );

  // A new value from outside (a preset, another window) replaces what is being edited.
  useEffect(() => {
    const incoming = JSON.stringify(value ?? null);
    if (incoming === lastEmitted.current) return;
    lastEmitted.current = incoming;
    onUnsendable?.(null);
    setKind(kindOf(value));
    setDraft(draftOf(value));
  }, [value, onUnsendable]);

  const apply = (nextKind: FormatKind, nextDraft: SchemaFormatDraft) => {
    setKind(nextKind);
    setDraft(nextDraft);
    const next = formatForKind(nextKind, nextDraft);
    onUnsendable?.(
      next === null ? 'response_format: the schema or its name is not valid yet, so it cannot be sent' : null,
    );
    if (next === null) return;
    const serialized = JSON.stringify(next ?? null);
    if (serialized === lastEmitted.current) return;
    lastEmitted.current = serialized;
    onChange(next);
  };

  const nameProblem = nameRuleProblem(draft.name);

  return (
    <div className="rformat">
      <div className="segmented" role="radiogroup" aria-label="Response format">
        {KINDS.map((k) => (
          <label key={k.kind} className={kind === k.kind ? 'segment is-on' : 'segment'} title={k.hint}>
            <input
              type="radio"
              className="visually-hidden"
              name={`${ids}-kind`}
              checked={kind === k.kind}
              onChange={() => apply(k.kind, draft)}
            />
            {k.label}
          </label>
        ))}
      </div>
      <span className="field-hint">{KINDS.find((k) => k.kind === kind)?.hint}</span>
      {kind === 'json_schema' ? (
        <div className="rformat-schema">
          <div className="field">
            <label htmlFor={`${ids}-name`}>Name</label>
            <input
              id={`${ids}-name`}
              className="input mono"
              value={draft.name}
              spellCheck={false}
              aria-invalid={nameProblem !== null}
              aria-describedby={`${ids}-name-msg`}
              onChange={(e) => apply(kind, { ...draft, name: e.target.value })}
            />
            {nameProblem ? (
              <span id={`${ids}-name-msg`} className="field-error">
                {nameProblem}
              </span>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-desc`}>Description</label>
            <input
              id={`${ids}-desc`}
              className="input"
              value={draft.description}
              placeholder="Optional: what the answer is for"
              onChange={(e) => apply(kind, { ...draft, description: e.target.value })}
            />
          </div>
          <div className="field">
            <span className="label">Schema</span>
            <JsonEditor
              value={draft.schemaText}
              onChange={(schemaText) => apply(kind, { ...draft, schemaText })}
              label="Response JSON Schema"
              diagnostics={diagnostics}
              describedBy={`${ids}-problems`}
              testId="response-schema-editor"
            />
            <SchemaProblemList
              id={`${ids}-problems`}
              problems={problems}
              checking={firstCheck}
              okText="Valid object schema"
            />
          </div>
          <label className="rformat-strict">
            <input
              type="checkbox"
              checked={draft.strict}
              onChange={(e) => apply(kind, { ...draft, strict: e.target.checked })}
            />
            strict
            <span className="field-hint">the provider enforces the schema exactly</span>
          </label>
        </div>
      ) : null}
    </div>
  );
}
