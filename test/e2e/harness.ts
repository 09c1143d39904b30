import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHost, type Host, type HostOptions } from '../bridge/host';

export interface AppUnderTest {
  host: Host;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * One isolated app per test: its own data directory, keychain namespace, services, bridge and
 * browser context, with the real renderer loaded and ready.
 */
export async function openApp(
  browser: Browser,
  options: HostOptions & {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
  } = {},
): Promise<AppUnderTest> {
  const host = await startHost(options);
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.bridge.url);
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  return {
    host,
    context,
    page,
    close: async () => {
      await context.close();
      await host.close();
      if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}
