import { useState } from 'react';
import type { ThreadSettings } from '../../../../main/contract/threads';
import { useStore } from '../../store';
import { failureLine } from '../../platform/describeError';

export interface ThreadSettingsHandle {
  settings: ThreadSettings | null;
  /** Saves a partial change; the form shows it at once and rolls back if main refuses it. */
  save(patch: Partial<ThreadSettings>): Promise<void>;
  error: string | null;
}

/** A thread's settings from the conversation store, with edits shown before main confirms them. */
export function useThreadSettings(threadId: string): ThreadSettingsHandle {
  const stored = useStore((s) => s.details[threadId]?.thread.settings ?? null);
  const toast = useStore((s) => s.toast);
  const updateSettings = useStore((s) => s.updateSettings);
  const [pending, setPending] = useState<Partial<ThreadSettings>>({});
  const [error, setError] = useState<string | null>(null);

  const [seen, setSeen] = useState(stored);
  // Once the store carries main's copy, the local overlay has done its job.
  if (seen !== stored) {
    setSeen(stored);
    setPending({});
  }

  const save = async (patch: Partial<ThreadSettings>) => {
    setPending((p) => ({ ...p, ...patch }));
    setError(null);
    const failure = await updateSettings(threadId, patch);
    if (failure) {
      setPending((p) => {
        const next = { ...p };
        for (const key of Object.keys(patch) as (keyof ThreadSettings)[]) delete next[key];
        return next;
      });
      setError(failureLine(failure));
      toast('error', `Could not save: ${failureLine(failure)}`);
    }
  };

  return { settings: stored ? { ...stored, ...pending } : null, save, error };
}
