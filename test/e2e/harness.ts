import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startHost, type Host, type HostOptions } from '../bridge/host';
import type { MockProvider } from '../mock-provider';
import { launchChromium } from './browser';
import { openFirstThread } from './chat';

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

/**
 * One demo app shared by a file's tests: Chromium, the app with its mock provider, and the demo
 * thread open. The mock's script and request log are reset before each test unless the file's
 * tests build on each other (`resetMock: false`).
 */
export function useDemoApp(options: { resetMock?: boolean } = {}) {
  let browser: Browser | undefined;
  let current: AppUnderTest | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    current = await openApp(browser, { demo: true });
    await openFirstThread(current.page);
  });
  afterAll(async () => {
    await current?.close();
    await browser?.close();
  });
  if (options.resetMock ?? true) beforeEach(() => current?.host.mock?.reset());
  const app = (): AppUnderTest => {
    if (!current) throw new Error('the demo app starts in beforeAll');
    return current;
  };
  return {
    get app() {
      return app();
    },
    mock(): MockProvider {
      const mock = app().host.mock;
      if (!mock) throw new Error('the demo host has a mock provider');
      return mock;
    },
    demoThreadId: (): string => app().host.demoThreadId ?? '',
  };
}
