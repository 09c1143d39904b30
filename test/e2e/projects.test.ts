import { describe, expect, it } from 'vitest';
import { newThreadLike, send } from './chat';
import { useDemoApp } from './harness';
import { chooseIn } from './pages/select';

const demo = useDemoApp();

describe('projects of threads', () => {
  it('moves a thread into a project by keyboard, files it under the folder, and filters its usage', async () => {
    const { page } = demo.app;
    const { threads, nav } = demo.pages;
    const inProject = await newThreadLike(page, demo.demoThreadId());
    await send(page, 'Counted in the project');
    const outside = await newThreadLike(page, demo.demoThreadId());
    await send(page, 'Not in the project');
    await send(page, 'Nor this');

    // A project, named from the pane.
    await threads.pane.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('textbox', { name: "New project's name" }).fill('Launch');
    await page.keyboard.press('Enter');
    // Each project is a folder of the list, empty ones too.
    await threads.pane.locator('.thread-folder', { hasText: 'Launch' }).waitFor();

    // Keyboard only: focus the row, open its menu with Shift+F10, pick the move.
    await threads.item(inProject).getByRole('button').first().focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Move to project Launch' }).waitFor();
    // ↓ through the menu to the move (Delete stays last, apart).
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 10 && !(await focused()).includes('Move to project Launch'); i++)
      await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Move to project Launch');
    await page.keyboard.press('Enter');
    // The folder comes before the thread, which comes before "No project" and the other thread.
    // (The folder was drawn before the move, empty: wait for the thread to be filed under it.)
    const listOrder = () =>
      threads.pane
        .locator('.thread-folder, [data-testid="thread-item"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-thread-id') ?? `[${e.textContent}]`));
    await expect
      .poll(
        async () => {
          const now = await listOrder();
          return (
            now.indexOf(inProject) > now.indexOf('[Launch]') &&
            now.indexOf(inProject) < now.indexOf('[No project]')
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const order = await listOrder();
    expect(order.indexOf('[Launch]')).toBeLessThan(order.indexOf(inProject));
    expect(order.indexOf(inProject)).toBeLessThan(order.indexOf('[No project]'));
    expect(order.indexOf('[No project]')).toBeLessThan(order.indexOf(outside));

    // The pane's filter shows the project's thread alone.
    await threads.filterBy('Project', 'Launch');
    await expect.poll(() => threads.items.count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: 'test-results/projects-pane.png' });

    await nav.go('Usage');
    const requests = page.getByTestId('usage-total-requests');
    await requests.waitFor();
    await chooseIn(page.getByRole('group', { name: 'Filters' }), 'Project', 'Launch');
    await expect
      .poll(async () => (await requests.textContent())?.replace(/\D/g, ''), { timeout: 20_000 })
      .toBe('1');
    await page.screenshot({ path: 'test-results/projects-usage.png', fullPage: true });

    // The search palette finds the word in both threads, and in the project's alone when asked.
    await nav.go('Chats');
    const { search } = demo.pages;
    await search.open();
    await search.search('project');
    await expect.poll(() => search.hits.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await search.palette.getByRole('button', { name: /Project/ }).click();
    await page.locator('.ui-select-option', { hasText: 'Launch' }).click();
    await expect
      .poll(async () => (await search.hits.allTextContents()).join('|'), { timeout: 20_000 })
      .not.toMatch(/Not in the project/);
    expect(await search.hits.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Counted in the project/)]),
    );
    await page.screenshot({ path: 'test-results/projects-search.png' });
    await page.keyboard.press('Escape');
  }, 120_000);
});
