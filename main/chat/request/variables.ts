import type { Message, ThreadSettings } from '../../contract';
import { AppFailure, fillTemplate, missingVariablesMessage } from '../../contract';

/**
 * `{{name}}` in the system prompt and the user's messages, filled from the thread's variables
 * (and the built-ins) into the request only: the stored messages keep what the user wrote, the
 * request bytes (what the inspector shows) hold the filled text. Answers are never filled: a
 * model that wrote `{{x}}` meant it. A variable without a value refuses the send by name.
 */
export function fillThreadVariables(
  settings: Pick<ThreadSettings, 'systemPrompt' | 'variables'>,
  path: readonly Message[],
  now: Date,
): { systemPrompt: string; path: Message[] } {
  const values = settings.variables ?? {};
  const missing = new Set<string>();
  const fill = (text: string): string => {
    const filled = fillTemplate(text, values, now);
    filled.missing.forEach((name) => missing.add(name));
    return filled.text;
  };
  const systemPrompt = fill(settings.systemPrompt);
  const filledPath = path.map((m) => (m.role === 'user' ? { ...m, content: fill(m.content) } : m));
  if (missing.size > 0)
    throw new AppFailure('invalid_request', missingVariablesMessage([...missing]), {
      detail: { field: 'variables' },
    });
  return { systemPrompt, path: filledPath };
}
