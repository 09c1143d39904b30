import type { Browser } from 'playwright-core';
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
async function addSso({ page, pages }: AppUnderTest, oauth: Record<string, string>): Promise<void> {
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
  await pages.providers.open();
}

describe('OAuth sign-in', () => {
  // A reload, the Providers screen and a loopback listener: more than 20 s on a loaded machine.
  it('can be cancelled while it waits for the browser, saving nothing', async () => {
    const { page } = app;
    const { providers } = app.pages;
    await addSso(app, {});
    await providers.signInButton.click();
    await providers.waitingForBrowser.waitFor();
    await expect.poll(() => opened.length).toBe(1);
    expect(opened[0]).toContain('code_challenge_method=S256');

    await providers.cancelSignInButton.click();
    await providers.signInCancelled.waitFor();
    await providers.signInButton.waitFor();
    const saved = await page.evaluate(() => window.api.providers.list({}));
    expect(saved.ok && saved.value[0]?.credential.configured).toBe(false);
  }, 60_000);
});

describe('OAuth sign-in in the browser build, where no system browser can be opened', () => {
  it('shows the sign-in address with a Copy button, prints it, and completes once it is opened', async () => {
    const printed = vi.spyOn(process.stdout, 'write');
    // No openExternal: the browser build's default, which cannot open a browser.
    const build = await openApp(browser);
    try {
      const { page, context } = build;
      const { providers } = build.pages;
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      // The issuer typed with a trailing slash: main keeps it without, and the sign-in saves the
      // endpoints it discovered; neither may leave "Unsaved changes" behind.
      await addSso(build, { issuer: `${mock.url}/` });
      await providers.signInButton.click();
      const shown = providers.signInUrl;
      await shown.waitFor();
      const url = (await shown.textContent()) ?? '';
      expect(url).toContain('code_challenge_method=S256');
      expect(printed.mock.calls.some(([text]) => String(text).includes(url))).toBe(true);

      await providers.copyButton().click();
      await providers.copyButton('Copied').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

      // The user opens the address: the provider signs them in and redirects to the app.
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.getByText('You can close this tab').waitFor();
      await tab.close();

      await providers.credentialStatus.getByText(/^Signed in/).waitFor();
      expect(await providers.signInUrl.count()).toBe(0);
      await providers.signInAgainButton.waitFor();
      expect(await providers.unsavedChanges.count()).toBe(0);
    } finally {
      printed.mockRestore();
      await build.close();
    }
  }, 60_000);
});
