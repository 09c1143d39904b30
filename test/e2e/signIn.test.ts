import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockProvider, type MockProvider } from '../mock-provider';
import { launchChromium } from './browser';
import { openApp, type AppUnderTest } from './harness';

let browser: Browser;
let mock: MockProvider;
let app: AppUnderTest;
const opened: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  mock = await startMockProvider();
  // The system browser opens the sign-in page, and the user never finishes there.
  app = await openApp(browser, { openExternal: async (url) => void opened.push(url) });
});
afterAll(async () => {
  await app?.close();
  await mock?.close();
  await browser?.close();
});

/** Adds an OAuth provider for the mock and opens it on the Providers screen. */
async function addSso(page: Page, oauth: Record<string, string>): Promise<void> {
  await page.evaluate(
    ({ baseUrl, config }) =>
      window.api.providers.create({
        name: 'Work SSO',
        preset: 'confidential',
        baseUrl,
        authKind: 'oauth',
        oauth: { scopes: 'llm-all', ...config },
      }),
    { baseUrl: mock.confidentialBase, config: oauth },
  );
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Providers', exact: true })
    .click();
}

describe('OAuth sign-in', () => {
  it('can be cancelled while it waits for the browser, saving nothing', async () => {
    const { page } = app;
    await addSso(page, {});
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Waiting for the browser…' }).waitFor();
    await expect.poll(() => opened.length).toBe(1);
    expect(opened[0]).toContain('code_challenge_method=S256');

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByText('Sign-in was cancelled; nothing was saved.').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const providers = await page.evaluate(() => window.api.providers.list({}));
    expect(providers.ok && providers.value[0]?.credential.configured).toBe(false);
  });
});

describe('OAuth sign-in in the browser build, where no system browser can be opened', () => {
  it('shows the sign-in address with a Copy button, prints it, and completes once it is opened', async () => {
    const printed = vi.spyOn(process.stdout, 'write');
    // No openExternal: the browser build's default, which cannot open a browser.
    const build = await openApp(browser);
    try {
      const { page, context } = build;
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      // The issuer typed with a trailing slash: main keeps it without, and the sign-in saves the
      // endpoints it discovered; neither may leave "Unsaved changes" behind.
      await addSso(page, { issuer: `${mock.url}/` });
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const shown = page.getByTestId('sign-in-url');
      await shown.waitFor();
      const url = (await shown.textContent()) ?? '';
      expect(url).toContain('code_challenge_method=S256');
      expect(printed.mock.calls.some(([text]) => String(text).includes(url))).toBe(true);

      await page.getByRole('button', { name: 'Copy', exact: true }).click();
      await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

      // The user opens the address: the provider signs them in and redirects to the app.
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.getByText('You can close this tab').waitFor();
      await tab.close();

      await page
        .getByTestId('credential-status')
        .getByText(/^Signed in/)
        .waitFor();
      expect(await page.getByTestId('sign-in-url').count()).toBe(0);
      await page.getByRole('button', { name: 'Sign in again', exact: true }).waitFor();
      expect(await page.getByText('Unsaved changes').count()).toBe(0);
    } finally {
      printed.mockRestore();
      await build.close();
    }
  }, 60_000);
});
