// @vitest-environment jsdom
import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IconButton } from '../../../renderer/src/ui/IconButton';
import { Listbox, ListboxItem } from '../../../renderer/src/ui/Listbox';
import { Menu, MenuItem, MenuTrigger } from '../../../renderer/src/ui/Menu';
import { Button } from '../../../renderer/src/ui/Button';
import { Tab, TabList, TabPanel, Tabs } from '../../../renderer/src/ui/Tabs';

let root: Root | null = null;
let host: HTMLElement | null = null;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function render(node: ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(node));
  return host;
}

/** A key press as a keyboard user makes it: down then up on the focused element. */
function press(key: string): void {
  const target = document.activeElement ?? document.body;
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
  });
}

describe('IconButton', () => {
  it('is named by its label, hints its tooltip, and presses', () => {
    const onPress = vi.fn();
    const el = render(
      <IconButton label="Search threads" tooltip="Search (Ctrl K)" onPress={onPress}>
        <svg />
      </IconButton>,
    );
    const button = el.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Search threads');
    expect(button?.title).toBe('Search (Ctrl K)');
    act(() => button?.click());
    expect(onPress).toHaveBeenCalledTimes(1);
  });
});

describe('Menu', () => {
  it('opens from its trigger on the first item, runs the chosen action, and closes', () => {
    const onAction = vi.fn();
    render(
      <MenuTrigger>
        <Button>Export</Button>
        <Menu aria-label="Export and import" onAction={onAction}>
          <MenuItem id="markdown">Export as Markdown</MenuItem>
          <MenuItem id="json" hint="lossless">
            Export as JSON
          </MenuItem>
        </Menu>
      </MenuTrigger>,
    );
    const trigger = document.querySelector('button');
    expect(trigger?.getAttribute('aria-haspopup')).toBe('true');
    act(() => trigger?.focus());
    press('Enter');
    const menu = document.querySelector('[role="menu"]');
    expect(menu?.getAttribute('aria-label')).toBe('Export and import');
    expect(document.activeElement?.textContent).toBe('Export as Markdown');
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Export as JSONlossless');
    press('Enter');
    expect(onAction.mock.calls.map((call) => call[0])).toEqual(['json']);
    expect(document.querySelector('[role="menu"]')).toBeNull();
  });
});

describe('Tabs', () => {
  it('arrow keys move and select; only the chosen panel is mounted', () => {
    const onSelectionChange = vi.fn();
    render(
      <Tabs defaultSelectedKey="a" onSelectionChange={onSelectionChange}>
        <TabList aria-label="Sections">
          <Tab id="a">Alpha</Tab>
          <Tab id="b">Beta</Tab>
        </TabList>
        <TabPanel id="a">first</TabPanel>
        <TabPanel id="b">second</TabPanel>
      </Tabs>,
    );
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(document.querySelector('[role="tabpanel"]')?.textContent).toBe('first');
    act(() => tabs[0]?.focus());
    press('ArrowRight');
    expect(onSelectionChange).toHaveBeenLastCalledWith('b');
    expect(document.querySelector('[role="tabpanel"]')?.textContent).toBe('second');
  });
});

describe('Listbox', () => {
  it('moving with the arrows chooses the option moved to', () => {
    const onSelect = vi.fn();
    render(
      <Listbox aria-label="Tool library" defaultSelectedKeys={['one']} onSelect={onSelect}>
        <ListboxItem id="one">calculator</ListboxItem>
        <ListboxItem id="two">get_weather</ListboxItem>
      </Listbox>,
    );
    const options = [...document.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    act(() => options[0]?.focus());
    press('ArrowDown');
    expect(onSelect).toHaveBeenLastCalledWith('two');
  });
});
