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

  /** The drawn icon of a screen's button. */
  icon(screen: ScreenName): Locator {
    return this.button(screen).locator('svg');
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

  get sheet(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  get rows(): Locator {
    return this.sheet.getByRole('row');
  }

  /** A shortcut's description in the sheet. */
  entry(text: string): Locator {
    return this.sheet.getByText(text);
  }

  async open(): Promise<void> {
    await this.page.locator('body').press('?');
    await this.heading.waitFor();
  }
}

/** The window as a whole: what holds for every screen, and keys pressed outside any field. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Presses a global shortcut with nothing focused (the body has the keyboard). */
  async shortcut(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.locator('body').press(key);
  }

  /** Waits for two painted frames: what a render or a transition just did is on screen. */
  async settle(): Promise<void> {
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }

  /** Buttons with no name, icon buttons drawn with a character, and emoji (no UI font may have them). */
  iconProblems(): Promise<string[]> {
    return this.page.evaluate(() => {
      const problems: string[] = [];
      if (/\p{Extended_Pictographic}/u.test(document.body.innerText.replace(/[©®™]/gu, '')))
        problems.push(`emoji in: ${document.body.innerText.match(/.*\p{Extended_Pictographic}.*/u)?.[0]}`);
      for (const button of document.querySelectorAll('button')) {
        const text = (button.textContent ?? '').trim();
        const name = button.getAttribute('aria-label') ?? button.getAttribute('title') ?? text;
        if (name.trim() === '') problems.push(`a button without a name: ${button.outerHTML.slice(0, 120)}`);
        if (!/[\p{L}\p{N}]/u.test(text) && !button.querySelector('svg'))
          problems.push(`an icon button drawn with a character (“${text}”): ${name}`);
      }
      return problems;
    });
  }
}
