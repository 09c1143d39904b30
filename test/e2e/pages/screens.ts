import type { Locator, Page } from 'playwright-core';

export type ScreenName = 'Chats' | 'Providers' | 'Tools' | 'Servers' | 'Experiments' | 'Usage';

/** The nav rail: one button per screen. */
export class NavRail {
  constructor(readonly page: Page) {}

  get rail(): Locator {
    return this.page.getByRole('navigation', { name: 'Screens' });
  }

  async go(screen: ScreenName): Promise<void> {
    await this.rail.getByRole('button', { name: screen, exact: true }).click();
  }
}

/** The Providers screen: the list, the form, credentials and models. */
export class ProvidersScreen {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Providers' });
  }

  get presets(): Locator {
    return this.page.getByRole('list', { name: 'Provider presets' });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: '+ Add provider' });
  }

  get credentialStatus(): Locator {
    return this.page.getByTestId('credential-status');
  }

  models(providerName: string): Locator {
    return this.page.getByRole('list', { name: `Models of ${providerName}` });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async open(): Promise<void> {
    await new NavRail(this.page).go('Providers');
  }
}

/** The Tools screen: the library of tool definitions. */
export class ToolsScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new NavRail(this.page).go('Tools');
  }

  /** An answer's tool calls and the results to send back. */
  toolCalls(answer: Locator): Locator {
    return answer.getByTestId('tool-calls');
  }

  argumentProblems(answer: Locator): Locator {
    return answer.getByRole('list', { name: 'Argument problems' });
  }
}

/** The Usage screen: totals and the four charts. */
export class UsageScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new NavRail(this.page).go('Usage');
  }

  get totals(): Locator {
    return this.page.getByTestId('usage-totals');
  }

  chart(name: 'tokens' | 'money' | 'status' | 'latency'): Locator {
    return this.page.getByTestId(`usage-chart-${name}`);
  }
}
