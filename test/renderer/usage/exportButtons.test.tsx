// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { useStore as UseStore } from '../../../renderer/src/store';
import type { ExportButtons as Buttons } from '../../../renderer/src/features/usage/ExportButtons';
import { click, render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the store is imported after. */
Object.assign(window, { api: {} });

let useStore: typeof UseStore;
let ExportButtons: typeof Buttons;
beforeAll(async () => {
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ ExportButtons } = await import('../../../renderer/src/features/usage/ExportButtons'));
  URL.createObjectURL = () => 'blob:export';
  URL.revokeObjectURL = () => undefined;
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;

describe('the Usage screen export buttons (rows and tool runs alike)', () => {
  it('export in the format pressed, one at a time, and name the saved file', async () => {
    const toast = vi.fn();
    useStore.setState({ toast });
    let answer: (value: { ok: true; value: { filename: string; text: string } }) => void = () => undefined;
    const exportAs = vi.fn(() => new Promise<never>((resolve) => (answer = resolve as never)));
    view = render(<ExportButtons label="Export tool runs" exportAs={exportAs} />);
    expect(document.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Export tool runs');

    click(button('Export JSON'));
    expect(exportAs).toHaveBeenCalledWith('json');
    expect(button('Exporting…')).not.toBeNull();
    expect(button('Export CSV')?.disabled).toBe(true);

    await act(async () => answer({ ok: true, value: { filename: 'tool-runs.json', text: '[]' } }));
    expect(toast).toHaveBeenCalledWith('success', 'Saved tool-runs.json.');
    expect(button('Export CSV')?.disabled).toBe(false);
  });

  it('say why an export failed, and stay off while there is nothing to export', async () => {
    const toast = vi.fn();
    useStore.setState({ toast });
    const exportAs = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'internal' as const, message: 'disk full' } }),
    );
    view = render(<ExportButtons label="Export filtered rows" exportAs={exportAs} />);
    await act(async () => click(button('Export CSV')));
    expect(toast).toHaveBeenCalledWith('error', expect.stringContaining('disk full'));

    view.rerender(<ExportButtons label="Export filtered rows" disabled exportAs={exportAs} />);
    expect(button('Export CSV')?.disabled).toBe(true);
    expect(button('Export JSON')?.disabled).toBe(true);
  });
});
