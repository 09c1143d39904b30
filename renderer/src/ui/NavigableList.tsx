import type { KeyboardEvent, ReactNode } from 'react';

/** Marks the element inside an item that takes focus when the arrows reach its item. */
export const NAV_ITEM = { 'data-nav-item': '' } as const;

interface NavigableListProps {
  'aria-label': string;
  className?: string;
  children: ReactNode;
}

/**
 * A plain `<ul>` whose items are walked with ↑/↓, Home/End and PageUp/PageDown (ten items): focus
 * moves between the elements marked with `{...NAV_ITEM}` (a row's main button), in document order.
 *
 * For long lists that must stay cheap (the threads pane holds every thread, 10,000 and more): it
 * keeps no state and renders nothing per item, so a key press costs one DOM query and a focus
 * and a list change costs nothing here. React Aria's collections (GridList, ListBox) build a
 * collection of every item and re-render the items when focus moves; virtualised, its GridList
 * took ~110 ms per scroll frame at 10,000 threads, so this one list keeps its own handler, here
 * in ui/ rather than in the feature. Use ui/Listbox or ui/GridList for lists of ordinary length.
 */
export function NavigableList({ className, children, ...aria }: NavigableListProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const step = STEP[e.key];
    if (step === undefined) return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-nav-item]')];
    // Only from an item itself: a row's other controls (its menu, a rename field) keep their keys.
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    const next =
      step === -Infinity ? 0 : step === Infinity ? items.length - 1 : clamp(at + step, items.length);
    items[next]?.focus();
  };
  return (
    <ul {...aria} className={className} onKeyDown={onKeyDown}>
      {children}
    </ul>
  );
}

const STEP: Record<string, number> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: 10,
  PageUp: -10,
  Home: -Infinity,
  End: Infinity,
};

const clamp = (index: number, length: number) => Math.max(0, Math.min(length - 1, index));
