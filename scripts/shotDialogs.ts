// Screenshots of every dialog, popover and toast, light and dark, to compare the widget layer
// before and after a change. Usage: npx tsx scripts/shotDialogs.ts [--out /tmp/shots/dialogs]
// [--only picker,search] [--schemes light,dark]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser';
import { openFirstThread, send } from '../test/e2e/chat';
import { openApp } from '../test/e2e/harness';
import { ensureKeyring } from '../test/bridge/keyring';

ensureKeyring();
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
};
const out = option('out', '/tmp/shots/dialogs');
const only = option('only', '');
const schemes = option('schemes', 'light,dark').split(',') as ('light' | 'dark')[];
mkdirSync(out, { recursive: true });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const frames = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Each step opens one overlay and leaves the page as it found it. */
const steps: Record<string, (page: Page) => Promise<() => Promise<void>>> = {
  picker: async (page) => {
    await page
      .getByRole('button', { name: /^Model: .*Change model$/ })
      .first()
      .click();
    await page.getByTestId('model-picker').waitFor();
    await page.keyboard.press('ArrowDown');
    return () => page.keyboard.press('Escape');
  },
  search: async (page) => {
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-palette').getByRole('combobox').fill('code');
    await page.getByTestId('search-palette').getByRole('option').first().waitFor();
    return () => page.keyboard.press('Escape');
  },
  shortcuts: async (page) => {
    await page.locator('body').press('?');
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    return () => page.keyboard.press('Escape');
  },
  presets: async (page) => {
    await inspector(page).getByRole('tab', { name: 'Parameters' }).click();
    await inspector(page).getByRole('button', { name: 'Presets' }).click();
    await page.getByRole('dialog', { name: 'Parameter presets' }).waitFor();
    return () => page.keyboard.press('Escape');
  },
  compare: async (page) => {
    await inspector(page).getByRole('tab', { name: 'Compare' }).click();
    await inspector(page).getByLabel('New value').fill('1.5');
    await inspector(page).getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('dialog', { name: 'Answers side by side' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-status="streaming"]'));
    return () => page.keyboard.press('Escape');
  },
  toast: async (page) => {
    const item = page.getByTestId('thread-item').first();
    await item.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    await page.getByText('Archived').first().waitFor();
    return async () => {
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByTestId('thread-item').first().waitFor();
    };
  },
  importTools: async (page) => {
    await nav(page, 'Tools');
    await page
      .getByRole('button', { name: /^Import/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Import tools' }).waitFor();
    await page.getByLabel('Tools JSON').fill('[{"type":"function"}]');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.tools-import-error').waitFor();
    return async () => {
      await page.keyboard.press('Escape');
      await nav(page, 'Chats');
    };
  },
  clearRange: async (page) => {
    await nav(page, 'Usage');
    await page.getByRole('button', { name: 'Clear range…' }).click();
    await page.getByRole('heading', { name: 'Clear usage history?' }).waitFor();
    await page.getByText(/This deletes|nothing recorded/).waitFor();
    return async () => {
      await page.keyboard.press('Escape');
      await nav(page, 'Chats');
    };
  },
  deleteProvider: async (page) => {
    await nav(page, 'Providers');
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('heading', { name: /^Delete .*\?$/ }).waitFor();
    return async () => {
      await page.keyboard.press('Escape');
      await nav(page, 'Chats');
    };
  },
};

const browser = await launchChromium();
try {
  for (const scheme of schemes) {
    const app = await openApp(browser, { demo: true, colorScheme: scheme });
    try {
      await openFirstThread(app.page);
      await send(app.page, 'Show me some code');
      for (const [name, open] of Object.entries(steps)) {
        if (only !== '' && !only.split(',').includes(name)) continue;
        try {
          const close = await open(app.page);
          await frames(app.page);
          const file = join(out, `${name}-${scheme}.png`);
          await app.page.screenshot({ path: file });
          console.log(file);
          await close();
          // The next step starts from a page with no overlay left (focus has gone back, too).
          await app.page.waitForFunction(
            () => !document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]'),
          );
          await frames(app.page);
        } catch (error) {
          console.log(`${name}-${scheme}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
        }
      }
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
