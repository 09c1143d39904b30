// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listKeys, nextItem } from '../../../renderer/src/ui/listKeys';
import { press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

describe('listKeys', () => {
  it('↑/↓ go to the neighbour and stop at the ends; other keys are not its', () => {
    expect(nextItem('ArrowDown', 2, 5)).toBe(3);
    expect(nextItem('ArrowUp', 2, 5)).toBe(1);
    expect(nextItem('ArrowUp', 0, 5)).toBeNull();
    expect(nextItem('ArrowDown', 4, 5)).toBeNull();
    expect(nextItem('Home', 2, 5)).toBeNull();
  });

  it('moves only from an item itself and only on plain keys, asking the list to draw and focus the next', () => {
    const moveTo = vi.fn((index: number) =>
      document.querySelector<HTMLElement>(`[data-i="${index}"]`)?.focus(),
    );
    const onKeyDown = listKeys({
      count: 3,
      indexOf: (target) => (target.hasAttribute('data-i') ? Number(target.getAttribute('data-i')) : null),
      moveTo,
    });
    view = render(
      <div onKeyDown={onKeyDown}>
        {[0, 1, 2].map((i) => (
          <article key={i} data-i={i} tabIndex={0}>
            <button type="button">Copy {i}</button>
          </article>
        ))}
      </div>,
    );
    act(() => document.querySelector<HTMLElement>('[data-i="0"]')?.focus());
    press('ArrowDown');
    expect(document.activeElement?.getAttribute('data-i')).toBe('1');
    press('ArrowUp');
    press('ArrowUp');
    expect(document.activeElement?.getAttribute('data-i')).toBe('0');
    expect(moveTo).toHaveBeenCalledTimes(2);
    // A button inside an item keeps the arrows.
    act(() => document.querySelector<HTMLElement>('button')?.focus());
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Copy 0');
  });
});
