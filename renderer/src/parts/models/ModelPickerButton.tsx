import { ChevronDown } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { PickerDialog } from './PickerDialog';
import { usePickerDialog } from './usePickerDialog';
import './models.css';

interface Props {
  providerId: string | null;
  model: string | null;
  onChange: (providerId: string, model: string) => void;
  /** Where focus goes after a pick (Esc always returns it to this button). */
  afterPick?: () => void;
}

/** Shows the chosen provider and model; opens the picker on click or Enter and hands the choice back. */
export function ModelPickerButton({ providerId, model, onChange, afterPick }: Props) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const picker = usePickerDialog(buttonRef, afterPick);
  const providerName = useStore((s) =>
    providerId === null ? null : (s.providers.find((p) => p.id === providerId)?.name ?? null),
  );
  const info = useStore((s) =>
    providerId === null || model === null
      ? undefined
      : s.models[providerId]?.models.find((m) => m.id === model),
  );
  const forbidden = info !== undefined && !info.allowed;
  // The name holds every visible word in order (chips too): what is seen is what is said.
  const chips = `${info?.confidential ? ', confidential' : ''}${forbidden ? `, ${info.hiddenReason ?? 'not allowed'}` : ''}`;
  const ensureProvidersSync = useStore((s) => s.ensureProvidersSync);
  const loadModels = useStore((s) => s.loadModels);
  const providerKnown = useStore((s) => providerId !== null && s.providers.some((p) => p.id === providerId));
  const modelsMissing = useStore(
    (s) =>
      providerId !== null && s.models[providerId] === undefined && s.modelsError[providerId] === undefined,
  );

  useEffect(() => ensureProvidersSync(), [ensureProvidersSync]);
  useEffect(() => {
    // Knowing the current model's flags lets the button say "confidential" or why it is not allowed.
    if (providerId !== null && providerKnown && modelsMissing) void loadModels(providerId);
  }, [providerId, providerKnown, modelsMissing, loadModels]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`models-picker-button${forbidden ? ' is-forbidden' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={picker.open}
        aria-label={
          model
            ? `Model: ${model}${providerName ? `, ${providerName}` : ''}${chips}. Change model`
            : 'Choose a model'
        }
        onClick={picker.show}
      >
        <span className="models-picker-button-text">
          <span className="mono models-picker-button-model">{model ?? 'Choose a model…'}</span>
          {/* Words of adjacent spans stay apart in the accessible text. */ ' '}
          {providerName ? <span className="models-picker-button-provider">{providerName}</span> : null}
        </span>{' '}
        {info?.confidential ? <span className="chip chip-confidential">confidential</span> : null}{' '}
        {forbidden ? <span className="chip chip-warn">{info.hiddenReason ?? 'not allowed'}</span> : null}
        <ChevronDown className="models-picker-button-caret" size={14} />
      </button>
      <PickerDialog picker={picker} providerId={providerId} model={model} onPick={onChange} />
    </>
  );
}
