import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openApp, type AppUnderTest } from './harness';
import { seedFinishedRun } from '../experiments/seed';

/** An answer that uses what markdown can draw: code with highlighting, a table, math, a link. */
const RICH_ANSWER = [
  '## Result',
  '',
  'Here is **the code**, a [link](https://example.com) and the sum $\\sum_{i=1}^{n} i$.',
  '',
  '```ts',
  'export function add(a: number, b: number): number {',
  '  // adds two numbers',
  "  return a + b; // 'ok'",
  '}',
  '```',
  '',
  '| name | value |',
  '| ---- | ----- |',
  '| a    | 1     |',
  '',
  '> A quote, and `inline code`.',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] as const)(
  'every screen, %s, has no critical or serious axe violation',
  (scheme) => {
    let app: AppUnderTest;
    beforeAll(async () => {
      app = await openApp(browser, { demo: true, colorScheme: scheme });
      await app.pages.threads.openFirst();
    }, 90_000);
    afterAll(async () => {
      await app?.close();
    });

    it('Chats: a thread with a streamed answer', async () => {
      const { conversation, overlays } = app.pages;
      app.host.mock?.script({ reply: { content: RICH_ANSWER, chunks: 12 } });
      await conversation.send('Show me some code');
      await conversation.answers.locator('.md-code').last().waitFor();
      expect(await overlays.seriousViolations()).toEqual([]);
    });

    it('the model picker', async () => {
      const { page } = app;
      const { conversation, overlays } = app.pages;
      // The thread header's model chip (the inspector's picker button comes later in the page).
      await conversation.modelChip.first().click();
      await conversation.modelPicker.waitFor();
      const found = await overlays.seriousViolations();
      // Closed before asserting, so a finding here does not leave the next screen behind a dialog.
      await page.keyboard.press('Escape');
      await expect.poll(() => conversation.modelPicker.count()).toBe(0);
      expect(found).toEqual([]);
    });

    it('the search palette with hits', async () => {
      const { page } = app;
      const { search, overlays } = app.pages;
      await search.open();
      await search.search('code');
      const found = await overlays.seriousViolations();
      // Closed before asserting, so a finding here does not leave the next screen behind a dialog.
      await page.keyboard.press('Escape');
      await expect.poll(() => search.palette.count()).toBe(0);
      expect(found).toEqual([]);
    });

    it('the shortcuts sheet', async () => {
      const { page } = app;
      const { shortcuts, overlays } = app.pages;
      await shortcuts.open();
      const found = await overlays.seriousViolations();
      // Closed before asserting, so a finding here does not leave the next screen behind a dialog.
      await page.keyboard.press('Escape');
      await expect.poll(() => shortcuts.heading.count()).toBe(0);
      expect(found).toEqual([]);
    });

    it('Providers, and the add-provider form', async () => {
      const { providers, overlays } = app.pages;
      await providers.open();
      await providers.addButton.waitFor();
      expect(await overlays.seriousViolations()).toEqual([]);
      await providers.startAddingFirstPreset();
      expect(await overlays.seriousViolations()).toEqual([]);
    });

    it('Tools, and the tool editor', async () => {
      const { tools, overlays } = app.pages;
      await tools.open();
      await tools.newToolButton.click();
      await tools.schemaEditor.waitFor();
      expect(await overlays.seriousViolations()).toEqual([]);
    });

    it('Experiments: a finished run’s grid, and the setup', async () => {
      const { page } = app;
      const { nav, overlays } = app.pages;
      const providers = await app.host.services.handlers['providers:list']({}, { senderId: 0 });
      seedFinishedRun(app.host.services.db, providers[0]?.id ?? 'p', {
        name: 'Capitals check',
        cases: 12,
        models: 2,
        variants: 2,
      });
      await nav.go('Experiments');
      await page.getByRole('button', { name: /Capitals check/ }).click();
      await page.getByTestId('experiment-grid').locator('td.exp-cell').first().waitFor();
      expect(await overlays.seriousViolations()).toEqual([]);
      await page.getByRole('tab', { name: 'Setup' }).click();
      await page.getByRole('heading', { name: 'Prompt' }).waitFor();
      expect(await overlays.seriousViolations()).toEqual([]);
      // Two scans of a full screen: a loaded machine needs more than the default 20 s.
    }, 60_000);

    it('Usage', async () => {
      const { usage, overlays } = app.pages;
      await usage.open();
      await usage.totals.waitFor();
      await expect.poll(() => usage.chartReady('tokens'), { timeout: 15_000 }).toBe('true');
      expect(await overlays.seriousViolations()).toEqual([]);
    });
  },
);
