import type { Locator, Page } from 'playwright-core';

export type ScreenName = 'Chats' | 'Providers' | 'Tools' | 'Servers' | 'Experiments' | 'Usage';

/** The nav rail: one button per screen. */
export class NavRail {
  constructor(readonly page: Page) {}

  get rail(): Locator {
    return this.page.getByRole('navigation', { name: 'Screens' });
  }

  button(screen: ScreenName): Locator {
    return this.rail.getByRole('button', { name: screen, exact: true });
  }

  async go(screen: ScreenName): Promise<void> {
    await this.button(screen).click();
  }
}

/** The keyboard shortcuts sheet ("?" anywhere outside a text field). */
export class ShortcutsSheet {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Keyboard shortcuts' });
  }

  async open(): Promise<void> {
    await this.page.locator('body').press('?');
    await this.heading.waitFor();
  }
}
