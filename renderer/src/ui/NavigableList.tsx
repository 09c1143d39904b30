import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent, ReactNode } from 'react';

/** Marks the element inside an item that takes focus when the arrows reach its item. */
export const NAV_ITEM = { 'data-nav-item': '' } as const;

interface NavigableListProps<R> {
  'aria-label': string;
  className?: string;
  rows: readonly R[];
  rowKey(row: R): string;
  /** Rows the arrows stop on (a thread); the others (a folder's heading) are passed over. */
  isItem(row: R): boolean;
  /** Rows hidden from screen readers (a decorative heading): they take no place in the count. */
  isHidden?(row: R): boolean;
  /** A first guess of a row's height in px; each drawn row is measured. */
  estimateSize(row: R): number;
  /** Class of the scrolling element the list draws itself in (its size decides what is drawn). */
  scrollClassName?: string;
  /** The key of the row to keep drawn and bring into view when it changes (the open thread). */
  activeKey?: string | null;
  /** A row's content; the list wraps it in its `<li>` (placed, measured, counted). */
  renderRow(row: R): ReactNode;
}

/**
 * A `<ul>` that draws only the rows in view (and a few around them), whose items are walked with
 * ↑/↓, Home/End and PageUp/PageDown (ten items): focus moves between the elements marked with
 * `{...NAV_ITEM}` (a row's main button), by row index, drawing the row it lands on first. It draws
 * itself inside its own scrolling element (`scrollClassName`).
 *
 * For the threads pane, which holds every thread (2,000 and more): drawing all of them cost a
 * start on the 1M-message corpus seconds of layout and React work before the newest thread could
 * even be asked for. React Aria's collections (GridList, ListBox) build a collection of every item
 * and re-render the items when focus moves (~110 ms per scroll frame at 10,000 threads), so this
 * list keeps its own handler. The focused row and the active one stay drawn when scrolled away,
 * so focus is never dropped; each row carries aria-setsize/aria-posinset, since a screen reader
 * sees only the drawn ones. Use ui/Listbox or ui/GridList for lists of ordinary length.
 */
export function NavigableList<R>(props: NavigableListProps<R>) {
  const { rows, rowKey, isItem, isHidden, estimateSize, activeKey, renderRow } = props;
  // The list owns its scrolling element: a parent's ref is not yet set when a child's layout
  // effects run, and the virtualiser reads the element in one.
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const pendingFocus = useRef<number | null>(null);
  // Where the list starts inside its scrolling element (the pane's padding).
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollRef.current;
    if (!list || !scroller) return;
    const offset =
      list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    setMargin((m) => (Math.abs(m - offset) < 0.5 ? m : offset));
  }, []);

  const sizeOf = useCallback((i: number) => estimateSize(rows[i] as R), [rows, estimateSize]);
  const keyOf = useCallback((i: number) => rowKey(rows[i] as R), [rows, rowKey]);
  const indexOfKey = useMemo(() => new Map(rows.map((r, i) => [rowKey(r), i])), [rows, rowKey]);
  const items = useMemo(() => rows.flatMap((r, i) => (isItem(r) ? [i] : [])), [rows, isItem]);
  const places = useMemo(() => {
    let place = 0;
    return rows.map((r) => (isHidden?.(r) ? 0 : ++place));
  }, [rows, isHidden]);
  const setSize = places.reduce((max, p) => Math.max(max, p), 0);

  const kept = [focusedKey, activeKey ?? null].flatMap((k) => {
    const at = k === null ? undefined : indexOfKey.get(k);
    return at === undefined ? [] : [at];
  });
  const keptKey = kept.join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      const extra = keptKey === '' ? [] : keptKey.split(',').map(Number);
      if (pendingFocus.current !== null) extra.push(pendingFocus.current);
      return extra.length === 0 ? drawn : [...new Set([...drawn, ...extra])].sort((a, b) => a - b);
    },
    [keptKey],
  );

  // The virtualizer is a mutable instance by design, as in the message list; the list does not
  // rely on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: sizeOf,
    getItemKey: keyOf,
    overscan: 8,
    scrollMargin: margin,
    rangeExtractor,
  });

  // The open row comes into view when another is opened (from search, Ctrl+↓…), not on reorders.
  const activeIndex = activeKey ? indexOfKey.get(activeKey) : undefined;
  useEffect(() => {
    if (activeIndex !== undefined) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // Only a change of the open row scrolls; its index moving as the list reorders does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeKey]);

  // A row the keys moved to is drawn by now: focusing it also scrolls it into view.
  useLayoutEffect(() => {
    const at = pendingFocus.current;
    if (at === null) return;
    const target = listRef.current?.querySelector<HTMLElement>(`[data-index="${at}"] [data-nav-item]`);
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const step = STEP[e.key];
    if (step === undefined) return;
    // Only from an item itself: a row's other controls (its menu, a rename field) keep their keys.
    const focused = document.activeElement as HTMLElement | null;
    if (!focused?.hasAttribute('data-nav-item')) return;
    const at = Number(focused.closest<HTMLElement>('[data-index]')?.dataset.index);
    const from = items.indexOf(at);
    if (from < 0) return;
    e.preventDefault();
    const to =
      step === -Infinity ? 0 : step === Infinity ? items.length - 1 : clamp(from + step, items.length);
    const next = items[to];
    if (next === undefined || next === at) return;
    pendingFocus.current = next;
    // The first item brings the list's top into view, headings above it included.
    virtualizer.scrollToIndex(to === 0 ? 0 : next, { align: 'auto' });
    setFocusedKey(rowKey(rows[next] as R));
  };

  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const at = Number((e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index);
    const row = rows[at];
    if (row !== undefined) setFocusedKey(rowKey(row));
  };
  const onBlur = (e: FocusEvent<HTMLUListElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusedKey(null);
  };

  return (
    <div ref={scrollRef} className={props.scrollClassName}>
      <ul
        ref={listRef}
        aria-label={props['aria-label']}
        className={props.className}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
        style={{ position: 'relative', height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index] as R;
          const place = places[v.index] ?? 0;
          return (
            <li
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${v.start - margin}px)`,
              }}
              {...(place > 0 ? { 'aria-setsize': setSize, 'aria-posinset': place } : { 'aria-hidden': true })}
            >
              {renderRow(row)}
            </li>
          );
        })}
      </ul>
    </div>
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
