import { ChevronDown } from 'lucide-react';
import { useRef } from 'react';
import { useStore } from '../../store';
import { focusComposer } from '../../platform/keyboard';
import { PickerDialog } from './PickerDialog';
import { usePickerDialog } from './usePickerDialog';
import { useSetThreadModel } from './useSetThreadModel';
import './models.css';

/**
 * The thread header's model: opens the model picker right there (not the inspector), and after a
 * pick puts the cursor back in the message box.
 */
export function ModelChip({ threadId }: { threadId: string }) {
  const providerId = useStore((s) => s.details[threadId]?.thread.settings.providerId ?? null);
  const model = useStore((s) => s.details[threadId]?.thread.settings.model ?? null);
  const providerName = useStore((s) =>
    providerId === null ? null : (s.providers.find((p) => p.id === providerId)?.name ?? null),
  );
  const setModel = useSetThreadModel(threadId);
  const chipRef = useRef<HTMLButtonElement>(null);
  const picker = usePickerDialog(chipRef, focusComposer);

  return (
    <>
      <button
        ref={chipRef}
        type="button"
        className="conv-model"
        aria-haspopup="dialog"
        aria-expanded={picker.open}
        aria-label={
          model ? `Model: ${model}${providerName ? `, ${providerName}` : ''}. Change model` : 'Choose a model'
        }
        title="Change model"
        onClick={picker.show}
      >
        <span className="mono conv-model-name">{model ?? 'Choose a model'}</span>
        {/* Words of adjacent spans stay apart in the accessible text. */ ' '}
        {providerName ? <span className="conv-model-provider">{providerName}</span> : null}
        <ChevronDown size={14} className="conv-model-caret" />
      </button>
      <PickerDialog picker={picker} providerId={providerId} model={model} onPick={setModel} />
    </>
  );
}
