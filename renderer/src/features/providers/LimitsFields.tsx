import type { LimitsDraft } from './draft';
import { FieldGrid, type GridField } from './FieldGrid';
import type { FieldErrors } from './validation';

interface Props {
  idPrefix: string;
  value: LimitsDraft;
  errors: FieldErrors;
  onChange: (value: LimitsDraft) => void;
}

/** Placeholders mirror main's defaults (DEFAULT_LIMITS in main/chat/transport/limits.ts). */
const FIELDS: GridField<'bodyMb' | 'lineKb' | 'messageMb'>[] = [
  { key: 'bodyMb', label: 'Answer (MB)', placeholder: '64', hint: 'bytes received, unpacked' },
  { key: 'lineKb', label: 'Stream line (KB)', placeholder: '1024', hint: 'one event-stream line' },
  { key: 'messageMb', label: 'Message (MB)', placeholder: '8', hint: 'text of one answer' },
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
