import { ParamRow } from './ParamRow';
import './settings.css';

interface Props {
  name: string;
  hint: string;
  apiDefault: boolean;
  value: boolean | null;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (value: boolean | null) => void;
}

/** A yes/no parameter with a third state, Default: not sent, the API's default shown. */
export function ToggleParam({ name, hint, apiDefault, value, error, disabled = false, onChange }: Props) {
  const options: { label: string; value: boolean | null }[] = [
    { label: `Default (${apiDefault ? 'on' : 'off'})`, value: null },
    { label: 'On', value: true },
    { label: 'Off', value: false },
  ];
  return (
    <ParamRow name={name} hint={hint} error={error} isSet={value !== null} onClear={() => onChange(null)}>
      <div className="segmented segmented-compact" role="radiogroup" aria-label={name}>
        {options.map((o) => (
          <button
            key={o.label}
            type="button"
            role="radio"
            aria-checked={value === o.value}
            className={value === o.value ? 'segment is-on' : 'segment'}
            disabled={disabled}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </ParamRow>
  );
}
