import { useEffect, useState } from 'react';
import type { AttachmentLimits } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { formatBytes } from '../../store/attachments/files';
import { Select } from '../../ui';
import type { SelectOption } from '../../ui';
import './attachments.css';

type NumberKey = 'requestMb' | 'imageMaxEdge' | 'imageMaxMb';
const FIELDS: { key: NumberKey; label: string; step: number }[] = [
  { key: 'requestMb', label: 'Request limit (MB)', step: 0.5 },
  { key: 'imageMaxEdge', label: 'Image longest edge (px)', step: 256 },
  { key: 'imageMaxMb', label: 'Image size (MB)', step: 0.5 },
];
const FILE_PARTS: SelectOption<AttachmentLimits['fileParts']>[] = [
  { id: 'auto', label: 'auto (by model)' },
  { id: 'always', label: 'always' },
  { id: 'never', label: 'never (text)' },
];

/**
 * The provider's attachment limits (what the preflight checks and images are scaled to) and the
 * space attachments take in the database. Read when shown; a change is saved on leaving the field.
 */
export function AttachmentSettings({ providerId }: { providerId: string }) {
  const [limits, setLimits] = useState<AttachmentLimits | null>(null);
  const [storage, setStorage] = useState<{ files: number; bytes: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.attachments.limits({ providerId }).then((r) => live && r.ok && setLimits(r.value));
    void api.attachments.storage({}).then((r) => live && r.ok && setStorage(r.value));
    return () => {
      live = false;
    };
  }, [providerId]);
  const save = async (patch: Partial<AttachmentLimits>) => {
    const result = await api.attachments.limits({ providerId, limits: patch });
    if (result.ok) {
      setLimits(result.value);
      setError(null);
    } else setError(failureLine(result.error));
  };
  if (!limits) return null;
  return (
    <details className="att-settings" data-testid="attachment-settings">
      <summary>Attachments</summary>
      <div className="att-settings-grid">
        {FIELDS.map(({ key, label, step }) => (
          <label key={`${key}-${limits[key]}`} className="att-settings-row">
            <span>{label}</span>
            <input
              type="number"
              className="input num"
              step={step}
              defaultValue={limits[key]}
              onBlur={(e) => {
                const value = Number(e.target.value);
                if (value !== limits[key]) void save({ [key]: value });
              }}
            />
          </label>
        ))}
        <Select<AttachmentLimits['fileParts']>
          label="PDFs as files"
          className="att-settings-row"
          size="sm"
          options={FILE_PARTS}
          value={limits.fileParts}
          onChange={(fileParts) => void save({ fileParts })}
        />
      </div>
      {error ? <p className="att-settings-error">{error}</p> : null}
      {storage ? (
        <p className="field-hint num">
          Stored: {storage.files} file{storage.files === 1 ? '' : 's'}, {formatBytes(storage.bytes)} (removed
          when no message uses them)
        </p>
      ) : null}
    </details>
  );
}
