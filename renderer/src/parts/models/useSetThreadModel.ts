import { useCallback } from 'react';
import { useStore } from '../../store';

/** Saves a thread's provider and model, saying so when that fails. */
export function useSetThreadModel(threadId: string): (providerId: string, model: string) => void {
  const updateSettings = useStore((s) => s.updateSettings);
  const toast = useStore((s) => s.toast);
  return useCallback(
    (providerId, model) =>
      void updateSettings(threadId, { providerId, model }).then((e) => {
        if (e) toast('error', `Could not change the model: ${e.message}`);
      }),
    [threadId, updateSettings, toast],
  );
}
