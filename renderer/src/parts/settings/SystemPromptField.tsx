import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../../store';
import { registerFlusher } from '../../store/pendingEdits';
import { failureLine } from '../../platform/describeError';
import './settings.css';

const SAVE_DELAY_MS = 500;

/** The thread's system prompt, saved as you type (debounced), when you leave the field and before a send. */
export function SystemPromptField({ threadId }: { threadId: string }) {
  const id = useId();
  const stored = useStore((s) => s.details[threadId]?.thread.settings.systemPrompt ?? '');
  const updateSettings = useStore((s) => s.updateSettings);
  const [text, setText] = useState(stored);
  const [dirty, setDirty] = useState(false);
  const [synced, setSynced] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ text, dirty });

  if (!dirty && stored !== synced) {
    setText(stored);
    setSynced(stored);
  }

  const save = useCallback(
    async (value: string): Promise<string | null> => {
      latest.current = { text: value, dirty: false };
      setDirty(false);
      setSynced(value);
      const failure = await updateSettings(threadId, { systemPrompt: value });
      setError(failure ? failureLine(failure) : null);
      return failure ? `system prompt: ${failureLine(failure)}` : null;
    },
    [threadId, updateSettings],
  );

  useEffect(() => {
    latest.current = { text, dirty };
    if (!dirty) return;
    const timer = window.setTimeout(() => void save(text), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, dirty, save]);

  // A send saves what is typed here first, so the request carries it.
  useEffect(
    () => registerFlusher(threadId, async () => (latest.current.dirty ? save(latest.current.text) : null)),
    [threadId, save],
  );

  useEffect(
    () => () => {
      if (latest.current.dirty) void updateSettings(threadId, { systemPrompt: latest.current.text });
    },
    [threadId, updateSettings],
  );

  return (
    <div className="field settings-system">
      <label htmlFor={id}>System prompt</label>
      <textarea
        id={id}
        className="textarea settings-system-input"
        placeholder="How the assistant should behave in this thread (sent first, as the system message)."
        value={text}
        onChange={(e) => {
          latest.current = { text: e.target.value, dirty: true };
          setText(e.target.value);
          setDirty(true);
        }}
      />
      {error ? <p className="field-error">system prompt: {error}</p> : null}
    </div>
  );
}
