import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../../store';

const SAVE_DELAY_MS = 500;

/** The thread's system prompt, saved as you type (debounced) and when you leave the field. */
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

  useEffect(() => {
    latest.current = { text, dirty };
    if (!dirty) return;
    const timer = window.setTimeout(() => {
      setDirty(false);
      setSynced(text);
      void updateSettings(threadId, { systemPrompt: text }).then((e) => setError(e ? e.message : null));
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, dirty, threadId, updateSettings]);

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
          setText(e.target.value);
          setDirty(true);
        }}
      />
      {error ? <p className="field-error">system prompt: {error}</p> : null}
    </div>
  );
}
