import { ChevronDown } from 'lucide-react';
import {
  Button as AriaButton,
  Header,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { FieldErrorText, FieldHint, FieldLabel } from './Field';
// The popup's surface (.ui-popover) is shared with ComboBox.
import './ComboBox.css';
import './Select.css';

export interface SelectOption<K extends string = string> {
  id: K;
  label: string;
  /** A second, quieter line under the option's label in the list. */
  description?: string;
  isDisabled?: boolean;
}

/** A titled group of options after the loose ones (a listbox group named by its header). */
export interface SelectSection<K extends string = string> {
  title: string;
  options: readonly SelectOption<K>[];
}

export interface SelectProps<K extends string = string> {
  /** The field's name: shown above it, or only its accessible name with `hideLabel`. */
  label: string;
  /** For a select inside a row or toolbar whose place already says what it is. */
  hideLabel?: boolean;
  options: readonly SelectOption<K>[];
  /** Titled groups listed after `options`, e.g. one per kind of choice. */
  sections?: readonly SelectSection<K>[];
  /** The chosen option's id; `null` shows the placeholder (nothing chosen yet). */
  value: K | null;
  onChange: (value: K) => void;
  /** Shown while nothing is chosen, e.g. "Choose…". */
  placeholder?: string;
  hint?: string;
  /** Shown under the field, which is then marked invalid; the choice is kept. */
  error?: string | null;
  isDisabled?: boolean;
  isRequired?: boolean;
  autoFocus?: boolean;
  /** `sm` for dense rows and toolbars. */
  size?: 'sm' | 'md';
  /** Monospaced value and options (identifiers such as parameter names). */
  mono?: boolean;
  /** Class of the field wrapper (default layout: the app's `.field`, label above). */
  className?: string;
  testId?: string;
}

/**
 * One value out of a short fixed list, in a form (React Aria's Select: a button that opens a
 * listbox). Enter, Space, ↓ or ↑ open it on the chosen option; arrows, Home/End and typing walk;
 * Enter or a click picks and closes; Esc closes and keeps the value. Typing on the closed button
 * picks the matching option, as a native select does. The label names the button, the hint and
 * the error describe it, and a form submits the value through a hidden native select.
 */
export function Select<K extends string = string>({
  label,
  hideLabel = false,
  options,
  sections = [],
  value,
  onChange,
  placeholder = 'Choose…',
  hint,
  error,
  isDisabled,
  isRequired,
  autoFocus,
  size = 'md',
  mono = false,
  className,
  testId,
}: SelectProps<K>) {
  const all = [...options, ...sections.flatMap((s) => s.options)];
  const byId = new Map<Key, K>(all.map((o) => [o.id, o.id]));
  const item = (option: SelectOption<K>) => (
    <ListBoxItem
      key={option.id}
      id={option.id}
      textValue={option.label}
      className={`ui-select-option${mono ? ' mono' : ''}`}
    >
      <Text slot="label">{option.label}</Text>
      {option.description ? (
        <Text slot="description" className="ui-select-option-description">
          {option.description}
        </Text>
      ) : null}
    </ListBoxItem>
  );
  return (
    <AriaSelect
      className={`${hideLabel ? 'ui-field-bare' : 'field'} ui-select${className ? ` ${className}` : ''}`}
      aria-label={hideLabel ? label : undefined}
      value={value}
      onChange={(key) => {
        const id = key === null ? undefined : byId.get(key);
        if (id !== undefined) onChange(id);
      }}
      placeholder={placeholder}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      isDisabled={isDisabled}
      isRequired={isRequired}
      autoFocus={autoFocus}
      disabledKeys={all.filter((o) => o.isDisabled).map((o) => o.id)}
      data-testid={testId}
    >
      {hideLabel ? null : <FieldLabel>{label}</FieldLabel>}
      <AriaButton
        className={`select ui-select-button${size === 'sm' ? ' ui-select-sm' : ''}${mono ? ' mono' : ''}`}
      >
        {/* The label alone, not the option's description line. */}
        <SelectValue className="ui-select-value">
          {({ isPlaceholder, selectedText }) => (isPlaceholder ? placeholder : selectedText)}
        </SelectValue>
        <ChevronDown size={14} aria-hidden className="ui-select-chevron" />
      </AriaButton>
      {hint ? <FieldHint>{hint}</FieldHint> : null}
      <FieldErrorText>{error}</FieldErrorText>
      <Popover className="ui-popover ui-select-popover" offset={2}>
        <ListBox className="ui-select-list">
          {options.map(item)}
          {sections.map((section) => (
            <ListBoxSection key={section.title} className="ui-select-section">
              <Header className="ui-select-section-header">{section.title}</Header>
              {section.options.map(item)}
            </ListBoxSection>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
