import type { KeyboardEvent } from 'react';

/** Where ↑/↓ go from item `at` of `count`: the neighbour, or nowhere at the ends. */
export function nextItem(key: string, at: number, count: number): number | null {
  const step = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : 0;
  const next = at + step;
  return step === 0 || next < 0 || next >= count ? null : next;
}

export interface ListKeysOptions {
  /** How many items the list holds, drawn or not. */
  count: number;
  /** The item a key press came from, by index, or null when it came from anything else inside. */
  indexOf(target: Element): number | null;
  /** Brings item `index` into view and focuses it (drawing it first if the list had not). */
  moveTo(index: number): void;
}

/**
 * ↑/↓ from an item of a list to its neighbour, for lists that draw only the items near the view
 * (the conversation's messages): unlike `NavigableList`, which walks the items in the page, the
 * caller draws the one asked for. Only from an item itself and only unmodified keys, so text,
 * buttons and editors inside an item keep theirs; the ends leave the key to the scroll box.
 */
export function listKeys({ count, indexOf, moveTo }: ListKeysOptions) {
  return (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
    if (!(event.target instanceof Element)) return;
    const at = indexOf(event.target);
    const next = at === null ? null : nextItem(event.key, at, count);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };
}
