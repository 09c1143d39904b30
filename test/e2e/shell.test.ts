import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openFirstThread, send } from './chat';
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

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
};
const SCREENS = ['Chats', 'Providers', 'Tools', 'Usage'] as const;

/** Buttons with no word in them (icon buttons) and characters no UI font may have (emoji). */
function iconProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
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

describe('the app shell at a glance', () => {
  it('draws every icon as an SVG that needs no emoji font, every icon button has a name, no parameter name is cut', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      await openFirstThread(page);
      const nav = page.getByRole('navigation', { name: 'Screens' });
      for (const screen of SCREENS) {
        const item = nav.getByRole('button', { name: screen, exact: true });
        expect(await item.locator('svg').count()).toBe(1);
        await item.click();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        expect(await iconProblems(page), screen).toEqual([]);
      }
      // The parameter names are never cut short either.
      await nav.getByRole('button', { name: 'Chats', exact: true }).click();
      expect(await parameterLabelsCut(page)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 40_000);

  it('shows a toast in the bottom-right corner, away from the list and the message box, and Undo brings an archived thread back', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      await openFirstThread(page);
      const item = page.getByTestId('thread-item').first();
      const title = (await item.locator('.thread-title').textContent()) ?? '';
      await item.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Archive' }).click();
      const toast = page.getByRole('status').filter({ hasText: 'Archived' });
      await toast.waitFor();
      expect(await page.getByTestId('thread-item').count()).toBe(0);

      const box = await boxOf(toast);
      const viewport = page.viewportSize() ?? { width: 0, height: 0 };
      expect(viewport.width - (box.x + box.width)).toBeLessThanOrEqual(24);
      expect(viewport.height - (box.y + box.height)).toBeLessThanOrEqual(24);
      expect(overlaps(box, await boxOf(page.getByRole('complementary', { name: 'Threads' })))).toBe(false);
      expect(overlaps(box, await boxOf(page.locator('.composer')))).toBe(false);

      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => page.getByTestId('thread-item').count()).toBe(1);
      expect(await page.getByTestId('thread-item').first().locator('.thread-title').textContent()).toBe(
        title,
      );
    } finally {
      await app.close();
    }
  });

  it('a second New thread reuses the empty one instead of piling up empty threads', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      await openFirstThread(page);
      await send(page, 'Hello');
      const threads = page.getByTestId('thread-item');
      const newThread = page
        .getByRole('complementary', { name: 'Threads' })
        .getByRole('button', { name: 'New thread', exact: true });
      await newThread.click();
      await expect.poll(() => threads.count()).toBe(2);
      const first = await page
        .locator('[data-testid="thread-item"].is-current')
        .getAttribute('data-thread-id');
      await threads.last().click();
      await newThread.click();
      await page.keyboard.press('Control+n');
      await expect
        .poll(() => page.locator('[data-testid="thread-item"].is-current').getAttribute('data-thread-id'))
        .toBe(first);
      expect(await threads.count()).toBe(2);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('composer');
    } finally {
      await app.close();
    }
  });

  it('at 1024 × 768 keeps the conversation at least 560 px wide; the inspector opens over it and Esc closes it; dialogs fit', async () => {
    const app = await openApp(browser, { demo: true, viewport: { width: 1024, height: 768 } });
    try {
      const { page } = app;
      await openFirstThread(page);
      const conversation = page.getByRole('main', { name: 'Conversation' });
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      expect((await boxOf(conversation)).width).toBeGreaterThanOrEqual(560);
      expect(await inspector.count()).toBe(0);

      await page.locator('body').press('Control+i');
      await inspector.waitFor();
      expect((await boxOf(conversation)).width).toBeGreaterThanOrEqual(560);
      const panel = await boxOf(inspector);
      expect(panel.x + panel.width).toBeLessThanOrEqual(1024);
      expect(await parameterLabelsCut(page)).toEqual([]);

      // The keyboard went with it, to the selected section's tab.
      await expect.poll(() => isFocused(inspector.getByRole('tab', { selected: true }))).toBe(true);
      // Non-modal: the conversation stays in the accessibility tree.
      expect(await conversation.getByTestId('composer').isVisible()).toBe(true);
      expect(await page.locator('[aria-hidden="true"] [data-testid="composer"]').count()).toBe(0);

      // A popover opened from it takes its own Esc and presses inside it are not "outside".
      await inspector.getByRole('tab', { name: 'Parameters' }).click();
      await inspector.getByRole('button', { name: 'Presets' }).click();
      const presets = page.getByRole('dialog', { name: 'Parameter presets' });
      await presets.getByLabel('Preset name').click();
      await page.keyboard.press('Escape');
      await expect.poll(() => presets.count()).toBe(0);
      expect(await inspector.count()).toBe(1);

      const toggle = page.getByRole('button', { name: 'Inspector', exact: true });
      await inspector.getByRole('tab', { name: 'Parameters' }).focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => inspector.count()).toBe(0);
      // Focus back on the button that opens it.
      await expect.poll(() => isFocused(toggle)).toBe(true);

      // With the mouse: the header's Inspector button, and a click back in the conversation,
      // which closes it and still lands where it was aimed (the message box takes typing).
      await toggle.click();
      await inspector.waitFor();
      await toggle.click();
      await expect.poll(() => inspector.count()).toBe(0);
      await toggle.click();
      await inspector.waitFor();
      await page.getByTestId('composer').click();
      await expect.poll(() => inspector.count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('composer');
      await page.keyboard.type('still typeable');
      expect(await page.getByTestId('composer').inputValue()).toContain('still typeable');
      await page.getByTestId('composer').fill('');

      // The shortcuts sheet is taller than 768 px: its list scrolls inside it, never out of the box.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.locator('body').press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      const lastRow = sheet.getByRole('row').last();
      await lastRow.scrollIntoViewIfNeeded();
      const row = await boxOf(lastRow);
      const box = await boxOf(sheet);
      expect(row.y + row.height).toBeLessThanOrEqual(box.y + box.height);
    } finally {
      await app.close();
    }
  }, 60_000);
});

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Names of parameters whose label is clipped (an ellipsis, or text running out of its box). */
async function parameterLabelsCut(page: Page): Promise<string[]> {
  await page.locator('label.param-name').first().waitFor();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('label.param-name')]
      .filter((label) => label.scrollWidth > label.clientWidth || label.scrollHeight > label.clientHeight + 1)
      .map((label) => label.textContent ?? ''),
  );
}
