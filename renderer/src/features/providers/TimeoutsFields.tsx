import type { TimeoutDraft } from './draft';
import { DEFAULT_TIMEOUTS } from '../../../../main/contract';
import { FieldGrid, type GridField } from './FieldGrid';
import type { FieldErrors } from './validation';

interface Props {
  idPrefix: string;
  value: TimeoutDraft;
  errors: FieldErrors;
  onChange: (value: TimeoutDraft) => void;
}

const FIELDS: GridField<keyof TimeoutDraft>[] = [
  {
    key: 'connect',
    label: 'Connect (s)',
    placeholder: String(DEFAULT_TIMEOUTS.connectMs / 1000),
    hint: 'to open the connection',
  },
  {
    key: 'firstByte',
    label: 'First byte (s)',
    placeholder: String(DEFAULT_TIMEOUTS.firstByteMs / 1000),
    hint: 'until the answer starts',
  },
  {
    key: 'idle',
    label: 'Idle (s)',
    placeholder: String(DEFAULT_TIMEOUTS.idleMs / 1000),
    hint: 'silence mid-stream',
  },
];

export function TimeoutsFields({ idPrefix, value, errors, onChange }: Props) {
  return (
    <FieldGrid
      legend="Timeouts"
      columns={3}
      idPrefix={idPrefix}
      errorPrefix="timeouts"
      fields={FIELDS}
      value={value}
      errors={errors}
      onChange={onChange}
      input={{ className: 'input num', inputMode: 'decimal' }}
    />
  );
}
