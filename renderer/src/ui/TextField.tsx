import { Input, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { FieldErrorText, FieldHint, FieldLabel } from './Field';

export interface TextFieldProps {
  label: string;
  /** The label is only the accessible name (a field inside a row whose place says what it is). */
  hideLabel?: boolean;
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
  inputMode?: 'text' | 'decimal' | 'numeric' | 'url' | 'email' | 'search';
  maxLength?: number;
  isDisabled?: boolean;
  onBlur?: () => void;
  /** Class of the field wrapper (default: the app's `.field`, label above). */
  className?: string;
  /** Extra class of the input itself, e.g. `num` for right-aligned figures. */
  inputClassName?: string;
  testId?: string;
}

/** A labelled text input or textarea with its hint and error, in the app's `.field` layout. */
export function TextField({
  label,
  hideLabel = false,
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
  inputMode,
  maxLength,
  isDisabled,
  onBlur,
  className,
  inputClassName,
  testId,
}: TextFieldProps) {
  const look = `${multiline ? 'textarea' : 'input'}${mono ? ' mono' : ''}${inputClassName ? ` ${inputClassName}` : ''}`;
  return (
    <AriaTextField
      className={`${hideLabel ? 'ui-field-bare' : 'field'}${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      autoFocus={autoFocus}
      isRequired={isRequired}
      type={type}
      inputMode={inputMode}
      maxLength={maxLength}
      isDisabled={isDisabled}
      onBlur={onBlur}
      aria-label={hideLabel ? label : undefined}
      data-testid={testId}
    >
      {hideLabel ? null : <FieldLabel>{label}</FieldLabel>}
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
