import type { ReactNode } from 'react';
import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  Tabs as AriaTabs,
  type Key,
  type TabsProps as AriaTabsProps,
} from 'react-aria-components';
import './tabs.css';

const join = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);

export interface TabsProps extends Omit<AriaTabsProps, 'className' | 'onSelectionChange'> {
  className?: string;
  /** The chosen tab's id (the `id` given to its `Tab`). */
  onSelectionChange?: (id: string) => void;
}

/**
 * Tabs over one panel (WAI-ARIA tabs, by React Aria): ←/→ move and select, Home/End jump, the
 * list is one tab stop and Tab goes on into the panel. Only the selected panel is mounted.
 */
export function Tabs({ className, onSelectionChange, ...props }: TabsProps) {
  return (
    <AriaTabs
      {...props}
      className={join('ui-tabs', className)}
      onSelectionChange={onSelectionChange ? (key: Key) => onSelectionChange(String(key)) : undefined}
    />
  );
}

export function TabList({
  children,
  className,
  'aria-label': label,
}: {
  children: ReactNode;
  className?: string;
  'aria-label': string;
}) {
  return (
    <AriaTabList aria-label={label} className={join('ui-tablist', className)}>
      {children}
    </AriaTabList>
  );
}

export function Tab({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <AriaTab id={id} className={join('ui-tab', className)}>
      {children}
    </AriaTab>
  );
}

export function TabPanel({
  id,
  children,
  className,
}: {
  id: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <AriaTabPanel id={id} className={join('ui-tabpanel', className)}>
      {children}
    </AriaTabPanel>
  );
}
