import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openApp } from './harness';
import type { ScreenName } from './pages/shell';

let browser: Browser;
// Each test opens its own app (two for light and dark): at load 18 on two cores one took 14–31 s.

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
      const { page, pages } = app;
      await pages.conversation.firstRunHeading.waitFor();
      await pages.conversation.addProviderButton.click();
      await pages.providers.presets.waitFor();
      await page.screenshot({ path: 'test-results/first-run.png' });
    } finally {
      await app.close();
    }
  }, 60_000);

  it('shows threads, conversation and inspector; the inspector folds away with Ctrl+I; ? lists the shortcuts', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { threads, conversation, inspector, shortcuts } = app.pages;
      await threads.openFirst();
      await expect.poll(() => threads.pane.isVisible()).toBe(true);
      expect(await conversation.pane.isVisible()).toBe(true);
      expect(await inspector.pane.isVisible()).toBe(true);

      await inspector.toggleByKeyboard();
      await expect.poll(() => inspector.pane.count()).toBe(0);
      await inspector.toggleByKeyboard();
      await inspector.pane.waitFor();

      await shortcuts.open();
      expect(await shortcuts.entry('Show or hide the inspector').isVisible()).toBe(true);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('keeps the three panes side by side, full height, after every other screen was opened', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page, pages } = app;
      await pages.threads.openFirst();
      // Tools and Servers link a style sheet of their own as they open (their list-and-detail
      // panes): it once took over the chat screen's grid for the rest of the session.
      for (const screen of ['Providers', 'Tools', 'Servers', 'Experiments', 'Usage', 'Chats'] as const)
        await pages.nav.go(screen);
      await pages.inspector.pane.waitFor();
      const box = async (pane: Locator) => (await pane.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
      const [threads, conversation, inspector] = [
        await box(pages.threads.pane),
        await box(pages.conversation.pane),
        await box(pages.inspector.pane),
      ];
      const height = page.viewportSize()?.height ?? 0;
      for (const pane of [threads, conversation, inspector]) {
        expect(pane.y).toBe(0);
        expect(pane.height).toBe(height);
      }
      expect(conversation.x).toBe(threads.x + threads.width);
      expect(inspector.x).toBe(conversation.x + conversation.width);
      expect(conversation.width).toBeGreaterThanOrEqual(560);
    } finally {
      await app.close();
    }
  }, 90_000);

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
  }, 60_000);
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
const SCREENS: readonly ScreenName[] = ['Chats', 'Providers', 'Tools', 'Usage'];

describe('the app shell at a glance', () => {
  it('draws every icon as an SVG that needs no emoji font, every icon button has a name, no parameter name is cut', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { threads, nav, shell, settings } = app.pages;
      await threads.openFirst();
      for (const screen of SCREENS) {
        expect(await nav.icon(screen).count()).toBe(1);
        await nav.go(screen);
        await shell.settle();
        expect(await shell.iconProblems(), screen).toEqual([]);
      }
      // The parameter names are never cut short either.
      await nav.go('Chats');
      expect(await settings.paramLabelsCut()).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('shows a toast in the bottom-right corner, away from the list and the message box, and Undo brings an archived thread back', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      const { threads, overlays, conversation } = app.pages;
      await threads.openFirst();
      const item = threads.items.first();
      const title = (await threads.title(item).textContent()) ?? '';
      await threads.fromMenu(item, 'Archive');
      const toast = overlays.toast('Archived');
      await toast.waitFor();
      expect(await threads.items.count()).toBe(0);

      const box = await boxOf(toast);
      const viewport = page.viewportSize() ?? { width: 0, height: 0 };
      expect(viewport.width - (box.x + box.width)).toBeLessThanOrEqual(24);
      expect(viewport.height - (box.y + box.height)).toBeLessThanOrEqual(24);
      expect(overlaps(box, await boxOf(threads.pane))).toBe(false);
      expect(overlaps(box, await boxOf(conversation.composerBox))).toBe(false);

      await overlays.toastAction(toast, 'Undo').click();
      await expect.poll(() => threads.items.count()).toBe(1);
      expect(await threads.title(threads.items.first()).textContent()).toBe(title);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('a second New thread reuses the empty one instead of piling up empty threads', async () => {
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      const { threads, conversation } = app.pages;
      await threads.openFirst();
      await conversation.send('Hello');
      await threads.newThreadButton.click();
      await expect.poll(() => threads.items.count()).toBe(2);
      const first = await threads.currentId();
      await threads.items.last().click();
      await threads.newThreadButton.click();
      await page.keyboard.press('Control+n');
      await expect.poll(() => threads.currentId()).toBe(first);
      expect(await threads.items.count()).toBe(2);
      await expect.poll(() => conversation.composerFocused()).toBe(true);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('at 1024 × 768 keeps the conversation at least 560 px wide; the inspector opens over it and Esc closes it; dialogs fit', async () => {
    const app = await openApp(browser, { demo: true, viewport: { width: 1024, height: 768 } });
    try {
      const { page } = app;
      const { threads, conversation, inspector, settings, overlays, shell, shortcuts } = app.pages;
      await threads.openFirst();
      const pane = inspector.pane;
      expect((await boxOf(conversation.pane)).width).toBeGreaterThanOrEqual(560);
      expect(await pane.count()).toBe(0);

      await inspector.toggleByKeyboard();
      await pane.waitFor();
      expect((await boxOf(conversation.pane)).width).toBeGreaterThanOrEqual(560);
      const panel = await boxOf(pane);
      expect(panel.x + panel.width).toBeLessThanOrEqual(1024);
      expect(await settings.paramLabelsCut()).toEqual([]);

      // The keyboard went with it, to the selected section's tab.
      await expect.poll(() => overlays.isFocused(inspector.selectedTab)).toBe(true);
      // Non-modal: the conversation stays in the accessibility tree.
      expect(await conversation.composer.isVisible()).toBe(true);
      expect(await conversation.hiddenComposer.count()).toBe(0);

      // A popover opened from it takes its own Esc and presses inside it are not "outside".
      await inspector.show('Parameters');
      await settings.presetsButton.click();
      await settings.presetName.click();
      await page.keyboard.press('Escape');
      await expect.poll(() => settings.presetsPopover.count()).toBe(0);
      expect(await pane.count()).toBe(1);

      const toggle = inspector.toggleButton;
      await inspector.tab('Parameters').focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => pane.count()).toBe(0);
      // Focus back on the button that opens it.
      await expect.poll(() => overlays.isFocused(toggle)).toBe(true);

      // With the mouse: the header's Inspector button, and a click back in the conversation,
      // which closes it and still lands where it was aimed (the message box takes typing).
      await toggle.click();
      await pane.waitFor();
      await toggle.click();
      await expect.poll(() => pane.count()).toBe(0);
      await toggle.click();
      await pane.waitFor();
      await conversation.composer.click();
      await expect.poll(() => pane.count()).toBe(0);
      await expect.poll(() => conversation.composerFocused()).toBe(true);
      await page.keyboard.type('still typeable');
      expect(await conversation.composer.inputValue()).toContain('still typeable');
      await conversation.composer.fill('');

      // The shortcuts sheet is taller than 768 px: its list scrolls inside it, never out of the box.
      await shell.shortcut('?');
      await shortcuts.sheet.waitFor();
      const lastRow = shortcuts.rows.last();
      await lastRow.scrollIntoViewIfNeeded();
      const row = await boxOf(lastRow);
      const box = await boxOf(shortcuts.sheet);
      expect(row.y + row.height).toBeLessThanOrEqual(box.y + box.height);
    } finally {
      await app.close();
    }
  }, 60_000);
});
