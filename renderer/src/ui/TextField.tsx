import { Input, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { FieldErrorText, FieldHint, FieldLabel } from './Field';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** Shown under the field, which is then marked invalid; nothing is thrown away. */
  error?: string | null;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  /** Monospaced text (ids, JSON). */
  mono?: boolean;
  autoFocus?: boolean;
  isRequired?: boolean;
  type?: 'text' | 'url' | 'email' | 'password' | 'search';
  className?: string;
}

/** A labelled text input or textarea with its hint and error, in the app's `.field` layout. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  multiline = false,
  rows = 4,
  mono = false,
  autoFocus,
  isRequired,
  type = 'text',
  className,
}: TextFieldProps) {
  const look = `${multiline ? 'textarea' : 'input'}${mono ? ' mono' : ''}`;
  return (
    <AriaTextField
      className={`field${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      autoFocus={autoFocus}
      isRequired={isRequired}
      type={type}
    >
      <FieldLabel>{label}</FieldLabel>
      {multiline ? (
        <TextArea className={look} rows={rows} placeholder={placeholder} spellCheck={!mono} />
      ) : (
        <Input className={look} placeholder={placeholder} spellCheck={!mono} />
      )}
      {hint ? <FieldHint>{hint}</FieldHint> : null}
      <FieldErrorText>{error}</FieldErrorText>
    </AriaTextField>
  );
}
