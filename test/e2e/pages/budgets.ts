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
    await this.form.getByLabel('Per').selectOption(values.per);
    await this.form.getByLabel('Limit').fill(values.limit);
    await this.form.getByLabel('In', { exact: true }).fill(values.unit);
    if (values.block) await this.form.getByLabel('block sending').check();
    await this.form.getByRole('button', { name: 'Add budget' }).click();
    await this.meter(values.name).waitFor();
  }
}
