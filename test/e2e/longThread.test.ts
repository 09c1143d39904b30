import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_WINDOW } from '../../main/contract';
import { ThreadsRepo } from '../../main/threads/repo';
import { seedThread } from '../bench/render/seed';
import { launchChromium } from './browser';
import { openApp, type AppUnderTest } from './harness';

const COUNT = 1_000;
const SHOTS = process.env.SHOTS_DIR;
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
  await app.pages.threads.openFirst();
  // Chromium, a thousand seeded messages and a reload: more than 30 s on a loaded machine.
}, 90_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

describe('a thread of a thousand messages', () => {
  it('opens at its newest messages and loads earlier ones as the reader scrolls up', async () => {
    const { page } = app;
    const { conversation, threads } = app.pages;
    await threads.pane.getByRole('button', { name: TITLE }).first().click();
    await conversation.heading(TITLE).waitFor();
    await expect.poll(() => conversation.loadingEarlier.count()).toBe(1);
    // Only the opening window of the active branch is loaded.
    const loaded = () => page.evaluate(() => window.__llmDeskBench?.loadedRows() ?? 0);
    expect(await loaded()).toBe(THREAD_WINDOW);
    // Scroll to the top until the first message of the thread is there.
    await expect
      .poll(
        async () => {
          await conversation.scrollTo('top');
          return conversation.messages.first().getAttribute('data-message-id');
        },
        { timeout: 15_000 },
      )
      .toBe(first);
    expect(await conversation.loadingEarlier.count()).toBe(0);
    expect(await loaded()).toBe(COUNT);
  });

  it('keeps the message the reader is looking at in place as earlier ones load above it', async () => {
    const { page } = app;
    const { conversation, threads } = app.pages;
    // A fresh window: only the opening window of the thread is loaded.
    await page.reload();
    await threads.pane.getByRole('button', { name: TITLE }).first().click();
    await conversation.heading(TITLE).waitFor();
    const loaded = () => page.evaluate(() => window.__llmDeskBench?.loadedRows() ?? 0);
    await expect.poll(loaded).toBe(THREAD_WINDOW);
    const frames = () =>
      page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
    const topOf = (id: string) =>
      conversation.list.evaluate((el, shownId) => {
        const shown = el.querySelector(`[data-message-id="${shownId}"]`);
        return shown ? shown.getBoundingClientRect().top - el.getBoundingClientRect().top : null;
      }, id);
    // Just short of where earlier messages are asked for (two screens from the top of what is
    // loaded): the first message wholly in view.
    const seen = await conversation.list.evaluate((el) => {
      el.scrollTop = el.clientHeight * 2.6;
      return el.clientHeight;
    });
    await frames();
    expect(await loaded()).toBe(THREAD_WINDOW);
    const id = await conversation.list.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const shown = [...el.querySelectorAll('[data-testid="message"]')].find(
        (m) => m.getBoundingClientRect().top >= view.top,
      );
      return shown?.getAttribute('data-message-id') ?? '';
    });
    expect(id).not.toBe('');
    const before = (await topOf(id)) ?? Number.NaN;
    // The reader scrolls up 0.7 screens, into the zone that loads earlier messages: the message is
    // 0.7 screens lower in the view, and stays there as the messages before it arrive above.
    await conversation.list.evaluate((el) => (el.scrollTop -= el.clientHeight * 0.7));
    await expect.poll(loaded, { timeout: 15_000 }).toBeGreaterThan(THREAD_WINDOW);
    await frames();
    const after = await topOf(id);
    expect(after).not.toBeNull();
    expect(Math.abs((after ?? 0) - (before + seen * 0.7))).toBeLessThan(4);
  });

  it('draws the messages on whole pixels wherever the reader scrolls, so their text stays sharp', async () => {
    const { page } = app;
    const { conversation, threads } = app.pages;
    await threads.pane.getByRole('button', { name: TITLE }).first().click();
    await conversation.heading(TITLE).waitFor();
    // The rows in view sit in one window of their own compositor layer, moved by a transform: a
    // layer placed a fraction of a pixel off shows its text blurred.
    const offsets = await page.evaluate(async () => {
      const list = document.querySelector<HTMLElement>('[data-testid="message-list"]');
      const rows = list?.querySelector<HTMLElement>('.conv-window');
      if (!list || !rows) throw new Error('no message list');
      const seen: { layer: string; y: number }[] = [];
      for (let step = 1; step <= 12; step++) {
        list.scrollTop = Math.max(0, list.scrollHeight - list.clientHeight - step * 937);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const style = getComputedStyle(rows);
        seen.push({ layer: style.willChange, y: new DOMMatrix(style.transform).m42 });
      }
      return seen;
    });
    expect(offsets.every((o) => o.layer === 'transform')).toBe(true);
    // The window moved as rows came and went, and stayed on whole pixels each time.
    expect(new Set(offsets.map((o) => o.y)).size).toBeGreaterThan(3);
    expect(offsets.filter((o) => !Number.isInteger(o.y))).toEqual([]);
  });

  it('draws rows as sketches while the scrollbar is dragged fast, and in full where it stops, without moving them', async () => {
    const { page } = app;
    const { conversation, threads } = app.pages;
    await threads.pane.getByRole('button', { name: TITLE }).first().click();
    await conversation.heading(TITLE).waitFor();
    await conversation.scrollTo('end');
    // Three views a step: every step brings rows that were not there in the one before.
    const { seen, stopped } = await conversation.fling(3, 12);
    // From the second jump on (a single one could be a search hit, drawn in full) the list flies.
    // A sketch says who wrote the row and shows its text, and is not announced twice: the row
    // drawn in its place is what assistive technology reads.
    expect(seen.slice(2).every((f) => f.sketches > 0 && f.full === 0)).toBe(true);
    expect(seen.every((f) => f.hidden)).toBe(true);
    expect(Math.min(...seen.map((f) => f.shortestText))).toBeGreaterThan(20);
    // Where the drag stops, the rows are drawn in full; the first row wholly in view stays where it
    // was (rows above it may change height: the view keeps its place), and each can be focused.
    await expect.poll(() => conversation.sketches.count()).toBe(0);
    expect(Math.abs((await conversation.rowTop(stopped.index)) - stopped.top)).toBeLessThan(4);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/long-thread-landed.png` });
    const inView = conversation.messages.filter({ visible: true });
    expect(await inView.count()).toBeGreaterThan(0);
    const id = await inView.first().getAttribute('data-message-id');
    await inView.first().focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-message-id'))).toBe(id);
  });

  it('jumps to a search hit far above what was loaded', async () => {
    const { page } = app;
    const { conversation, threads, search } = app.pages;
    // A fresh window: nothing of the long thread in memory.
    await page.reload();
    await threads.openFirst();
    await threads.newThreadButton.click();
    await search.open();
    await search.search('zanzibar');
    await page.keyboard.press('Enter');
    await conversation.heading(TITLE).waitFor();
    const hit = conversation.messages.filter({ hasText: 'zanzibar ferries' });
    // The jump loads a window around the hit first: under load that takes more than expect.poll's 1 s.
    await expect.poll(() => hit.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => hit.isVisible(), { timeout: 10_000 }).toBe(true);
  });
});
