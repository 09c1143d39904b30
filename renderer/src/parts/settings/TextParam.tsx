import { useId } from 'react';
import { ParamRow } from './ParamRow';
import './settings.css';

interface Props {
  name: string;
  hint: string;
  placeholder: string;
  value: string;
  error?: string | undefined;
  multiline?: boolean;
  onChange: (value: string) => void;
}

/** A free-text parameter (`user`) or JSON (`extra_body`); empty is not sent. */
export function TextParam({ name, hint, placeholder, value, error, multiline = false, onChange }: Props) {
  const id = useId();
  return (
    <ParamRow
      name={name}
      htmlFor={id}
      hint={hint}
      error={error}
      isSet={value !== ''}
      stacked={multiline}
      onClear={() => onChange('')}
    >
      {multiline ? (
        <textarea
          id={id}
          className="textarea mono param-json"
          rows={3}
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className="input"
          placeholder={placeholder}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </ParamRow>
  );
}
