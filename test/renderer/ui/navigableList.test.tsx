// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { NAV_ITEM, NavigableList } from '../../../renderer/src/ui/NavigableList';
import { press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const NAMES = Array.from({ length: 25 }, (_, i) => `Thread ${i + 1}`);

function mount() {
  view = render(
    <NavigableList aria-label="Threads">
      <li aria-hidden="true">Pinned</li>
      {NAMES.map((name) => (
        <li key={name}>
          <button type="button" {...NAV_ITEM}>
            {name}
          </button>
          <button type="button" aria-label={`More for ${name}`}>
            …
          </button>
        </li>
      ))}
    </NavigableList>,
  );
}
const focusOn = (name: string) =>
  act(() =>
    [...document.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === name)?.focus(),
  );
const focused = () => document.activeElement?.textContent;

describe('NavigableList', () => {
  it('↓ and ↑ move between items, skipping headings and a row’s other buttons', () => {
    mount();
    focusOn('Thread 1');
    press('ArrowDown');
    expect(focused()).toBe('Thread 2');
    press('ArrowUp');
    press('ArrowUp');
    expect(focused()).toBe('Thread 1');
  });

  it('Home and End jump to the ends; PageDown and PageUp move ten', () => {
    mount();
    focusOn('Thread 3');
    press('End');
    expect(focused()).toBe('Thread 25');
    press('Home');
    expect(focused()).toBe('Thread 1');
    press('PageDown');
    expect(focused()).toBe('Thread 11');
    press('PageDown');
    press('PageDown');
    expect(focused()).toBe('Thread 25');
    press('PageUp');
    expect(focused()).toBe('Thread 15');
  });

  it('leaves the keys of a row’s other controls and of modified arrows alone', () => {
    mount();
    act(() => document.querySelector<HTMLElement>('[aria-label="More for Thread 2"]')?.focus());
    press('ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('More for Thread 2');
    focusOn('Thread 2');
    act(() => {
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, cancelable: true }),
      );
    });
    expect(focused()).toBe('Thread 2');
  });
});
