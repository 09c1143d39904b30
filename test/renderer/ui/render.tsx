import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';

/** Renders into a fresh container in the jsdom document; `unmount` removes every trace. */
export function render(node: ReactNode): {
  container: HTMLElement;
  rerender(next: ReactNode): void;
  unmount(): void;
} {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  act(() => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    rerender: (next) => act(() => root?.render(next)),
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** A key pressed on whatever has focus, as a keyboard would: keydown then keyup. */
export function press(key: string, target: Element | null = document.activeElement): void {
  if (!target) throw new Error('nothing has focus');
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
  });
}

export function click(target: Element | null): void {
  if (!(target instanceof HTMLElement)) throw new Error('nothing to click');
  act(() => target.click());
}

/** Types into a text input the way React sees it (the native setter, then an input event). */
export function type(input: Element | null, value: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    // React Aria's Autocomplete tells typing forward (which highlights the first match) from
    // deleting by the beforeinput event's inputType, as a browser sends it.
    input.dispatchEvent(
      new InputEvent('beforeinput', { inputType: 'insertText', data: value, bubbles: true }),
    );
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export const byRole = (role: string): HTMLElement | null => document.querySelector(`[role="${role}"]`);
export const nameOf = (element: Element | null): string | null => {
  const labelledBy = element?.getAttribute('aria-labelledby');
  if (labelledBy) return document.getElementById(labelledBy)?.textContent ?? null;
  return element?.getAttribute('aria-label') ?? null;
};

/** Lets the frame after a commit run: React Aria restores focus in the next animation frame. */
export async function nextFrame(): Promise<void> {
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}
