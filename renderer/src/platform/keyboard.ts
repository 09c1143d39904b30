/** macOS uses ⌘ where other systems use Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);

export function keyLabel(key: string): string {
  if (key === 'Mod') return isMac ? '⌘' : 'Ctrl';
  if (key === 'Alt') return isMac ? '⌥' : 'Alt';
  return key;
}

/** Whether keyboard focus is in a place that takes typing. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'range', 'submit'].includes(target.type);
  return false;
}

/** Moves focus to the message box, if the chat screen shows one. */
export function focusComposer(): void {
  document.querySelector<HTMLTextAreaElement>('[data-testid="composer"]')?.focus();
}
