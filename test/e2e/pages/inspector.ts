import type { Locator, Page } from 'playwright-core';

export type InspectorTab = 'Parameters' | 'Tools' | 'Request' | 'Compare';

/** The inspector on the right: the parameter panel (settings), tools, the raw request, Compare. */
export class InspectorPane {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /** The conversation header's button that shows or hides the inspector. */
  get toggleButton(): Locator {
    return this.page.getByRole('button', { name: 'Inspector', exact: true });
  }

  /** Ctrl+I from anywhere outside a text field. */
  async toggleByKeyboard(): Promise<void> {
    await this.page.locator('body').press('Control+i');
  }

  get selectedTab(): Locator {
    return this.pane.getByRole('tab', { selected: true });
  }

  tab(name: InspectorTab): Locator {
    return this.page.getByRole('tab', { name });
  }

  async show(name: InspectorTab): Promise<void> {
    await this.tab(name).click();
  }

  /** The parameter panel's field for a parameter or its token rows (e.g. `Token id 1`). */
  field(label: string): Locator {
    return this.page.getByLabel(label);
  }

  get addTokenButton(): Locator {
    return this.page.getByRole('button', { name: '+ Add token' });
  }

  get requestBody(): Locator {
    return this.page.getByTestId('request-body');
  }

  get curlCommand(): Locator {
    return this.page.getByTestId('curl-command');
  }

  /** The count line of the raw stream events ("1,234 events"). */
  get eventCount(): Locator {
    return this.page.getByText(/^\d[\d,]* events$/);
  }

  /** The count line once at least one raw event is there. */
  get someEvents(): Locator {
    return this.pane.getByText(/^[1-9][\d,]* events$/);
  }

  get rawEventsSearch(): Locator {
    return this.pane.getByRole('searchbox', { name: 'Search raw stream events' });
  }

  /** The Request tab's "raw" switch: the body exactly as sent, not pretty-printed. */
  async showRawBody(): Promise<void> {
    await this.pane.getByRole('checkbox', { name: 'raw' }).first().check();
  }

  /** Compare's parameter (ui/Select: a button named "<parameter> Parameter"). */
  get compareParam(): Locator {
    return this.pane.getByRole('button', { name: / Parameter$/ });
  }

  /** Compare: re-runs the selected answer with one parameter (`param`, if given) changed to `value`. */
  async compareWith(value: string, param?: string): Promise<void> {
    if (param) {
      await this.compareParam.click();
      await this.page.getByRole('listbox').getByRole('option', { name: param, exact: true }).click();
      await this.pane.getByRole('button', { name: `${param} Parameter`, exact: true }).waitFor();
    }
    await this.pane.getByLabel('New value').fill(value);
    await this.pane.getByRole('button', { name: 'Run comparison' }).click();
  }

  /** The wide view Compare opens: the answers side by side. */
  get sideBySide(): Locator {
    return this.page.getByRole('dialog', { name: 'Answers side by side' });
  }

  /** A re-run's card, named by what changed ("temperature = 1.5"). */
  rerun(name: string): Locator {
    return this.pane.getByRole('region', { name });
  }

  /** Sets thread settings through the same API the parameter panel saves with. */
  async setParams(threadId: string, params: Record<string, unknown>): Promise<void> {
    await this.page.evaluate(
      async ({ id, p }) => {
        const result = await window.api.threads.update({ id, settings: { params: p } });
        if (!result.ok) throw new Error(result.error.message);
      },
      { id: threadId, p: params },
    );
  }
}
