import type { Locator, Page } from 'playwright-core';

/** The Ctrl+K palette: search every message, open a hit at its place. */
export class SearchPalette {
  constructor(readonly page: Page) {}

  get palette(): Locator {
    return this.page.getByTestId('search-palette');
  }

  get input(): Locator {
    return this.palette.getByRole('combobox', { name: 'Search messages' });
  }

  get hits(): Locator {
    return this.palette.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.input.waitFor();
  }

  /** Searches `query` and waits for the first hit. */
  async search(query: string): Promise<Locator> {
    await this.input.fill(query);
    const first = this.hits.first();
    await first.waitFor();
    return first;
  }
}
