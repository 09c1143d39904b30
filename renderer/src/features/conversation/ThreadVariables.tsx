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

// A user message's names, found once per message object: the store keeps a message's object
// while other messages change, so an answer streaming in does not scan the thread again per frame.
const namesOfMessage = new WeakMap<object, string[]>();
function messageNames(message: Pick<Message, 'content'>): string[] {
  let names = namesOfMessage.get(message);
  if (names === undefined) {
    names = userVariablesIn(message.content);
    namesOfMessage.set(message, names);
  }
  return names;
}

/** The `{{names}}` of the system prompt, the draft and the user's messages, in order of first use. */
export function variableNames(detail: DetailLike | undefined, draft: string): string[] {
  if (!detail) return [];
  const names = new Set(userVariablesIn(detail.thread.settings.systemPrompt, draft));
  for (const m of detail.messages) if (m.role === 'user') for (const name of messageNames(m)) names.add(name);
  return [...names];
}

/** The `{{names}}` of the system prompt, the draft and the user's messages, and which have no value. */
export function threadVariables(
  detail: DetailLike | undefined,
  draft: string,
): { names: string[]; missing: string[] } {
  const names = variableNames(detail, draft);
  const values = detail?.thread.settings.variables ?? {};
  return { names, missing: names.filter((name) => values[name] === undefined || values[name] === '') };
}

/**
 * The names as one string, for a store selector: it stays equal while an answer streams, so the
 * composer and this form do not render again per frame.
 */
export const variableNamesKey = (detail: DetailLike | undefined, draft: string): string =>
  variableNames(detail, draft).join('\n');

/** Saved a moment after typing stops, so a value is not written per keystroke. */
const SAVE_AFTER_MS = 300;

/**
 * A form for the thread's variables, shown when its prompt or messages use any: filled into the
 * request when sent (the inspector shows the filled request). Send waits until each has a value.
 */
export function ThreadVariables({ threadId, draft }: { threadId: string; draft: string }) {
  const namesKey = useStore((s) => variableNamesKey(s.details[threadId], draft));
  const saved = useStore((s) => s.details[threadId]?.thread.settings.variables);
  const updateSettings = useStore((s) => s.updateSettings);
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
  const names = namesKey === '' ? [] : namesKey.split('\n');
  const missing = names.filter((name) => values[name] === undefined || values[name] === '');
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
