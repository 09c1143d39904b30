import type { SliceCreator } from '../types';

export type Screen = 'chat' | 'providers' | 'tools' | 'mcp' | 'usage' | 'experiments';

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
  action?: { label: string; run: () => void };
}

export interface UiSlice {
  screen: Screen;
  inspectorOpen: boolean;
  shortcutsOpen: boolean;
  searchOpen: boolean;
  toasts: Toast[];
  setScreen(screen: Screen): void;
  toggleInspector(open?: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setSearchOpen(open: boolean): void;
  /** Shows a short message; returns its id so callers can dismiss it early. */
  toast(kind: Toast['kind'], message: string, action?: Toast['action']): number;
  dismissToast(id: number): void;
}

let nextToastId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  screen: 'chat',
  inspectorOpen: true,
  shortcutsOpen: false,
  searchOpen: false,
  toasts: [],
  setScreen: (screen) => set({ screen }),
  toggleInspector: (open) => set((s) => ({ inspectorOpen: open ?? !s.inspectorOpen })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setSearchOpen: (searchOpen) => set({ searchOpen }),
  toast: (kind, message, action) => {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, message, action }] }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
