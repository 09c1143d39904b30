import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('OAuth sign-in', () => {
  it('can be cancelled while it waits for the browser, saving nothing', async () => {
    const { page } = app;
    await page.evaluate(
      (baseUrl) =>
        window.api.providers.create({
          name: 'Work SSO',
          preset: 'confidential',
          baseUrl,
          authKind: 'oauth',
          oauth: { scopes: 'llm-all' },
        }),
      mock.confidentialBase,
    );
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Providers', exact: true })
      .click();
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
