// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { useStore as UseStore } from '../../../renderer/src/store';
import type { ResultsPanel as Panel } from '../../../renderer/src/features/experiments/ResultsPanel';
import { render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the store is imported after. */
Object.assign(window, { api: {} });

let useStore: typeof UseStore;
let ResultsPanel: typeof Panel;
beforeAll(async () => {
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ ResultsPanel } = await import('../../../renderer/src/features/experiments/ResultsPanel'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const summary = {
  id: 'run-1',
  experimentId: 'exp-1',
  versionNumber: 1,
  status: 'finished' as const,
  total: 40,
  done: 40,
  createdAt: 1_700_000_000_000,
  endedAt: 1_700_000_060_000,
};

describe('the results panel before its run has arrived', () => {
  it('says the run is loading when the experiment has runs, and "No run yet" only when it has none', () => {
    useStore.setState({ experimentRuns: [summary], experimentRun: null });
    view = render(<ResultsPanel />);
    expect(document.querySelector('[role="status"]')?.textContent).toBe('Loading the run…');
    expect(document.body.textContent).not.toContain('No run yet');
    view.unmount();

    useStore.setState({ experimentRuns: [], experimentRun: null });
    view = render(<ResultsPanel />);
    expect(document.querySelector('h2')?.textContent).toBe('No run yet');
  });
});
