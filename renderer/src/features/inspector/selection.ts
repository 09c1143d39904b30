import type { Message } from '../../../../main/contract/chat';

export interface InspectedAnswer {
  message: Message;
  /** True when nothing was selected and the latest answer on the active path is shown instead. */
  fallback: boolean;
}

/**
 * The assistant answer the inspector describes: the selected one; for a selected user or tool
 * message, the newest answer to it; with no selection, the last answer on the active path.
 */
export function inspectedAnswer(
  selectedId: string | null,
  messages: readonly Message[],
  activePath: readonly Message[],
): InspectedAnswer | null {
  const selected = selectedId === null ? undefined : messages.find((m) => m.id === selectedId);
  if (selected?.role === 'assistant') return { message: selected, fallback: false };
  if (selected) {
    const answer = messages
      .filter((m) => m.parentId === selected.id && m.role === 'assistant')
      .sort((a, b) => a.createdAt - b.createdAt)
      .at(-1);
    if (answer) return { message: answer, fallback: false };
  }
  const latest = [...activePath].reverse().find((m) => m.role === 'assistant');
  return latest ? { message: latest, fallback: true } : null;
}
