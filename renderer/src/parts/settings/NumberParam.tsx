import { useId } from 'react';
import type { NumberField as NumberSpec } from './paramsModel';
import { ParamRow } from './ParamRow';
import { NumberField } from '../../ui/NumberField';
import './settings.css';

interface Props {
  field: NumberSpec;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (value: string) => void;
}

/**
 * A number parameter (ui/NumberField); sliders for bounded ones. Empty shows the API default greyed
 * and sends nothing. A value out of the contract's range is kept and shows the contract's message
 * (from paramsModel) under the row; the field never clamps it silently.
 */
export function NumberParam({ field, value, error, disabled = false, onChange }: Props) {
  const id = useId();
  const errorId = useId();
  const isSet = value.trim() !== '';
  const sliderValue = isSet && Number.isFinite(Number(value)) ? value : field.apiDefault;
  return (
    <ParamRow
      name={field.key}
      htmlFor={id}
      hint={field.hint}
      error={error}
      errorId={errorId}
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
      <NumberField
        id={id}
        label={field.key}
        hideLabel
        inputClassName={`param-number${field.slider ? '' : ' is-wide'}`}
        className={`param-number-field${field.slider ? '' : ' is-wide'}`}
        value={value}
        onChange={onChange}
        minValue={field.min}
        maxValue={field.max}
        step={field.step}
        integer={field.integer}
        placeholder={field.apiDefault}
        error={error}
        errorId={errorId}
        isDisabled={disabled}
      />
    </ParamRow>
  );
}
