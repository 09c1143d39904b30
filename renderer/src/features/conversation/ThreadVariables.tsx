import { useEffect, useRef, useState } from 'react';
import type { Message, ThreadSettings } from '../../../../main/contract';
import {
  BUILT_IN_VARIABLES,
  missingVariablesMessage,
  userVariablesIn,
} from '../../../../main/contract/templateVars';
import { useStore } from '../../store';

interface DetailLike {
  thread: { settings: ThreadSettings };
  messages: readonly Pick<Message, 'role' | 'content'>[];
}

/** The `{{names}}` of the system prompt, the draft and the user's messages, and which have no value. */
export function threadVariables(
  detail: DetailLike | undefined,
  draft: string,
): { names: string[]; missing: string[] } {
  if (!detail) return { names: [], missing: [] };
  const { settings } = detail.thread;
  const names = userVariablesIn(
    settings.systemPrompt,
    draft,
    ...detail.messages.filter((m) => m.role === 'user').map((m) => m.content),
  );
  const values = settings.variables ?? {};
  return { names, missing: names.filter((name) => values[name] === undefined || values[name] === '') };
}

/** Saved a moment after typing stops, so a value is not written per keystroke. */
const SAVE_AFTER_MS = 300;

/**
 * A form for the thread's variables, shown when its prompt or messages use any: filled into the
 * request when sent (the inspector shows the filled request). Send waits until each has a value.
 */
export function ThreadVariables({ threadId, draft }: { threadId: string; draft: string }) {
  const detail = useStore((s) => s.details[threadId]);
  const updateSettings = useStore((s) => s.updateSettings);
  const saved = detail?.thread.settings.variables;
  // What was typed here over what is saved: a save in flight never undoes a keystroke.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const values = { ...saved, ...edits };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const { names, missing } = threadVariables(
    detail
      ? { ...detail, thread: { settings: { ...detail.thread.settings, variables: values } } }
      : undefined,
    draft,
  );
  if (names.length === 0) return null;
  const change = (name: string, value: string) => {
    const next = { ...values, [name]: value };
    setEdits({ ...edits, [name]: value });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void updateSettings(threadId, { variables: next }), SAVE_AFTER_MS);
  };
  return (
    <fieldset className="composer-vars" data-testid="thread-variables">
      <legend className="composer-vars-title">
        Variables{' '}
        <span className="composer-vars-note">
          also built in: {BUILT_IN_VARIABLES.map((v) => `{{${v}}}`).join(' ')}
        </span>
      </legend>
      {names.map((name) => (
        <label key={name} className="composer-var">
          <span className="mono">{`{{${name}}}`}</span>
          <input
            className="input"
            aria-label={`Value of ${name}`}
            aria-invalid={missing.includes(name)}
            value={values[name] ?? ''}
            onChange={(e) => change(name, e.target.value)}
          />
        </label>
      ))}
      {missing.length ? (
        <p className="composer-vars-missing" role="status">
          {missingVariablesMessage(missing)}
        </p>
      ) : null}
    </fieldset>
  );
}
