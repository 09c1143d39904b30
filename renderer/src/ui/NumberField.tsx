import { Input, NumberField as AriaNumberField } from 'react-aria-components';
import { FieldErrorText, FieldHint, FieldLabel } from './Field';

export interface NumberFieldProps {
  /** The field's name: shown above it, or only its accessible name with `hideLabel`. */
  label: string;
  hideLabel?: boolean;
  /** The id of the input, for a label the caller lays out itself (`<label htmlFor>`). */
  id?: string;
  /**
   * The text as typed ('' = empty). Every change that reads as a number, or empties the field,
   * arrives at once through `onChange` (so a send in the same moment sends what is shown); a
   * partial entry such as "-" waits until it does.
   */
  value: string;
  onChange: (text: string) => void;
  /** The declared range: ↑/↓ (Shift: ×10) step within it and it is exposed as aria-valuemin/max. */
  minValue?: number | null;
  maxValue?: number | null;
  step?: number;
  integer?: boolean;
  placeholder?: string;
  hint?: string;
  /**
   * The caller's own message for a value it refuses (the contract's words, e.g. "temperature must
   * be between 0 and 2"). The field never clamps a typed value: it keeps it and shows why.
   */
  error?: string | null;
  /** Where the error is shown when not under the field (the id of the caller's element). */
  errorId?: string;
  isDisabled?: boolean;
  className?: string;
  inputClassName?: string;
}

const isNumberText = (text: string) => text.trim() === '' || Number.isFinite(Number(text));

/**
 * A number input on React Aria's NumberField (spin keys: ↑/↓ step, PageUp/PageDown step ×10,
 * Home/End jump to the bounds, PageUp/PageDown). Out-of-range text is kept and marked invalid
 * with the caller's message (`commitBehavior="validate"`), never snapped silently to a bound.
 */
export function NumberField({
  label,
  hideLabel = false,
  id,
  value,
  onChange,
  minValue,
  maxValue,
  step = 1,
  integer = false,
  placeholder,
  hint,
  error,
  errorId,
  isDisabled,
  className,
  inputClassName,
}: NumberFieldProps) {
  const number = value.trim() === '' ? NaN : Number(value);
  return (
    <AriaNumberField
      className={`${hideLabel ? 'ui-field-bare' : 'field'}${className ? ` ${className}` : ''}`}
      aria-label={hideLabel ? label : undefined}
      aria-describedby={errorId}
      id={id}
      value={Number.isFinite(number) ? number : NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? '' : String(next))}
      minValue={minValue ?? undefined}
      maxValue={maxValue ?? undefined}
      step={step}
      commitBehavior="validate"
      formatOptions={{ useGrouping: false, maximumFractionDigits: integer ? 0 : 20 }}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      isDisabled={isDisabled}
      isWheelDisabled
    >
      {hideLabel ? null : <FieldLabel>{label}</FieldLabel>}
      <Input
        className={`input num${inputClassName ? ` ${inputClassName}` : ''}`}
        placeholder={placeholder}
        // Each keystroke that reads as a number goes out at once, not only on blur or Enter.
        onInput={(e) => {
          const text = e.currentTarget.value;
          if (isNumberText(text)) onChange(text.trim());
        }}
      />
      {hint ? <FieldHint>{hint}</FieldHint> : null}
      {errorId ? null : <FieldErrorText>{error}</FieldErrorText>}
    </AriaNumberField>
  );
}
