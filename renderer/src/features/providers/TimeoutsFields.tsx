import type { TimeoutDraft } from './draft';
import { DEFAULT_TIMEOUTS } from './draft';
import { FormField } from './FormField';
import type { FieldErrors } from './validation';

interface Props {
  idPrefix: string;
  value: TimeoutDraft;
  errors: FieldErrors;
  onChange: (value: TimeoutDraft) => void;
}

const FIELDS: { key: keyof TimeoutDraft; label: string; defaultMs: number; hint: string }[] = [
  {
    key: 'connect',
    label: 'Connect (s)',
    defaultMs: DEFAULT_TIMEOUTS.connectMs,
    hint: 'to open the connection',
  },
  {
    key: 'firstByte',
    label: 'First byte (s)',
    defaultMs: DEFAULT_TIMEOUTS.firstByteMs,
    hint: 'until the answer starts',
  },
  { key: 'idle', label: 'Idle (s)', defaultMs: DEFAULT_TIMEOUTS.idleMs, hint: 'silence mid-stream' },
];

export function TimeoutsFields({ idPrefix, value, errors, onChange }: Props) {
  return (
    <fieldset className="providers-fieldset">
      <legend className="label">Timeouts</legend>
      <div className="providers-grid-3">
        {FIELDS.map((f) => (
          <FormField
            key={f.key}
            id={`${idPrefix}-${f.key}`}
            label={f.label}
            error={errors[`timeouts.${f.key}`]}
            hint={f.hint}
          >
            <input
              id={`${idPrefix}-${f.key}`}
              className="input num"
              inputMode="decimal"
              placeholder={String(f.defaultMs / 1000)}
              value={value[f.key]}
              onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
            />
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
