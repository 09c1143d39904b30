import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startHost, type Host, type HostOptions } from '../bridge/host';
import type { MockProvider } from '../mock-provider';
import { launchChromium } from './browser';
import { appPages, type AppPages } from './pages';

export interface AppUnderTest {
  host: Host;
  context: BrowserContext;
  page: Page;
  /** The page modules of `page`: each screen's locators and actions. */
  pages: AppPages;
  /** What the page logged as a console warning so far (React Aria's misuse warnings among them). */
  warnings: string[];
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
  // Recorded for every test, kept only for a failing one (traceFailures below).
  await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(host.bridge.url);
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  return {
    host,
    context,
    page,
    pages: appPages(page),
    warnings,
    close: async () => {
      await context.close();
      await host.close();
      if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}

/** Where the Playwright trace of a failing test is saved. */
export const TRACE_DIR = join(process.cwd(), 'test-results/traces');

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 80);

/**
 * Keeps a Playwright trace of every failing test run against `context()`: each test records a
 * chunk of the context's trace; a passing test's chunk is dropped, a failing one is saved as
 * test-results/traces/<file>--<test>.zip and the failure output says where.
 */
export function traceFailures(context: () => BrowserContext | undefined): void {
  beforeEach(async (test) => {
    const traced = context();
    if (!traced) return;
    await traced.tracing.startChunk({ title: test.task.name });
    test.onTestFinished(async ({ task }) => {
      const failed = task.result?.state === 'fail';
      const path = join(TRACE_DIR, `${slug(task.file.name.replace(/^.*\//u, ''))}--${slug(task.name)}.zip`);
      try {
        await traced.tracing.stopChunk(failed ? { path } : undefined);
      } catch {
        return; // The test closed its own context: there is no trace left to keep.
      }
      if (!failed) return;
      const note = `Playwright trace of this failure: ${path} (open it with: npx playwright-core show-trace ${path})`;
      console.error(note);
      const error = task.result?.errors?.[0];
      if (error) error.message = `${error.message}\n${note}`;
    });
  });
}

/**
 * One demo app shared by a file's tests: Chromium, the app with its mock provider, and the demo
 * thread open. The mock's script and request log are reset before each test unless the file's
 * tests build on each other (`resetMock: false`). Each screen's page module is at `pages`; a
 * failing test leaves its Playwright trace (traceFailures).
 */
export function useDemoApp(options: { resetMock?: boolean } = {}) {
  let browser: Browser | undefined;
  let current: AppUnderTest | undefined;
  let pages: AppPages | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    current = await openApp(browser, { demo: true });
    pages = current.pages;
    await pages.threads.openFirst();
    // Chromium, the app and its services and the first thread: at load 25 on two cores this took
    // more than the default 30 s, and every test of the file failed with it.
  }, 90_000);
  afterAll(async () => {
    await current?.close();
    await browser?.close();
  });
  if (options.resetMock ?? true) beforeEach(() => current?.host.mock?.reset());
  traceFailures(() => current?.context);
  const app = (): AppUnderTest => {
    if (!current) throw new Error('the demo app starts in beforeAll');
    return current;
  };
  return {
    get app() {
      return app();
    },
    /** The page modules of the demo app's page. */
    get pages(): AppPages {
      if (!pages) throw new Error('the demo app starts in beforeAll');
      return pages;
    },
    mock(): MockProvider {
      const mock = app().host.mock;
      if (!mock) throw new Error('the demo host has a mock provider');
      return mock;
    },
    demoThreadId: (): string => app().host.demoThreadId ?? '',
  };
}
