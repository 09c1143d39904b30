// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToastData } from '../../../renderer/src/ui';
import { ToastRegion } from '../../../renderer/src/ui';
import { click, render } from './render';

let view: ReturnType<typeof render> | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  view?.unmount();
  vi.useRealTimers();
});

const saved: ToastData = { id: 1, kind: 'success', message: 'Saved' };
const failed: ToastData = { id: 2, kind: 'error', message: 'Could not save' };
const archived: ToastData = {
  id: 3,
  kind: 'info',
  message: 'Archived',
  action: { label: 'Undo', run: vi.fn() },
};
const buttonNamed = (name: string) =>
  [...document.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  ) ?? null;

describe('ToastRegion', () => {
  it('is a labelled region; errors are alerts, the rest polite status messages', () => {
    view = render(<ToastRegion toasts={[saved, failed]} onDismiss={vi.fn()} />);
    const region = document.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Notifications');
    expect(document.querySelector('[role="status"]')?.textContent).toContain('Saved');
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Could not save');
  });

  it('renders nothing at all when there is no toast', () => {
    view = render(<ToastRegion toasts={[]} onDismiss={vi.fn()} />);
    expect(view.container.innerHTML).toBe('');
  });

  it('closes itself after its lifetime, and Dismiss closes it at once', () => {
    const onDismiss = vi.fn();
    view = render(<ToastRegion toasts={[saved]} onDismiss={onDismiss} />);
    act(() => vi.advanceTimersByTime(3999));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onDismiss).toHaveBeenCalledWith(1);
    click(buttonNamed('Dismiss'));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });

  it('stays while the pointer is over it, so Undo can be reached; Undo runs and closes it', () => {
    const onDismiss = vi.fn();
    view = render(<ToastRegion toasts={[archived]} onDismiss={onDismiss} />);
    const region = document.querySelector('[role="region"]');
    act(() => {
      region?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body }));
    });
    act(() => vi.advanceTimersByTime(60_000));
    expect(onDismiss).not.toHaveBeenCalled();
    click(buttonNamed('Undo'));
    expect(archived.action?.run).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledWith(3);
  });
});
