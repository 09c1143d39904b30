// @vitest-environment jsdom
import { beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import type { BudgetInput } from '../../../main/contract';
import type { BudgetForm as Form } from '../../../renderer/src/parts/budgets/BudgetForm';
import { blankBudget } from '../../../renderer/src/store/budgets/draft';
import { provider } from '../models/fixtures';
import { click, nextFrame, press, render } from '../ui/render';

/** The bridge reads `window.api` once: the fake goes in first, the store is imported after. */
const save = vi.fn((input: BudgetInput) =>
  Promise.resolve({ ok: true as const, value: { ...input, id: 'b1', createdAt: 0 } }),
);
Object.assign(window, {
  api: { budgets: { save, list: vi.fn(() => Promise.resolve({ ok: true, value: [] })) } },
});

let BudgetForm: typeof Form;
beforeAll(async () => {
  ({ BudgetForm } = await import('../../../renderer/src/parts/budgets/BudgetForm'));
});

let view: ReturnType<typeof render> | undefined;
let done = 0;
beforeEach(() => {
  save.mockClear();
  done = 0;
  view = render(
    <BudgetForm
      initial={blankBudget()}
      providers={[provider('p1', 'Alpha', 0), provider('p2', 'Beta', 1)]}
      onDone={() => done++}
    />,
  );
});
afterEach(() => view?.unmount());

/** A ui/Select's button: named by its value then its label, it opens a listbox. */
const selectButton = (label: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('button[aria-haspopup="listbox"]')].find((b) =>
    (b.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .some((id) => document.getElementById(id)?.textContent === label),
  ) ?? null;
const options = () => [...document.querySelectorAll<HTMLElement>('[role="option"]')];
const describedBy = (element: Element | null) =>
  (element?.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

/** Opens a select with the keyboard and picks the option labelled `label`. */
async function choose(select: string, label: string) {
  const button = selectButton(select);
  if (!button) throw new Error(`no ${select} select`);
  button.focus();
  press('ArrowDown', button);
  await nextFrame();
  click(options().find((o) => o.textContent === label) ?? null);
  await nextFrame();
}

describe('BudgetForm', () => {
  it('asks what it counts, which provider and per what through the app’s selects, not native ones', async () => {
    expect(document.querySelector('select:not([aria-hidden="true"]):not([tabindex="-1"])')).toBeNull();
    expect(selectButton('Counts')?.textContent).toBe('All spending');
    expect(selectButton('Per')?.textContent).toBe('month');
    expect(selectButton('Provider')).toBeNull();

    await choose('Counts', 'A provider');
    expect(selectButton('Counts')?.textContent).toBe('A provider');
    expect(selectButton('Provider')?.textContent).toBe('Choose…');
    await choose('Provider', 'Beta');
    await choose('Per', 'week');
    expect(selectButton('Per')?.textContent).toBe('week');
  });

  it('says which provider is missing on the Provider select itself, and sends the choices once it has one', async () => {
    await choose('Counts', 'A provider');
    const limit = document.querySelector<HTMLInputElement>('input[inputmode="decimal"]');
    if (!limit) throw new Error('no limit field');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(limit, '25');
    limit.dispatchEvent(new Event('input', { bubbles: true }));
    click(document.querySelector('button[type="submit"]'));
    await nextFrame();
    expect(save).not.toHaveBeenCalled();
    const providerButton = selectButton('Provider');
    expect(providerButton?.closest('[data-invalid]')).not.toBeNull();
    expect(describedBy(providerButton)).toContain('Choose the provider this budget counts.');

    await choose('Provider', 'Beta');
    await choose('Per', 'day');
    click(document.querySelector('button[type="submit"]'));
    await vi.waitFor(() => expect(done).toBe(1));
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ scope: { kind: 'provider', providerId: 'p2' }, period: 'day', limit: 25 }),
    );
  });
});
