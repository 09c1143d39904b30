import { Check } from 'lucide-react';
import type { PickerEntry } from '../../store/providers/pickerModel';
import { ComboOption } from '../../ui';
import { formatContextLength } from './capabilities';
import { CapabilityIcons } from './CapabilityIcons';
import { VisibleName } from '../../platform/visibleName';
import './models.css';

interface Props {
  entry: PickerEntry;
  current: boolean;
  showProvider: boolean;
}

/** One model in the picker. Forbidden models are greyed and say why; the list skips them. */
export function ModelPickerOption({ entry, current, showProvider }: Props) {
  const { model } = entry;
  return (
    <ComboOption
      id={entry.key}
      textValue={`${model.id}${current ? ' (current)' : ''}`}
      className={`models-option${entry.disabled ? ' is-disabled' : ''}`}
      data-model={model.id}
      data-provider={entry.providerId}
    >
      <span className="models-option-check" aria-hidden="true">
        {current ? <Check size={14} /> : null}
      </span>
      <VisibleName className="models-option-name mono" name={model.id} />
      {current ? <span className="visually-hidden"> (current)</span> : null}
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
    </ComboOption>
  );
}
