import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';
import { ModelPicker } from './ModelPicker';

interface Props {
  providerId: string | null;
  model: string | null;
  onChange: (providerId: string, model: string) => void;
}

/** Shows the chosen provider and model; opens the picker on click or Enter and hands the choice back. */
export function ModelPickerButton({ providerId, model, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const providerName = useStore((s) =>
    providerId === null ? null : (s.providers.find((p) => p.id === providerId)?.name ?? null),
  );
  const info = useStore((s) =>
    providerId === null || model === null
      ? undefined
      : s.models[providerId]?.models.find((m) => m.id === model),
  );
  const forbidden = info !== undefined && !info.allowed;
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
  const restoreFocus = useRef(false);
  // Focus can return only once the modal dialog is gone (while open, the page behind it is inert).
  useEffect(() => {
    if (!open && restoreFocus.current) {
      restoreFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [open]);
  const close = () => {
    restoreFocus.current = true;
    setOpen(false);
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`models-picker-button${forbidden ? ' is-forbidden' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={
          model
            ? `Model: ${model}${providerName ? ` on ${providerName}` : ''}. Change model`
            : 'Choose a model'
        }
        onClick={() => setOpen(true)}
      >
        <span className="models-picker-button-text">
          <span className="mono models-picker-button-model">{model ?? 'Choose a model…'}</span>
          {providerName ? <span className="models-picker-button-provider">{providerName}</span> : null}
        </span>
        {info?.confidential ? <span className="chip chip-confidential">confidential</span> : null}
        {forbidden ? <span className="chip chip-warn">{info.hiddenReason ?? 'not allowed'}</span> : null}
        <span aria-hidden="true" className="models-picker-button-caret">
          ▾
        </span>
      </button>
      {open ? <ModelPicker providerId={providerId} model={model} onPick={onChange} onClose={close} /> : null}
    </>
  );
}
