// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ThreadCost, ThreadDetail } from '../../../main/contract';
import type { ThreadUsageTotals as Totals } from '../../../renderer/src/parts/usage';
import type { useStore as UseStore } from '../../../renderer/src/store';
import { render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the store is imported after. */
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
let usageChanged: (() => void) | null = null;
const threadCost = vi.fn();
const catalogue = vi.fn(() =>
  ok({ asOf: '2025-06-01', currency: 'USD', models: 10, ageDays: 553, staleAfterDays: 30, stale: true }),
);
Object.assign(window, {
  api: {
    budgets: {
      threadCost,
      catalogue,
      list: vi.fn(() => ok([])),
      onAlert: vi.fn(() => () => undefined),
    },
    usage: {
      onChanged: vi.fn((listener: () => void) => {
        usageChanged = listener;
        return () => undefined;
      }),
    },
  },
});

let store: { useStore: typeof UseStore };
let parts: { ThreadUsageTotals: typeof Totals };
beforeAll(async () => {
  store = await import('../../../renderer/src/store');
  parts = await import('../../../renderer/src/parts/usage');
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const figure = (costs: ThreadCost['thread']['costs'], credits = 0, catalogueCount = 0) => ({
  costs,
  credits,
  tokens: 1234,
  requests: 3,
  sources: { provider: 2, table: 1, catalogue: catalogueCount },
});

const cost = (over: Partial<ThreadCost> = {}): ThreadCost => ({
  thread: figure([
    { currency: 'USD', cost: 0.75 },
    { currency: 'EUR', cost: 2 },
  ]),
  branch: { ...figure([{ currency: 'USD', cost: 0.25 }], 12.5), leafId: 'a3' },
  branches: 2,
  converted: null,
  ...over,
});

/** The thread shown, on the branch ending at `leaf`. */
function showBranch(leaf: string) {
  act(() =>
    store.useStore.setState({
      details: { t1: { thread: { id: 't1', activeLeafId: leaf } } as unknown as ThreadDetail },
    }),
  );
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('the thread header’s cost', () => {
  it('shows the branch against the whole thread, currencies and credits apart, and follows each finished answer', async () => {
    threadCost.mockImplementation(({ leafId }: { leafId: string }) =>
      ok(cost({ branch: { ...figure([{ currency: 'USD', cost: 0.25 }], 12.5), leafId } })),
    );
    showBranch('a3');
    view = render(<parts.ThreadUsageTotals threadId="t1" />);
    await vi.waitFor(() => expect(text('thread-cost-branch')).not.toBeNull());
    expect(threadCost).toHaveBeenLastCalledWith({ threadId: 't1', leafId: 'a3' });
    expect(text('thread-cost-branch')).toMatch(/branch \$0\.2500 · 12\.5 cr/);
    // Dollars and euros side by side, never added up.
    expect(text('thread-cost-thread')).toMatch(/thread \$0\.7500, €2\.00/);

    // An answer finishes: the ledger says it changed, and the figure moves without a reload.
    threadCost.mockImplementation(() =>
      ok(cost({ thread: figure([{ currency: 'USD', cost: 1.5 }]), branch: null, branches: 1 })),
    );
    act(() => usageChanged?.());
    await vi.waitFor(() => expect(text('thread-cost-thread')).toMatch(/\$1\.50/));
    expect(text('thread-cost-branch')).toBeNull();
  });

  it('asks again for the branch the user switches to', async () => {
    threadCost.mockImplementation(({ leafId }: { leafId: string }) =>
      ok(cost({ branch: { ...figure([{ currency: 'USD', cost: leafId === 'a1' ? 0.5 : 0.25 }]), leafId } })),
    );
    showBranch('a3');
    view = render(<parts.ThreadUsageTotals threadId="t1" />);
    await vi.waitFor(() => expect(text('thread-cost-branch')).toMatch(/\$0\.2500/));
    showBranch('a1');
    await vi.waitFor(() => expect(text('thread-cost-branch')).toMatch(/\$0\.5000/));
    expect(threadCost).toHaveBeenLastCalledWith({ threadId: 't1', leafId: 'a1' });
  });

  it('marks a converted figure as converted and names its rate, and an old catalogue price as old', async () => {
    threadCost.mockImplementation(() =>
      ok(
        cost({
          thread: figure([{ currency: 'EUR', cost: 2 }], 0, 1),
          branch: null,
          branches: 1,
          converted: {
            currency: 'USD',
            thread: 2.5,
            branch: 2.5,
            rates: [{ id: 'r', from: 'EUR', to: 'USD', factor: 1.25, asOf: '2026-12-01', inverted: false }],
            missing: ['GBP'],
          },
        }),
      ),
    );
    showBranch('a3');
    view = render(<parts.ThreadUsageTotals threadId="t1" />);
    await vi.waitFor(() => expect(text('thread-cost-catalogue')).toBe('old prices'));
    expect(text('thread-cost-converted')).toMatch(/≈ \$2\.50 converted/);
    const title = document.querySelector('[data-testid="thread-usage-totals"]')?.getAttribute('title') ?? '';
    expect(title).toContain('1 EUR = 1.25 USD (your rate of 2026-12-01)');
    expect(title).toContain('Not converted (no rate set): GBP');
    expect(title).toContain('bundled price catalogue of 2025-06-01 (553 days old): older than 30 days');
    expect(title).toContain('Usage → Prices');
  });
});
