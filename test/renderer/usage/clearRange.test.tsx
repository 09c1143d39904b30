// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClearRangeDialog as Dialog } from '../../../renderer/src/features/usage/ClearRangeDialog';
import { click, render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the dialog is imported after. */
const api = {
  usage: { clearPreview: vi.fn(), clear: vi.fn() },
  mcp: { runLedger: vi.fn() },
};
Object.assign(window, { api });

let ClearRangeDialog: typeof Dialog;
beforeAll(async () => {
  ({ ClearRangeDialog } = await import('../../../renderer/src/features/usage/ClearRangeDialog'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => {
  view?.unmount();
  vi.clearAllMocks();
});

const range = { from: Date.UTC(2025, 4, 1), to: Date.UTC(2025, 5, 1) };
const runLedger = (total: number) => ({
  ok: true,
  value: { rows: [], total, totals: { runs: total, errors: 0, totalMs: 0, p95Ms: null }, byTool: [] },
});
const button = (name: RegExp) =>
  [...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) ?? null;

async function open(rows: number, toolRuns: number) {
  api.usage.clearPreview.mockResolvedValue({ ok: true, value: { rows, totalTokens: rows * 10 } });
  api.mcp.runLedger.mockResolvedValue(runLedger(toolRuns));
  const onDone = vi.fn();
  await act(async () => {
    view = render(<ClearRangeDialog range={range} onDone={onDone} onCancel={() => undefined} />);
  });
  return onDone;
}

describe('Clear range', () => {
  it('says it deletes the range’s MCP tool runs with its request records, and counts both', async () => {
    await open(12, 3);
    expect(api.mcp.runLedger).toHaveBeenCalledWith({ ...range, offset: 0, limit: 1 });
    const preview = document.querySelector('[data-testid="usage-clear-preview"]')?.textContent ?? '';
    expect(preview).toContain('12 request records (120 tokens) and 3 MCP tool runs');
    expect(button(/^Delete/)?.textContent).toBe('Delete 12 records and 3 MCP tool runs');
  });

  it('clears a range that holds only tool runs', async () => {
    const onDone = await open(0, 1);
    expect(document.querySelector('[data-testid="usage-clear-preview"]')?.textContent).toContain(
      '0 request records (0 tokens) and 1 MCP tool run ',
    );
    api.usage.clear.mockResolvedValue({ ok: true, value: { deleted: 0 } });
    const remove = button(/^Delete/);
    expect(remove?.getAttribute('aria-disabled')).toBeNull();
    await act(async () => click(remove));
    expect(api.usage.clear).toHaveBeenCalledWith(range);
    expect(onDone).toHaveBeenCalledWith(0);
  });

  it('has nothing to delete in an empty range', async () => {
    await open(0, 0);
    expect(document.body.textContent).toContain('There is nothing recorded from');
    // aria-disabled (AlertDialog keeps it focusable): pressing it does nothing.
    expect(button(/^Delete/)?.getAttribute('aria-disabled')).toBe('true');
    await act(async () => click(button(/^Delete/)));
    expect(api.usage.clear).not.toHaveBeenCalled();
  });

  it('counts one of each in the singular', async () => {
    await open(1, 1);
    expect(document.querySelector('[data-testid="usage-clear-preview"]')?.textContent).toContain(
      '1 request record (10 tokens) and 1 MCP tool run ',
    );
    expect(button(/^Delete/)?.textContent).toBe('Delete 1 record and 1 MCP tool run');
  });
});
