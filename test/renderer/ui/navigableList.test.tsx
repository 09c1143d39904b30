// @vitest-environment jsdom
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NAV_ITEM, NavigableList } from '../../../renderer/src/ui/NavigableList';
import { press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

type Row = { heading: string } | { name: string };
const rowsOf = (count: number): Row[] => [
  { heading: 'Pinned' },
  ...Array.from({ length: count }, (_, i) => ({ name: `Thread ${i + 1}` })),
];
const rowKey = (r: Row) => ('name' in r ? r.name : r.heading);
const isItem = (r: Row) => 'name' in r;

function List({ rows }: { rows: Row[] }) {
  return (
    <NavigableList<Row>
      aria-label="Threads"
      scrollClassName="scroller"
      rows={rows}
      rowKey={rowKey}
      isItem={isItem}
      isHidden={(r) => !isItem(r)}
      estimateSize={() => 40}
      renderRow={(r) =>
        'name' in r ? (
          <div>
            <button type="button" {...NAV_ITEM}>
              {r.name}
            </button>
            <button type="button" aria-label={`More for ${r.name}`}>
              …
            </button>
          </div>
        ) : (
          <div>{r.heading}</div>
        )
      }
    />
  );
}

// jsdom lays nothing out: the scrolling element says it is 200 px tall and each row 40 px, as a
// browser would.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');

beforeAll(() => {
  Object.defineProperty(HTMLLIElement.prototype, 'offsetHeight', { configurable: true, get: () => 40 });
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('scroller') ? 200 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
  Reflect.deleteProperty(HTMLLIElement.prototype, 'offsetHeight');
});

function mount(count = 25) {
  view = render(<List rows={rowsOf(count)} />);
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

  it('draws a few rows of thousands, reaches the last by End, and tells screen readers each row’s place', () => {
    mount(5000);
    expect(document.querySelectorAll('li').length).toBeLessThan(50);
    focusOn('Thread 1');
    const place = () => {
      const li = document.activeElement?.closest('li');
      return [li?.getAttribute('aria-posinset'), li?.getAttribute('aria-setsize')];
    };
    expect(place()).toEqual(['1', '5000']);
    press('End');
    expect(focused()).toBe('Thread 5000');
    expect(place()).toEqual(['5000', '5000']);
    press('PageUp');
    expect(focused()).toBe('Thread 4990');
    // The heading is for the eye only: hidden, and not counted.
    expect(document.querySelector('li[aria-hidden="true"]')?.textContent).toBe('Pinned');
    expect(document.querySelectorAll('li').length).toBeLessThan(50);
  });
});
