// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderList } from '../../../renderer/src/features/providers/ProviderList';
import { provider } from '../models/fixtures';
import { press, render } from '../ui/render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const providers = [provider('a', 'Alpha', 0), provider('b', 'Beta', 1), provider('c', 'Gamma', 2)];
const rows = () => [...document.querySelectorAll<HTMLElement>('[role="row"]')];

function mount(selectedId: string | null = 'a') {
  const selected: string[] = [];
  const orders: string[][] = [];
  view = render(
    <ProviderList
      providers={providers}
      selectedId={selectedId}
      onSelect={(id) => selected.push(id)}
      onReorder={(ids) => orders.push(ids)}
    />,
  );
  return { selected, orders };
}

describe('ProviderList', () => {
  it('is a grid named Providers, one row per profile, the chosen one selected', () => {
    mount('b');
    const grid = document.querySelector('[role="grid"]');
    expect(grid?.getAttribute('aria-label')).toBe('Providers');
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    expect(rows()[0]?.textContent).toContain('Alpha');
  });

  it('↓ moves to the next profile and chooses it; the list is one tab stop', () => {
    const { selected } = mount('a');
    act(() => rows()[0]?.focus());
    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[1]);
    expect(selected).toEqual(['b']);
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
  });

  it('Alt+↓ on a row moves that profile down instead of moving focus', () => {
    const { orders, selected } = mount('a');
    act(() => rows()[0]?.focus());
    act(() => {
      rows()[0]?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, cancelable: true }),
      );
    });
    expect(orders).toEqual([['b', 'a', 'c']]);
    expect(selected).toEqual([]);
  });

  it('its move buttons are named for the profile, and the first cannot move up', () => {
    mount('a');
    const up = document.querySelector<HTMLButtonElement>('[aria-label="Move Alpha up"]');
    expect(up?.disabled).toBe(true);
    expect(document.querySelector('[aria-label="Move Gamma down"]')).not.toBeNull();
  });

  it('each row has a drag handle named for its profile, so React Aria has a keyboard and screen reader drag', () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      mount('a');
      const handles = rows().map((row) => row.querySelector('button[slot="drag"], [data-slot="drag"]'));
      expect(handles.map((h) => h?.getAttribute('aria-label'))).toEqual([
        'Reorder Alpha',
        'Reorder Beta',
        'Reorder Gamma',
      ]);
      // Visible: an icon, not a visually hidden control.
      expect(handles.every((h) => h?.querySelector('svg'))).toBe(true);
      expect(warn.mock.calls.map(String).filter((c) => c.includes('slot="drag"'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});
