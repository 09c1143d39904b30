// Regenerates docs/screenshot.png and docs/screenshot-dark.png from the real UI (demo mock
// provider, real services): a tool call answered with its canned result, then an answer with code
// and the inspector's exact request.   npx tsx scripts/readme-screenshot.ts
import { ensureKeyring } from '../test/bridge/keyring';
import { launchChromium } from '../test/e2e/browser';
import { newThreadLike, openFirstThread, send } from '../test/e2e/chat';
import { openApp } from '../test/e2e/harness';

ensureKeyring();

const browser = await launchChromium();
try {
  for (const [scheme, file] of [
    ['light', 'docs/screenshot.png'],
    ['dark', 'docs/screenshot-dark.png'],
  ] as const) {
    const app = await openApp(browser, { demo: true, colorScheme: scheme });
    try {
      const { page } = app;
      await openFirstThread(page);
      await send(page, 'What is the weather in Lisbon?');
      const calls = page.getByTestId('tool-calls').last();
      await calls.locator('label', { hasText: 'Canned result' }).click();
      await calls.getByRole('button', { name: /^Send/ }).click();
      await newThreadLike(page, app.host.demoThreadId ?? '', {
        systemPrompt: 'You are a concise, friendly assistant.',
        params: { stream: true, include_usage: true, temperature: 0.7 },
      });
      await send(page, 'Show me code that parses server-sent events in TypeScript');
      await page.locator('[data-testid="message"][data-role="assistant"]').last().click();
      await page
        .getByRole('complementary', { name: 'Inspector' })
        .getByRole('tab', { name: 'Request' })
        .click();
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      await page.screenshot({ path: file });
      console.log(file);
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
