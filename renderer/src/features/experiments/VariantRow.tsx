import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { ResponseFormat } from '../../../../main/contract/chatParams';
import type { ParamVariant } from '../../../../main/contract/experiments';
import { ResponseFormatEditor } from '../../parts/tools';
import { IconButton } from '../../ui/IconButton';

/** The parameters shown as JSON: all but the response format, which has its own editor below. */
function paramsText(params: ParamVariant['params']): string {
  const { response_format: _format, ...rest } = params;
  return JSON.stringify(rest);
}

function formatSummary(format: ResponseFormat | undefined): string {
  if (!format || format.type === 'text') return 'text';
  if (format.type === 'json_object') return 'any JSON object';
  return `JSON schema “${format.json_schema.name}”${format.json_schema.strict ? ', strict' : ''}`;
}

/**
 * A variant's label, its parameters as JSON (`{"temperature": 0}`, checked as typed) and its
 * response format: each variant may ask for its own, which its requests carry and its JSON
 * checks read.
 */
export function VariantRow(props: {
  variant: ParamVariant;
  canRemove: boolean;
  onChange: (next: ParamVariant) => void;
  onRemove: () => void;
}) {
  const { variant } = props;
  const [text, setText] = useState(() => paramsText(variant.params));
  const [problem, setProblem] = useState<string | null>(null);
  const format = variant.params.response_format;
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
            if (!('response_format' in params) && format) params.response_format = format;
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
          Response format: <span className="exp-variant-format-kind">{formatSummary(format)}</span>
        </summary>
        <ResponseFormatEditor
          value={format}
          onChange={(next) => {
            const { response_format: _old, ...rest } = variant.params;
            props.onChange({ ...variant, params: next ? { ...rest, response_format: next } : rest });
          }}
        />
      </details>
    </li>
  );
}
