import { GripVertical } from 'lucide-react';
import type { KeyboardEvent, ReactNode } from 'react';
import {
  Button as AriaButton,
  DropIndicator,
  GridList as AriaGridList,
  GridListItem as AriaGridListItem,
  useDragAndDrop,
} from 'react-aria-components';
import type { Key, Selection } from 'react-aria-components';
import './lists.css';

/** The order `ids` takes when `moved` go before or after `target` (a drop). */
export function reorderAround(
  ids: readonly string[],
  moved: ReadonlySet<string>,
  target: string,
  position: 'before' | 'after',
): string[] {
  const rest = ids.filter((id) => !moved.has(id));
  const at = rest.indexOf(target);
  if (at < 0) return [...ids];
  const block = ids.filter((id) => moved.has(id));
  const index = position === 'before' ? at : at + 1;
  return [...rest.slice(0, index), ...block, ...rest.slice(index)];
}

/** The order `ids` takes when `id` moves `delta` places (clamped to the ends). */
export function moveStep(ids: readonly string[], id: string, delta: number): string[] {
  const from = ids.indexOf(id);
  if (from < 0) return [...ids];
  const to = Math.max(0, Math.min(ids.length - 1, from + delta));
  const next = ids.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

export interface GridListProps<T extends { id: string }> {
  'aria-label': string;
  items: readonly T[];
  /** The chosen row (single selection, chosen as focus moves, as in a master–detail list). */
  selectedKey: string | null;
  onSelect: (id: string) => void;
  /**
   * Makes the rows reorderable: drag one with the mouse, or by keyboard with Alt+↑/↓ on a row
   * (or Enter on its GridListDragHandle, then arrows and Enter, React Aria's keyboard drag). Each
   * row of a reorderable list must hold a GridListDragHandle.
   */
  onReorder?: (ids: string[]) => void;
  className?: string;
  children: (item: T) => ReactNode;
}

/**
 * A list of rows that hold their own buttons (WAI-ARIA grid list, by React Aria): ↑/↓, Home/End
 * and typing move between rows and choose; ←/→ reach the buttons inside a row; the list is one tab
 * stop. Use ui/Listbox when rows are plain options with nothing to press inside.
 */
export function GridList<T extends { id: string }>({
  items,
  selectedKey,
  onSelect,
  onReorder,
  className,
  children,
  ...aria
}: GridListProps<T>) {
  const ids = items.map((i) => i.id);
  const { dragAndDropHooks } = useDragAndDrop<T>({
    isDisabled: !onReorder,
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': String(key) })),
    onReorder: (e) => {
      if (e.target.dropPosition === 'on') return;
      const moved = new Set([...e.keys].map(String));
      onReorder?.(reorderAround(ids, moved, String(e.target.key), e.target.dropPosition));
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="ui-gridlist-drop" />,
  });
  const onSelectionChange = (keys: Selection) => {
    if (keys === 'all') return;
    const [first] = keys;
    if (first !== undefined) onSelect(String(first));
  };
  // Alt+↑/↓ reorders: caught before the grid's own arrow keys, which would only move focus.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onReorder || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const row = (e.target as Element).closest<HTMLElement>('[role="row"][data-key]');
    const id = row?.dataset.key;
    if (id === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = moveStep(ids, id, e.key === 'ArrowUp' ? -1 : 1);
    if (next.join('\n') !== ids.join('\n')) onReorder(next);
  };
  return (
    <div className="ui-gridlist-wrap" onKeyDownCapture={onKeyDownCapture}>
      <AriaGridList
        {...aria}
        items={items}
        selectionMode="single"
        selectionBehavior="replace"
        disallowEmptySelection
        selectedKeys={selectedKey === null ? [] : [selectedKey]}
        onSelectionChange={onSelectionChange}
        dragAndDropHooks={onReorder ? dragAndDropHooks : undefined}
        className={className ? `ui-gridlist ${className}` : 'ui-gridlist'}
      >
        {(item) => children(item)}
      </AriaGridList>
    </div>
  );
}

export interface GridListItemProps {
  id: Key;
  /** What typing matches and what a screen reader reads for the row. */
  textValue: string;
  className?: string;
  children: ReactNode;
}

/** One row; `className` gets `data-selected`, `data-focus-visible` and `data-dragging` from React Aria. */
export function GridListItem({ id, textValue, className, children }: GridListItemProps) {
  return (
    <AriaGridListItem
      id={id}
      textValue={textValue}
      className={className ? `ui-gridlist-item ${className}` : 'ui-gridlist-item'}
    >
      {children}
    </AriaGridListItem>
  );
}

/**
 * The grip of a reorderable row (React Aria's `slot="drag"` button): Enter or Space on it starts a
 * keyboard drag (arrows pick the place, Enter drops, Esc cancels) and screen readers announce it;
 * the mouse drags the whole row, so the grip lets presses through to it. `label` names it, e.g.
 * "Reorder Work gateway".
 */
export function GridListDragHandle({ label }: { label: string }) {
  return (
    <AriaButton slot="drag" aria-label={label} className="ui-gridlist-drag">
      <GripVertical size={14} aria-hidden />
    </AriaButton>
  );
}
