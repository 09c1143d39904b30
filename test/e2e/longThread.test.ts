import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_WINDOW } from '../../main/contract';
import { ThreadsRepo } from '../../main/threads/repo';
import { seedThread } from '../bench/render/seed';
import { launchChromium } from './browser';
import { openFirstThread } from './chat';
import { openApp, type AppUnderTest } from './harness';

const COUNT = 1_000;
const TITLE = 'A year of questions';

let browser: Browser;
let app: AppUnderTest;
let first = '';

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, { demo: true });
  const threadId = seedThread(app.host, COUNT, 7, TITLE, Date.now() - 60_000);
  const repo = new ThreadsRepo(app.host.services.db);
  const path = repo.activePath(threadId);
  first = path[0]?.id ?? '';
  // A question far above the opening window, to be found by search.
  repo.updateMessage(path[10]?.id ?? '', { content: 'Where do the zanzibar ferries leave from?' });
  await app.page.reload();
  await openFirstThread(app.page);
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const messageList = () => app.page.getByTestId('message-list');

describe('a thread of a thousand messages', () => {
  it('opens at its newest messages and loads earlier ones as the reader scrolls up', async () => {
    const { page } = app;
    await page.getByRole('button', { name: TITLE }).first().click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await expect.poll(() => page.getByText('Loading earlier messages…').count()).toBe(1);
    // Only the opening window of the active branch is loaded.
    const loaded = () => page.evaluate(() => window.__llmDeskBench?.loadedRows() ?? 0);
    expect(await loaded()).toBe(THREAD_WINDOW);
    // Scroll to the top until the first message of the thread is there.
    await expect
      .poll(
        async () => {
          await messageList().evaluate((el) => {
            el.scrollTop = 0;
          });
          return page.locator('[data-testid="message"]').first().getAttribute('data-message-id');
        },
        { timeout: 15_000 },
      )
      .toBe(first);
    expect(await page.getByText('Loading earlier messages…').count()).toBe(0);
    expect(await loaded()).toBe(COUNT);
  });

  it('jumps to a search hit far above what was loaded', async () => {
    const { page } = app;
    // A fresh window: nothing of the long thread in memory.
    await page.reload();
    await openFirstThread(page);
    await page
      .getByRole('complementary', { name: 'Threads' })
      .getByRole('button', { name: 'New thread', exact: true })
      .click();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('search-palette');
    await palette.getByRole('combobox', { name: 'Search messages' }).fill('zanzibar');
    await palette.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const hit = page.locator('[data-testid="message"]', { hasText: 'zanzibar ferries' });
    await expect.poll(() => hit.count()).toBe(1);
    await expect.poll(() => hit.isVisible()).toBe(true);
  });
});
