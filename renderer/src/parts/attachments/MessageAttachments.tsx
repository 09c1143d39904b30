import { FileText } from 'lucide-react';
import type { AttachmentRef } from '../../../../main/contract';
import { VisibleName } from '../../platform/visibleName';
import { formatBytes } from '../../store/attachments/files';
import './attachments.css';

function describe(ref: AttachmentRef): string {
  if (ref.kind === 'image' && ref.size)
    return `${ref.size.width}×${ref.size.height} ${ref.mime.replace('image/', '').toUpperCase()}`;
  if (ref.kind === 'pdf') return `PDF, ${ref.pages ?? 0} page${ref.pages === 1 ? '' : 's'}`;
  return 'text';
}

/** The files a user message carried, as they were stored and sent. */
export function MessageAttachments({ refs }: { refs: readonly AttachmentRef[] }) {
  return (
    <ul className="att-sent" aria-label="Attached files" data-testid="message-attachments">
      {refs.map((ref, i) => (
        <li key={`${ref.sha256}-${i}`} className="att-sent-item" title={ref.notes.join(' · ') || undefined}>
          {ref.thumbnail ? (
            <img className="att-sent-thumb" src={ref.thumbnail} alt={`${ref.name} (thumbnail)`} />
          ) : (
            <FileText size={16} aria-hidden="true" />
          )}
          <span className="att-sent-text">
            <VisibleName name={ref.name} />
            <span className="att-size">
              {describe(ref)} · {formatBytes(ref.storedBytes)}
              {ref.useAnyway ? ' · sent with “Use anyway”' : ''}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
