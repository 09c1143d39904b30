import type { LimitsDraft } from './draft';
import { FormField } from './FormField';
import type { FieldErrors } from './validation';

interface Props {
  idPrefix: string;
  value: LimitsDraft;
  errors: FieldErrors;
  onChange: (value: LimitsDraft) => void;
}

/** Placeholders mirror main's defaults (DEFAULT_LIMITS in main/chat/transport/limits.ts). */
const FIELDS: { key: 'bodyMb' | 'lineKb' | 'messageMb'; label: string; placeholder: string; hint: string }[] =
  [
    { key: 'bodyMb', label: 'Answer (MB)', placeholder: '64', hint: 'bytes received, unpacked' },
    { key: 'lineKb', label: 'Stream line (KB)', placeholder: '1024', hint: 'one event-stream line' },
    { key: 'messageMb', label: 'Message (MB)', placeholder: '8', hint: 'text of one answer' },
  ];

/** How much one answer may cost; past a limit the answer stops with what arrived kept. */
export function LimitsFields({ idPrefix, value, errors, onChange }: Props) {
  return (
    <fieldset className="providers-fieldset">
      <legend className="label">Limits</legend>
      <div className="providers-grid-3">
        {FIELDS.map((f) => (
          <FormField
            key={f.key}
            id={`${idPrefix}-limit-${f.key}`}
            label={f.label}
            error={errors[`limits.${f.key}`]}
            hint={f.hint}
          >
            <input
              id={`${idPrefix}-limit-${f.key}`}
              className="input num"
              inputMode="numeric"
              placeholder={f.placeholder}
              value={value[f.key]}
              onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
            />
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
