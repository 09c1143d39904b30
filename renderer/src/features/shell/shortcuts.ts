export type ShortcutId =
  | 'newThread'
  | 'search'
  | 'switchThread'
  | 'prevThread'
  | 'nextThread'
  | 'focusComposer'
  | 'stop'
  | 'toggleInspector'
  | 'shortcuts';

export interface ShortcutHelp {
  id: ShortcutId;
  keys: string[][];
  description: string;
}

/** Everything the shortcuts sheet lists; `Mod` reads Ctrl, or ⌘ on macOS. */
export const SHORTCUTS: readonly ShortcutHelp[] = [
  { id: 'newThread', keys: [['Mod', 'N']], description: 'New thread' },
  { id: 'search', keys: [['Mod', 'K']], description: 'Search all threads' },
  { id: 'switchThread', keys: [['Mod', '1…9']], description: 'Open the 1st…9th thread in the list' },
  { id: 'prevThread', keys: [['Alt', '↑']], description: 'Previous thread' },
  { id: 'nextThread', keys: [['Alt', '↓']], description: 'Next thread' },
  { id: 'focusComposer', keys: [['Mod', 'L'], ['/']], description: 'Focus the message box' },
  { id: 'stop', keys: [['Esc']], description: 'Stop the answer being written' },
  { id: 'toggleInspector', keys: [['Mod', 'I']], description: 'Show or hide the inspector' },
  { id: 'shortcuts', keys: [['?']], description: 'Show this list' },
];

/** Keys inside lists and the composer, shown on the sheet too. */
export const CONTEXT_KEYS: readonly { keys: string[][]; description: string }[] = [
  { keys: [['Enter']], description: 'Send (in the message box)' },
  { keys: [['Shift', 'Enter']], description: 'New line (in the message box)' },
  { keys: [['↑']], description: 'Edit your last message (empty message box)' },
  { keys: [['↑'], ['↓']], description: 'Move through threads, search results and messages' },
  { keys: [['F2']], description: 'Rename the focused thread' },
  { keys: [['Delete']], description: 'Delete the focused thread (with undo)' },
  { keys: [['Shift', 'F10']], description: 'Actions for the focused thread' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Match {
  id: ShortcutId;
  /** For `switchThread`: 0-based position in the list. */
  index?: number;
}

/**
 * Which global shortcut a key press is. `inText`: focus is in a text field, where plain keys
 * (`/`, `?`) belong to the field and only modified keys and Esc count.
 */
export function matchShortcut(e: KeyLike, isMac: boolean, inText: boolean): Match | null {
  const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey && !e.shiftKey) {
    if (key === 'n') return { id: 'newThread' };
    if (key === 'k') return { id: 'search' };
    if (key === 'l') return { id: 'focusComposer' };
    if (key === 'i') return { id: 'toggleInspector' };
    if (/^[1-9]$/u.test(key)) return { id: 'switchThread', index: Number(key) - 1 };
    return null;
  }
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    if (key === 'ArrowUp') return { id: 'prevThread' };
    if (key === 'ArrowDown') return { id: 'nextThread' };
    return null;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (key === 'Escape') return { id: 'stop' };
  if (inText) return null;
  if (key === '/') return { id: 'focusComposer' };
  if (key === '?') return { id: 'shortcuts' };
  return null;
}
