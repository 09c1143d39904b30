import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openFirstThread } from './chat';
import { openApp } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app shell', () => {
  it('tells a newcomer what to do first, and the button takes them there', async () => {
    const app = await openApp(browser);
    try {
      const { page } = app;
      await page.getByRole('heading', { name: 'Add a provider' }).waitFor();
      await page
        .getByRole('main', { name: 'Conversation' })
        .getByRole('button', { name: 'Add a provider' })
        .click();
      await page.getByRole('list', { name: 'Provider presets' }).waitFor();
      await page.screenshot({ path: 'test-results/first-run.png' });
    } finally {
      await app.close();
    }
  });

  it('shows threads, conversation and inspector; the inspector folds away with Ctrl+I; ? lists the shortcuts', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      await openFirstThread(page);
      await expect.poll(() => page.getByRole('complementary', { name: 'Threads' }).isVisible()).toBe(true);
      expect(await page.getByRole('main', { name: 'Conversation' }).isVisible()).toBe(true);
      expect(await page.getByRole('complementary', { name: 'Inspector' }).isVisible()).toBe(true);

      await page.locator('body').press('Control+i');
      await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).count()).toBe(0);
      await page.locator('body').press('Control+i');
      await page.getByRole('complementary', { name: 'Inspector' }).waitFor();

      await page.locator('body').press('?');
      const sheet = page.getByRole('heading', { name: 'Keyboard shortcuts' });
      await sheet.waitFor();
      expect(await page.getByText('Show or hide the inspector').isVisible()).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('follows the OS between light and dark', async () => {
    const background = async (scheme: 'light' | 'dark') => {
      const app = await openApp(browser, { colorScheme: scheme });
      try {
        return await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      } finally {
        await app.close();
      }
    };
    const light = await background('light');
    const dark = await background('dark');
    const lightness = (rgb: string) =>
      (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, v) => sum + Number(v), 0);
    expect(lightness(light)).toBeGreaterThan(600);
    expect(lightness(dark)).toBeLessThan(150);
  });
});
