import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { openApp } from './harness';

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the newest thread at start', () => {
  it('is asked for beside the thread list, not after its answer, and not asked for again', async () => {
    if (!browser) throw new Error('no browser');
    const app = await openApp(browser, { demo: true });
    try {
      const { page } = app;
      // Each call through the bridge, in the order the page sent it and got its answer, with the
      // page's socket: the page before the reload may still be finishing its idle calls.
      const seen: { senderId: number; event: string }[] = [];
      const stop = app.host.bridge.calls.watch((call) =>
        seen.push({
          senderId: call.senderId,
          event: `${call.phase === 'asked' ? 'ask' : 'answer'} ${call.channel}`,
        }),
      );
      await page.reload();
      // The thread is open: its row is the current one and its message box is drawn.
      await expect.poll(() => app.pages.threads.currentId(), { timeout: 30_000 }).toBe(app.host.demoThreadId);
      await app.pages.conversation.composer.waitFor({ timeout: 30_000 });
      stop();
      // The reloaded page is the newest socket (each socket gets the next sender id).
      const reloaded = Math.max(...seen.map((s) => s.senderId));
      const atStart = seen.filter((s) => s.senderId === reloaded).map((s) => s.event);
      // The entry asks for them before the rest of the app's code runs (renderer/src/early.ts):
      // they are the page's first two calls, before any the app makes once it is running.
      expect(
        atStart
          .filter((e) => e.startsWith('ask '))
          .slice(0, 2)
          .sort(),
        atStart.join('\n'),
      ).toEqual(['ask threads:list', 'ask threads:opening']);
      const asked = atStart.findIndex((e) => e === 'ask threads:opening' || e === 'ask threads:get');
      const listed = atStart.indexOf('answer threads:list');
      expect(asked, atStart.join('\n')).toBeGreaterThanOrEqual(0);
      expect(listed, atStart.join('\n')).toBeGreaterThanOrEqual(0);
      expect(asked, atStart.join('\n')).toBeLessThan(listed);
      // What opening sent is what is shown: the thread is not fetched a second time.
      expect(
        atStart.filter((e) => e.startsWith('ask threads:get') || e === 'ask threads:opening'),
      ).toHaveLength(1);
    } finally {
      await app.close();
    }
  }, 90_000);
});
