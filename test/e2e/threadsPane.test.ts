import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

const demo = useDemoApp({ resetMock: false });
const SEEDED = 2_280;
const TOTAL = SEEDED + 1; // and the demo's own thread

/** Whether `threadId`'s row is drawn inside the pane's visible scroll area. */
const inView = (threadId: string) =>
  demo.app.page.evaluate((id) => {
    const row = document.querySelector(`[data-testid="thread-item"][data-thread-id="${id}"]`);
    const pane = document.querySelector('.threads-scroll');
    if (!row || !pane) return false;
    const r = row.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    return r.top >= p.top - 1 && r.bottom <= p.bottom + 1;
  }, threadId);

const focusedThread = () =>
  demo.app.page.evaluate(() => {
    const focused = document.activeElement;
    const row = focused?.closest('[data-thread-id]');
    const li = focused?.closest('li');
    return {
      id: row?.getAttribute('data-thread-id') ?? null,
      place: Number(li?.getAttribute('aria-posinset')),
      of: Number(li?.getAttribute('aria-setsize')),
    };
  });

describe('the threads pane with thousands of threads', () => {
  it(`draws only the rows in view of ${TOTAL} threads, and the keys and search still reach the last`, async () => {
    const { page, host } = demo.app;
    const { threads, search } = demo.pages;
    const call = host.services.handlers;
    // The oldest thread holds a word to search for; thousands of empty ones come after it.
    const oldest = await call['threads:import'](
      { text: JSON.stringify([{ role: 'user', content: 'Where is zanzibarite found?' }]) },
      { senderId: 0 },
    );
    for (let i = 1; i < SEEDED; i++) await call['threads:create']({}, { senderId: 0 });
    await page.reload();
    await threads.items.first().waitFor({ timeout: 60_000 });
    // The list order the app shows: pinned first, then newest activity (store/threads/threadOrder).
    const order = await page.evaluate(async () => {
      const r = await window.api.threads.list({ archived: false });
      if (!r.ok) throw new Error(r.error.message);
      return [...r.value]
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt - a.lastActivityAt)
        .map((t) => t.id);
    });
    expect(order).toHaveLength(TOTAL);

    // Only what is in view (and a few rows around it) is in the page.
    expect(await threads.items.count()).toBeLessThan(100);

    // Keyboard: Home, End, PageDown from the first row, each landing row focused and in view.
    const first = order[0] ?? '';
    await threads.item(first).getByRole('button').first().focus();
    expect(await focusedThread()).toEqual({ id: first, place: 1, of: TOTAL });
    await page.keyboard.press('End');
    await expect.poll(async () => (await focusedThread()).id).toBe(order[TOTAL - 1]);
    expect(await focusedThread()).toEqual({ id: order[TOTAL - 1], place: TOTAL, of: TOTAL });
    await expect.poll(() => inView(order[TOTAL - 1] ?? '')).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focusedThread()).id).toBe(order[TOTAL - 2]);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focusedThread()).id).toBe(first);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await focusedThread()).id).toBe(order[10]);
    await expect.poll(() => inView(first)).toBe(true);

    // Search: the oldest thread's message opens it, and its row is drawn, current and in view.
    await search.open();
    const hit = await search.search('zanzibarite');
    await hit.click();
    await expect.poll(() => threads.currentId(), { timeout: 20_000 }).toBe(oldest.id);
    await expect.poll(() => inView(oldest.id)).toBe(true);
    expect(await threads.items.count()).toBeLessThan(100);
  }, 180_000);

  it('takes a thread dragged onto a project folder into that project', async () => {
    const { page } = demo.app;
    const { threads } = demo.pages;
    await threads.pane.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('textbox', { name: "New project's name" }).fill('Dropped here');
    await page.keyboard.press('Enter');
    // Back to the top of the list, where the folders are.
    await threads.pane.locator('.threads-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
    const folder = threads.pane.locator('.thread-folder', { hasText: 'Dropped here' });
    await folder.waitFor({ timeout: 20_000 });
    const rows = () =>
      threads.pane
        .locator('.thread-folder, [data-testid="thread-item"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-thread-id') ?? `[${e.textContent}]`));
    // The folder is empty: the next row is the "No project" heading.
    const before = await rows();
    expect(before[before.indexOf('[Dropped here]') + 1]).toBe('[No project]');
    const moved = before[before.indexOf('[No project]') + 2] ?? '';
    await threads.item(moved).getByRole('button').first().dragTo(folder);
    await expect
      .poll(
        async () => {
          const after = await rows();
          return after[after.indexOf('[Dropped here]') + 1];
        },
        { timeout: 20_000 },
      )
      .toBe(moved);
  }, 60_000);
});
