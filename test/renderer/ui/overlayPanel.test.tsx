// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Button, Menu, MenuItem, MenuTrigger, OverlayPanel } from '../../../renderer/src/ui';
import { press, render } from './render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

let closes: string[] = [];
let composerPresses = 0;
let sendPresses = 0;

/** A page with a toggle, a "conversation" button beside the panel, and a menu inside the panel. */
function Page({ initiallyOpen = true }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <div>
      <button type="button" aria-label="Inspector" onClick={() => setOpen((o) => !o)}>
        i
      </button>
      <button type="button" data-testid="outside" onClick={() => (composerPresses += 1)}>
        composer
      </button>
      <Button data-testid="send" onPress={() => (sendPresses += 1)}>
        Send
      </Button>
      {open ? (
        <OverlayPanel
          onClose={(reason) => {
            closes.push(reason);
            setOpen(false);
          }}
          trigger={() => document.querySelector<HTMLElement>('[aria-label="Inspector"]')}
          initialFocus={(panel) => panel.querySelector<HTMLElement>('[data-first]')}
          testId="panel"
        >
          <input data-first aria-label="Temperature" />
          <MenuTrigger>
            <Button>More</Button>
            <Menu aria-label="More">
              <MenuItem id="a">Action</MenuItem>
            </Menu>
          </MenuTrigger>
        </OverlayPanel>
      ) : null}
    </div>
  );
}

const panel = () => document.querySelector('[data-testid="panel"]');
/** A primary-button press as a browser sends it: pointerdown, mousedown, pointerup, click. */
function pointerPress(target: Element | null) {
  if (!(target instanceof HTMLElement)) throw new Error('nothing to press');
  act(() => {
    target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerType: 'mouse' }));
    target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
    target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, pointerType: 'mouse' }));
    target.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    target.click();
  });
}

describe('OverlayPanel', () => {
  afterEach(() => {
    closes = [];
    composerPresses = 0;
    sendPresses = 0;
  });

  it('takes focus to its initial element when it opens', () => {
    view = render(<Page />);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Temperature');
  });

  it('Esc closes it and gives focus back to its trigger', () => {
    view = render(<Page />);
    press('Escape');
    expect(closes).toEqual(['escape']);
    expect(panel()).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Inspector');
  });

  it('a press outside closes it and still reaches its target (non-modal)', () => {
    view = render(<Page />);
    pointerPress(document.querySelector('[data-testid="outside"]'));
    expect(closes).toEqual(['outside']);
    expect(composerPresses).toBe(1);
    expect(panel()).toBeNull();
  });

  it('a press outside on a React Aria button presses it at once, and closes the panel', () => {
    view = render(<Page />);
    pointerPress(document.querySelector('[data-testid="send"]'));
    expect(sendPresses).toBe(1);
    expect(closes).toEqual(['outside']);
  });

  it('hides nothing from assistive technology and traps nothing', () => {
    view = render(<Page />);
    expect(document.querySelector('[aria-hidden="true"]')).toBeNull();
    act(() => document.querySelector<HTMLElement>('[data-testid="outside"]')?.focus());
    expect(document.activeElement?.textContent).toBe('composer');
    expect(panel()).not.toBeNull();
  });

  it('a press on its trigger is not "outside" (the trigger toggles it)', () => {
    view = render(<Page />);
    pointerPress(document.querySelector('[aria-label="Inspector"]'));
    expect(closes).toEqual([]);
    expect(panel()).toBeNull();
  });

  it('a menu opened inside takes its own Esc and presses in it are inside', () => {
    view = render(<Page />);
    press('Enter', document.querySelector('[data-testid="panel"] button'));
    const menu = document.querySelector('[role="menu"]');
    expect(menu).not.toBeNull();
    // The menu is portalled out of the panel's element, yet it belongs to the panel.
    expect(panel()?.contains(menu)).toBe(false);
    pointerPress(document.querySelector('[role="menuitem"]'));
    expect(closes).toEqual([]);
    expect(panel()).not.toBeNull();
    press('Enter', document.querySelector('[data-testid="panel"] button'));
    expect(document.querySelector('[role="menu"]')).not.toBeNull();
    press('Escape');
    expect(document.querySelector('[role="menu"]')).toBeNull();
    expect(panel()).not.toBeNull();
    expect(closes).toEqual([]);
  });
});
