import { describe, expect, it } from 'vitest';
import { seedRuns } from '../mcp/seedRuns';
import { useDemoApp } from './harness';
import { ThreadToolRunsCount } from './pages/toolRuns';

const demo = useDemoApp({ resetMock: false });

describe('tool runs on the Usage screen', () => {
  it('lists each run with its server, tool, thread, status, duration and size, and opens its answer', async () => {
    const { page } = demo.app;
    const { conversation, usage } = demo.pages;
    await conversation.send('Which files are there?');
    const answerId = await conversation.lastAnswer.getAttribute('data-message-id');
    expect(answerId).not.toBeNull();
    const threadId = demo.demoThreadId();
    seedRuns(demo.app.host.services.db, [
      {
        tool: 'read_file',
        status: 'ok',
        durationMs: 420,
        resultChars: 1234,
        agoMs: 4000,
        threadId,
        messageId: answerId,
      },
      {
        tool: 'read_file',
        status: 'error',
        durationMs: 80,
        resultChars: 40,
        agoMs: 3000,
        threadId,
        messageId: answerId,
      },
      {
        tool: 'delete_file',
        status: 'denied',
        durationMs: 0,
        resultChars: null,
        agoMs: 2000,
        threadId,
        messageId: answerId,
      },
      // A run whose thread is gone, and one before the range (40 days ago): not in "30 days".
      {
        tool: 'list_dir',
        status: 'timeout',
        durationMs: 30_000,
        resultChars: null,
        agoMs: 1000,
        threadId: 'gone',
      },
      { tool: 'list_dir', status: 'ok', durationMs: 5, resultChars: 9, agoMs: 40 * 86_400_000, threadId },
    ]);

    await usage.open();
    const runs = usage.toolRuns;
    await expect.poll(() => runs.rows.count(), { timeout: 15_000 }).toBe(4);
    expect(await runs.totalsLine.textContent()).toContain('4 runs · 2 failed');
    const title = await page.evaluate(async (id) => {
      const thread = await window.api.threads.get({ id, limit: 1 });
      return thread.ok ? thread.value.thread.title : '';
    }, threadId);
    const table = await runs.table();
    expect(table.map((cells) => cells.slice(1))).toEqual([
      ['files', 'list_dir', 'deleted thread', 'timed out', '30 s', '—'],
      ['files', 'delete_file', title, 'denied', '—', '—'],
      ['files', 'read_file', title, 'error', '80 ms', '40 chars'],
      ['files', 'read_file', title, 'ok', '420 ms', '1,234 chars'],
    ]);

    // Nothing serious for axe in the section as filled (the a11y suite sees it empty), light or dark.
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await demo.pages.overlays.seriousViolations()).toEqual([]);
    }

    // One tool's runs, then all of them again.
    await runs.only('read_file');
    await expect.poll(() => runs.rows.count()).toBe(2);
    await runs.showEveryTool.click();
    await expect.poll(() => runs.rows.count()).toBe(4);

    // The thread opens the answer that called the tool, as a request row opens its message.
    await runs.thread(3).click();
    const opened = page.locator(`[data-testid="message"][data-message-id="${answerId ?? ''}"]`);
    await expect.poll(() => opened.getAttribute('class'), { timeout: 15_000 }).toContain('is-selected');
    await page.screenshot({ path: 'test-results/usage-tool-runs-opened.png' });

    // The thread header counts its runs (the one 40 days back too) and opens them on the Usage screen.
    const count = new ThreadToolRunsCount(page).button;
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe('4 runs');
    expect(await count.getAttribute('aria-label')).toMatch(/^4 tool runs, 1 failed\. /);
    await count.click();
    await expect.poll(() => runs.rows.count(), { timeout: 15_000 }).toBe(4);
    expect((await runs.table()).map((cells) => cells[2])).toEqual([
      'delete_file',
      'read_file',
      'read_file',
      'list_dir',
    ]);
  }, 90_000);
});
