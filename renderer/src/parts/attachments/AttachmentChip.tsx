import { FileText, ImageIcon, X } from 'lucide-react';
import type { ImageDetail } from '../../../../main/contract';
import { VisibleName } from '../../platform/visibleName';
import { useStore } from '../../store';
import { formatBytes } from '../../store/attachments/files';
import { partOf } from '../../store/attachments/selectors';
import type { Chip } from '../../store/attachments/slice';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Select } from '../../ui';
import type { SelectOption } from '../../ui';
import { sentAsText } from './words';
import './attachments.css';

const DETAILS: SelectOption<ImageDetail>[] = [
  { id: 'auto', label: 'auto' },
  { id: 'low', label: 'low' },
  { id: 'high', label: 'high' },
];
const PDF_AS: SelectOption<'text' | 'pages'>[] = [
  { id: 'text', label: 'as text' },
  { id: 'pages', label: 'as page images' },
];

/** One file above the composer: what it is, what was done to it, what will be sent, and remove. */
export function AttachmentChip({ threadId, chip }: { threadId: string; chip: Chip }) {
  const part = useStore((s) => partOf(s, threadId, chip));
  const removeChip = useStore((s) => s.removeChip);
  const setChip = useStore((s) => s.setChip);
  const ref = chip.staged?.ref ?? null;
  const omitted = part?.sentAs === 'omitted';
  const state = chip.status === 'error' ? 'error' : omitted ? 'omitted' : chip.status;
  // The detail picked on this chip, not the one the file was read with, is what goes out.
  const sending = ref && { ...ref, detail: chip.detail };
  return (
    <li className={`att-chip is-${state}`} data-testid="attachment-chip" data-state={state}>
      <span className="att-thumb" aria-hidden="true">
        {ref?.thumbnail ? (
          <img src={ref.thumbnail} alt="" />
        ) : ref?.kind === 'image' ? (
          <ImageIcon size={16} />
        ) : (
          <FileText size={16} />
        )}
      </span>
      <span className="att-text">
        <span className="att-name">
          <VisibleName name={chip.name} /> <span className="att-size">{formatBytes(chip.size)}</span>
        </span>
        <span className="att-what" data-testid="attachment-what">
          {chip.status === 'reading'
            ? 'Reading…'
            : chip.status === 'error'
              ? `Not attached: ${chip.error ?? 'it could not be read'}`
              : [sentAsText(sending, part), ...(ref?.notes ?? [])].filter(Boolean).join(' · ')}
        </span>
      </span>
      {ref?.kind === 'image' && !omitted ? (
        <Select<ImageDetail>
          label={`Detail for ${chip.name}`}
          hideLabel
          size="sm"
          className="att-detail"
          options={DETAILS}
          value={chip.detail}
          onChange={(detail) => setChip(threadId, chip.key, { detail })}
        />
      ) : null}
      {part?.pdfChoice ? (
        <Select<'text' | 'pages'>
          label={`Send ${chip.name} as`}
          hideLabel
          size="sm"
          className="att-detail"
          options={PDF_AS}
          value={chip.pdfAs ?? (part.sentAs === 'pages' ? 'pages' : 'text')}
          onChange={(pdfAs) => setChip(threadId, chip.key, { pdfAs })}
        />
      ) : null}
      {omitted && !part?.pdfChoice ? (
        <Button size="sm" onPress={() => setChip(threadId, chip.key, { useAnyway: true })}>
          Use anyway
        </Button>
      ) : null}
      <IconButton label={`Remove ${chip.name}`} onPress={() => removeChip(threadId, chip.key)}>
        <X size={14} />
      </IconButton>
    </li>
  );
}
