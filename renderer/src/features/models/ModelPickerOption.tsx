import { Check } from 'lucide-react';
import type { PickerEntry } from '../../store/providers/pickerModel';
import { formatContextLength } from './capabilities';
import { CapabilityIcons } from './CapabilityIcons';
import { VisibleName } from '../../platform/visibleName';

interface Props {
  id: string;
  entry: PickerEntry;
  active: boolean;
  current: boolean;
  showProvider: boolean;
  onHover: () => void;
  onPick: () => void;
}

/** One model in the picker. Forbidden models are greyed, say why, and ignore clicks. */
export function ModelPickerOption({ id, entry, active, current, showProvider, onHover, onPick }: Props) {
  const { model } = entry;
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-disabled={entry.disabled || undefined}
      aria-current={current || undefined}
      className={`models-option${active ? ' is-active' : ''}${entry.disabled ? ' is-disabled' : ''}`}
      data-model={model.id}
      data-provider={entry.providerId}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={() => {
        if (!entry.disabled && !active) onHover();
      }}
      onClick={() => {
        if (!entry.disabled) onPick();
      }}
    >
      <span className="models-option-check" aria-hidden="true">
        {current ? <Check size={14} /> : null}
      </span>
      <VisibleName className="models-option-name mono" name={model.id} />
      {showProvider ? <span className="models-option-provider">{entry.providerName}</span> : null}
      {model.confidential ? <span className="chip chip-confidential">confidential</span> : null}
      {entry.disabled ? (
        <span className="models-option-reason">{entry.reason}</span>
      ) : (
        <>
          <CapabilityIcons capabilities={model.capabilities} />
          {model.contextLength !== null ? (
            <span className="models-option-ctx num">{formatContextLength(model.contextLength)}</span>
          ) : null}
        </>
      )}
    </div>
  );
}
