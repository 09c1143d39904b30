// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { useStore as UseStore } from '../../../renderer/src/store';
import type { UsageFilterBar as Bar } from '../../../renderer/src/features/usage/UsageFilterBar';
import { NO_FILTERS } from '../../../renderer/src/store/usage/filters';
import { click, render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the store is imported after. */
Object.assign(window, { api: {} });

let useStore: typeof UseStore;
let UsageFilterBar: typeof Bar;
beforeAll(async () => {
  ({ useStore } = await import('../../../renderer/src/store'));
  ({ UsageFilterBar } = await import('../../../renderer/src/features/usage/UsageFilterBar'));
});

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

/** The filter's button: ui/Select names it "<shown value> <label>". */
const filter = (label: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.ui-select-button')].find((button) =>
    (button.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .some((id) => document.getElementById(id)?.getAttribute('aria-label') === label),
  ) ?? null;
const option = (name: string) =>
  [...document.querySelectorAll('[role="listbox"] [role="option"]')].find((o) => o.textContent === name) ??
  null;

/** Opens a filter and clicks an option, as a user does. */
function choose(label: string, name: string): void {
  click(filter(label));
  click(option(name));
}

describe('usage filter bar', () => {
  it('each filter is a select named by its field; picking an option filters, "All …" clears it', () => {
    const loadUsageSummary = vi.fn(() => Promise.resolve());
    useStore.setState({
      usageFilters: NO_FILTERS,
      usageKnownModels: ['all', 'phala/gpt-oss-120b'],
      usageKnownProviders: {},
      loadUsageSummary,
    });
    view = render(<UsageFilterBar />);
    expect(filter('Model')?.textContent).toBe('All models');

    choose('Confidential', 'Confidential only');
    expect(useStore.getState().usageFilters.confidential).toBe('yes');
    expect(filter('Confidential')?.textContent).toBe('Confidential only');

    // A model that happens to be called "all" is a model, not "no filter".
    choose('Model', 'all');
    expect(useStore.getState().usageFilters.model).toBe('all');
    expect(filter('Model')?.textContent).toBe('all');
    choose('Model', 'All models');
    expect(useStore.getState().usageFilters.model).toBeNull();
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(loadUsageSummary).toHaveBeenCalledTimes(3);
  });
});
