import { useId } from 'react';
import type { NumberField } from './paramsModel';
import { ParamRow } from './ParamRow';

interface Props {
  field: NumberField;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (value: string) => void;
}

/** A number parameter; sliders for bounded ones. Empty shows the API default greyed and sends nothing. */
export function NumberParam({ field, value, error, disabled = false, onChange }: Props) {
  const id = useId();
  const isSet = value.trim() !== '';
  const sliderValue = isSet && Number.isFinite(Number(value)) ? value : field.apiDefault;
  return (
    <ParamRow
      name={field.key}
      htmlFor={id}
      hint={field.hint}
      error={error}
      isSet={isSet}
      onClear={() => onChange('')}
    >
      {field.slider && field.min !== null && field.max !== null ? (
        <input
          type="range"
          className={`param-slider${isSet ? '' : ' is-unset'}`}
          aria-label={`${field.key} slider`}
          min={field.min}
          max={field.max}
          step={field.step}
          value={sliderValue}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
      <input
        id={id}
        className={`input num param-number${field.slider ? '' : ' is-wide'}`}
        type="text"
        inputMode={field.integer ? 'numeric' : 'decimal'}
        placeholder={field.apiDefault}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const base =
            Number.isFinite(Number(value)) && isSet ? Number(value) : Number(field.apiDefault) || 0;
          const step = e.shiftKey ? field.step * 10 : field.step;
          let next = base + (e.key === 'ArrowUp' ? step : -step);
          if (field.min !== null) next = Math.max(field.min, next);
          if (field.max !== null) next = Math.min(field.max, next);
          onChange(String(Math.round(next * 100) / 100));
        }}
      />
    </ParamRow>
  );
}
