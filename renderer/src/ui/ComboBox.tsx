import { ChevronDown } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  Autocomplete,
  ComboBox as AriaComboBox,
  Button as AriaButton,
  Header,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Popover,
  TextField,
} from 'react-aria-components';
import type { Key, ListBoxItemProps, ListBoxProps } from 'react-aria-components';
import './ComboBox.css';

/*
 * Two shapes of combobox:
 * - SearchCombo + ComboInput + ComboList: a text field above a list that is always shown (the
 *   model picker, the search palette). Focus stays in the field; ↑/↓ move a virtual highlight
 *   through the list (aria-activedescendant), disabled options are skipped, Enter runs the
 *   highlighted option's action. The feature filters its own items from the query.
 * - ComboBox: the classic field with a popup list, for picking one value in a form.
 */

interface SearchComboProps {
  query: string;
  onQueryChange: (query: string) => void;
  children: ReactNode;
}

/** Ties one ComboInput to one ComboList among its descendants; renders no element of its own. */
export function SearchCombo({ query, onQueryChange, children }: SearchComboProps) {
  return (
    <Autocomplete inputValue={query} onInputChange={onQueryChange}>
      {children}
    </Autocomplete>
  );
}

interface ComboInputProps {
  /** The accessible name of the field. */
  label: string;
  placeholder?: string;
  className?: string;
  /** Whether the list has options to move through (aria-expanded of the combobox). */
  expanded: boolean;
  autoFocus?: boolean;
  type?: 'text' | 'search';
}

export function ComboInput({
  label,
  placeholder,
  className,
  expanded,
  autoFocus,
  type = 'text',
}: ComboInputProps) {
  return (
    <TextField aria-label={label} autoFocus={autoFocus} className="ui-combo-field" type={type}>
      <Input
        className={className ?? 'input'}
        placeholder={placeholder}
        spellCheck={false}
        role="combobox"
        aria-expanded={expanded}
      />
    </TextField>
  );
}

export function ComboList<T extends object>({
  className,
  ...props
}: ListBoxProps<T> & { className?: string }) {
  return <ListBox {...props} className={`ui-combo-list${className ? ` ${className}` : ''}`} />;
}

/** One option; `className` gets `data-focused` (highlighted) and `data-disabled` from React Aria. */
export function ComboOption({ className, ...props }: ListBoxItemProps & { className?: string }) {
  return <ListBoxItem {...props} className={`ui-combo-option${className ? ` ${className}` : ''}`} />;
}

interface ComboSectionProps {
  title: string;
  headerClassName?: string;
  className?: string;
  children: ReactNode;
}

export function ComboSection({ title, headerClassName, className, children }: ComboSectionProps) {
  return (
    <ListBoxSection className={className}>
      <Header className={headerClassName ?? 'ui-combo-section-title section-title'}>{title}</Header>
      {children}
    </ListBoxSection>
  );
}

interface ComboBoxProps<T extends { id: Key; label: string }> {
  label: string;
  items: readonly T[];
  selectedKey: Key | null;
  onSelectionChange: (key: Key | null) => void;
  placeholder?: string;
  /** Shown when nothing matches what was typed. */
  emptyText?: string;
}

/** A field with a popup list: type to filter by label, ↓ opens, Enter picks, Esc closes. */
export function ComboBox<T extends { id: Key; label: string }>({
  label,
  items,
  selectedKey,
  onSelectionChange,
  placeholder,
  emptyText = 'Nothing matches.',
}: ComboBoxProps<T>) {
  return (
    <AriaComboBox
      className="ui-combobox"
      items={items}
      selectedKey={selectedKey}
      onSelectionChange={onSelectionChange}
    >
      <Label className="label">{label}</Label>
      <div className="ui-combobox-control">
        <Input className="input" placeholder={placeholder} />
        <AriaButton className="ui-combobox-button" aria-label={`Show ${label}`}>
          <ChevronDown size={14} />
        </AriaButton>
      </div>
      <Popover className="ui-popover">
        <ListBox
          className="ui-combo-list"
          renderEmptyState={() => <div className="ui-combo-empty">{emptyText}</div>}
        >
          {(item: T) => (
            <ListBoxItem id={item.id} textValue={item.label} className="ui-combo-option">
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
