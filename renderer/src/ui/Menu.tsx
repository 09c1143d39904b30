import type { ReactNode } from 'react';
import {
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  MenuTrigger as AriaMenuTrigger,
  Popover,
  Separator,
  type MenuItemProps as AriaMenuItemProps,
  type MenuProps as AriaMenuProps,
  type MenuTriggerProps,
  type PopoverProps,
} from 'react-aria-components';
import './menu.css';

/** An item's `id`, as `onAction` receives it. */
export type { Key as MenuKey } from 'react-aria-components';

/**
 * A button and its menu. The first child is the trigger (a ui/Button or ui/IconButton), the
 * second a `Menu`. React Aria does the rest: Enter, Space or ↓ opens on the first item, ↑ on the
 * last; arrows, Home/End and typing walk the items; Esc, Tab and a click outside close it and
 * focus goes back to the trigger.
 */
export function MenuTrigger(props: MenuTriggerProps) {
  return <AriaMenuTrigger {...props} />;
}

export interface MenuProps<T> extends Omit<AriaMenuProps<T>, 'className'> {
  /** Where the menu opens against its trigger. */
  placement?: PopoverProps['placement'];
  className?: string;
}

/** The popup list of actions. `aria-label` names it ("Actions for Trip notes"). */
export function Menu<T extends object>({ placement = 'bottom end', className, ...props }: MenuProps<T>) {
  return (
    <Popover className="ui-popover" placement={placement} offset={4}>
      <AriaMenu {...props} className={className ? `ui-menu ${className}` : 'ui-menu'} />
    </Popover>
  );
}

export interface MenuItemProps extends Omit<AriaMenuItemProps, 'className' | 'children'> {
  children: ReactNode;
  /** A short note on the right ("lossless"). */
  hint?: string;
  /** The key that does the same outside the menu ("F2"), shown on the right. */
  shortcut?: string;
  /** Deletes or discards: drawn in the danger colour. */
  danger?: boolean;
}

/** One action. `textValue` is needed when the children are not plain text (typeahead reads it). */
export function MenuItem({ children, hint, shortcut, danger = false, ...props }: MenuItemProps) {
  return (
    <AriaMenuItem {...props} className={danger ? 'ui-menu-item is-danger' : 'ui-menu-item'}>
      <span className="ui-menu-label">{children}</span>
      {hint ? <span className="ui-menu-hint">{hint}</span> : null}
      {shortcut ? <kbd className="kbd">{shortcut}</kbd> : null}
    </AriaMenuItem>
  );
}

/** A line between groups of actions. */
export function MenuSeparator() {
  return <Separator className="ui-menu-separator" />;
}
