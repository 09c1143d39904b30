import { Suspense, lazy } from 'react';

// The picker's code loads on its first opening: it is not part of the first screen.
const ModelPicker = lazy(() => import('./ModelPicker').then((m) => ({ default: m.ModelPicker })));
import type { usePickerDialog } from './usePickerDialog';
import './models.css';

interface Props {
  picker: ReturnType<typeof usePickerDialog>;
  providerId: string | null;
  model: string | null;
  onPick: (providerId: string, model: string) => void;
}

/** The model picker while its trigger's dialog is open; a pick is noted so focus goes where it belongs. */
export function PickerDialog({ picker, providerId, model, onPick }: Props) {
  if (!picker.open) return null;
  return (
    <Suspense fallback={null}>
      <ModelPicker
        providerId={providerId}
        model={model}
        onPick={(p, m) => {
          picker.notePicked();
          onPick(p, m);
        }}
        onClose={picker.close}
      />
    </Suspense>
  );
}
