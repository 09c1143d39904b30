// @vitest-environment jsdom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertDialog } from '../../../renderer/src/ui';
import { byRole, click, nameOf, nextFrame, press, render } from './render';

function Harness({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete…
      </button>
      <button type="button">elsewhere</button>
      {open ? (
        <AlertDialog
          title="Delete Acme?"
          confirmLabel="Delete provider"
          danger
          onConfirm={onConfirm}
          onCancel={() => {
            onCancel();
            setOpen(false);
          }}
        >
          <p>Its key goes too.</p>
        </AlertDialog>
      ) : null}
    </>
  );
}

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const opener = () =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === 'Delete…') ?? null;

describe('AlertDialog', () => {
  it('asks with a named alertdialog, Cancel focused first, so Enter cannot delete by accident', () => {
    view = render(<Harness onConfirm={vi.fn()} onCancel={vi.fn()} />);
    opener()?.focus();
    click(opener());
    const dialog = byRole('alertdialog');
    expect(nameOf(dialog)).toBe('Delete Acme?');
    expect(dialog?.textContent).toContain('Its key goes too.');
    expect(document.activeElement?.textContent).toBe('Cancel');
  });

  it('Esc cancels and focus goes back to the button that opened it', async () => {
    const onCancel = vi.fn();
    view = render(<Harness onConfirm={vi.fn()} onCancel={onCancel} />);
    opener()?.focus();
    click(opener());
    press('Escape');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(byRole('alertdialog')).toBeNull();
    await nextFrame();
    expect(document.activeElement).toBe(opener());
  });

  it('Tab from the last button wraps to the first: focus stays inside', () => {
    view = render(<Harness onConfirm={vi.fn()} onCancel={vi.fn()} />);
    opener()?.focus();
    click(opener());
    const dialog = byRole('alertdialog');
    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Delete provider',
    );
    confirm?.focus();
    press('Tab');
    expect(document.activeElement?.textContent).toBe('Cancel');
  });

  it('the confirm button answers yes; while busy it does nothing yet keeps focus in the dialog', () => {
    const onConfirm = vi.fn();
    view = render(
      <AlertDialog title="Delete?" confirmLabel="Delete" busy onConfirm={onConfirm} onCancel={vi.fn()}>
        <p>x</p>
      </AlertDialog>,
    );
    const confirm = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Delete');
    expect(confirm?.getAttribute('aria-disabled')).toBe('true');
    confirm?.focus();
    click(confirm ?? null);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(confirm);
    view.rerender(
      <AlertDialog title="Delete?" confirmLabel="Delete" onConfirm={onConfirm} onCancel={vi.fn()}>
        <p>x</p>
      </AlertDialog>,
    );
    click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Delete') ?? null);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
