import type { Locator, Page } from 'playwright-core';

export type InspectorTab = 'Parameters' | 'Tools' | 'Request' | 'Compare';

/** The inspector on the right: the parameter panel (settings), tools, the raw request, Compare. */
export class InspectorPane {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
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
