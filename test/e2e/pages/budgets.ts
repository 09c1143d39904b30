import type { Locator, Page } from 'playwright-core';
import { NavRail } from './screens';

/** The Budgets panel on the Usage screen: its list and its form. */
export class BudgetsPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Budgets' });
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: /budget/ });
  }

  /** The meter of the budget with this title. */
  meter(title: string): Locator {
    return this.panel.getByRole('meter', { name: `${title}: spent` });
  }

  /** One of the form's selects (ui/Select: a button named "<value> <label>" that opens a listbox). */
  select(label: 'Counts' | 'Provider' | 'Per'): Locator {
    return this.form.getByRole('button', { name: new RegExp(` ${label}$`) });
  }

  /** Opens a select's list and returns it. */
  async openList(label: 'Counts' | 'Provider' | 'Per'): Promise<Locator> {
    await this.select(label).click();
    const list = this.page.getByRole('listbox');
    await list.waitFor();
    return list;
  }

  /** Picks `option` in one of the form's selects and waits until the select shows it. */
  async choose(label: 'Counts' | 'Provider' | 'Per', option: string): Promise<void> {
    const list = await this.openList(label);
    await list.getByRole('option', { name: option, exact: true }).click();
    await this.form.getByRole('button', { name: `${option} ${label}`, exact: true }).waitFor();
  }

  /** Picks what the budget counts ("All spending", "A provider", …). */
  async chooseScope(scope: string): Promise<void> {
    await this.choose('Counts', scope);
  }

  async open(): Promise<void> {
    await new NavRail(this.page).go('Usage');
    await this.panel.waitFor();
  }

  async add(values: {
    name: string;
    per: 'day' | 'week' | 'month';
    limit: string;
    unit: string;
    block: boolean;
  }) {
    await this.panel.getByRole('button', { name: 'New budget' }).click();
    await this.form.getByLabel('Name (optional)').fill(values.name);
    await this.choose('Per', values.per);
    await this.form.getByLabel('Limit').fill(values.limit);
    await this.form.getByLabel('In', { exact: true }).fill(values.unit);
    if (values.block) await this.form.getByLabel('block sending').check();
    await this.form.getByRole('button', { name: 'Add budget' }).click();
    await this.meter(values.name).waitFor();
  }
}
