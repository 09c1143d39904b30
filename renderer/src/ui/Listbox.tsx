import {
  ListBox as AriaListBox,
  ListBoxItem as AriaListBoxItem,
  type ListBoxItemProps as AriaListBoxItemProps,
  type ListBoxProps as AriaListBoxProps,
  type Selection,
} from 'react-aria-components';
import './lists.css';

const join = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);

export interface ListboxProps<T> extends Omit<AriaListBoxProps<T>, 'className' | 'onSelectionChange'> {
  className?: string;
  /** The chosen option's id (single selection). */
  onSelect?: (id: string) => void;
}

/**
 * One choice out of a list (WAI-ARIA listbox, by React Aria): ↑/↓, Home/End, PageUp/PageDown and
 * typing move; in the default single, replace-on-focus mode the moved-to option is chosen, as in a
 * master–detail list. The list is one tab stop.
 */
export function Listbox<T extends object>({ className, onSelect, ...props }: ListboxProps<T>) {
  const onSelectionChange = (keys: Selection) => {
    if (keys === 'all') return;
    const [first] = keys;
    if (first !== undefined) onSelect?.(String(first));
  };
  return (
    <AriaListBox
      selectionMode="single"
      selectionBehavior="replace"
      disallowEmptySelection
      {...props}
      onSelectionChange={onSelectionChange}
      className={join('ui-listbox', className)}
    />
  );
}

export interface ListboxItemProps<T> extends Omit<AriaListBoxItemProps<T>, 'className'> {
  className?: string;
}

/** One option; `textValue` is what typing matches when the content is not plain text. */
export function ListboxItem<T extends object>({ className, ...props }: ListboxItemProps<T>) {
  return <AriaListBoxItem {...props} className={join('ui-listbox-item', className)} />;
}
