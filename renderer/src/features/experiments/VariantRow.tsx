import { Trash2 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { ResponseFormat } from '../../../../main/contract/chatParams';
import type { ParamVariant } from '../../../../main/contract/experiments';
import { ResponseFormatEditor } from '../../parts/tools';
import { useStore } from '../../store';
import { IconButton } from '../../ui/IconButton';
import { formatSummary } from './format';

/** The parameters shown as JSON: all but the response format, which has its own editor below. */
function paramsText(params: ParamVariant['params']): string {
  const { response_format: _format, ...rest } = params;
  return JSON.stringify(rest);
}

/**
 * A variant's label, its parameters as JSON (`{"temperature": 0}`, checked as typed) and its
 * response format: the prompt's unless the variant has its own (plain text included), which its
 * requests carry and its JSON checks read.
 */
export function VariantRow(props: {
  variant: ParamVariant;
  /** The prompt's format, which the variant uses unless it has its own. */
  promptFormat: ResponseFormat | null;
  canRemove: boolean;
  onChange: (next: ParamVariant) => void;
  onRemove: () => void;
}) {
  const { variant } = props;
  const [text, setText] = useState(() => paramsText(variant.params));
  const [problem, setProblem] = useState<string | null>(null);
  const own = variant.params.response_format;
  const setOwn = (next: ResponseFormat | undefined) => {
    const { response_format: _old, ...rest } = variant.params;
    props.onChange({ ...variant, params: next ? { ...rest, response_format: next } : rest });
  };
  const setUnsendable = useStore((s) => s.setExperimentUnsendable);
  const onUnsendable = useCallback(
    (reason: string | null) =>
      setUnsendable(
        variant.id,
        reason && `The response format of “${variant.label}” is not valid yet: fix it to start.`,
      ),
    [setUnsendable, variant.id, variant.label],
  );
  // A removed variant, or one back on the prompt's format, holds nothing back.
  useEffect(() => {
    if (!own) setUnsendable(variant.id, null);
  }, [own, setUnsendable, variant.id]);
  useEffect(() => () => setUnsendable(variant.id, null), [setUnsendable, variant.id]);
  return (
    <li className="exp-variant">
      <input
        className="input exp-variant-label"
        aria-label="Variant name"
        value={variant.label}
        onChange={(e) => props.onChange({ ...variant, label: e.target.value })}
      />
      <input
        className={problem ? 'input mono field-error' : 'input mono'}
        aria-label={`Parameters of ${variant.label}`}
        aria-invalid={problem !== null}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const value: unknown = JSON.parse(e.target.value || '{}');
            if (typeof value !== 'object' || value === null || Array.isArray(value))
              throw new Error('use an object');
            setProblem(null);
            const params = { ...(value as ParamVariant['params']) };
            // The format is edited below: a response_format typed here replaces it.
            if (!('response_format' in params) && own) params.response_format = own;
            props.onChange({ ...variant, params });
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      <IconButton
        label={`Remove ${variant.label}`}
        size="sm"
        isDisabled={!props.canRemove}
        onPress={props.onRemove}
      >
        <Trash2 />
      </IconButton>
      {problem ? <span className="exp-field-problem">{problem}</span> : null}
      <details className="exp-variant-format">
        <summary>
          Response format:{' '}
          <span className="exp-format-kind">
            {own ? formatSummary(own) : `the prompt’s (${formatSummary(props.promptFormat)})`}
          </span>
        </summary>
        <label className="exp-check-label exp-format-own">
          <input
            type="checkbox"
            checked={own !== undefined}
            onChange={(e) => setOwn(e.target.checked ? (props.promptFormat ?? { type: 'text' }) : undefined)}
          />
          Its own format, instead of the prompt’s
        </label>
        {own ? (
          <ResponseFormatEditor
            // Plain text is stored as { type: 'text' }: it overrides a prompt's JSON format.
            value={own.type === 'text' ? undefined : own}
            onChange={(next) => setOwn(next ?? { type: 'text' })}
            onUnsendable={onUnsendable}
          />
        ) : null}
      </details>
    </li>
  );
}
