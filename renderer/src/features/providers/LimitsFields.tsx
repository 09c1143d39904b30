import { DEFAULT_PROVIDER_LIMITS } from '../../../../main/contract';
import type { LimitsDraft } from './draft';
import { FieldGrid, type GridField } from './FieldGrid';
import type { FieldErrors } from './validation';

interface Props {
  idPrefix: string;
  value: LimitsDraft;
  errors: FieldErrors;
  onChange: (value: LimitsDraft) => void;
}

/** Placeholders are main's defaults, read from the contract. */
const FIELDS: GridField<'bodyMb' | 'lineKb' | 'messageMb'>[] = [
  {
    key: 'bodyMb',
    label: 'Answer (MB)',
    placeholder: String(DEFAULT_PROVIDER_LIMITS.bodyMb),
    hint: 'bytes received, unpacked',
  },
  {
    key: 'lineKb',
    label: 'Stream line (KB)',
    placeholder: String(DEFAULT_PROVIDER_LIMITS.lineKb),
    hint: 'one event-stream line',
  },
  {
    key: 'messageMb',
    label: 'Message (MB)',
    placeholder: String(DEFAULT_PROVIDER_LIMITS.messageMb),
    hint: 'text of one answer',
  },
];

/** How much one answer may cost; past a limit the answer stops with what arrived kept. */
export function LimitsFields({ idPrefix, value, errors, onChange }: Props) {
  return (
    <FieldGrid
      legend="Limits"
      columns={3}
      idPrefix={`${idPrefix}-limit`}
      errorPrefix="limits"
      fields={FIELDS}
      value={value}
      errors={errors}
      onChange={onChange}
      input={{ className: 'input num', inputMode: 'numeric' }}
    />
  );
}
