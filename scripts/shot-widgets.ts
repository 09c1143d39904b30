// Screenshots of the places the widget-layer work touches (issue 13): the providers list (three
// profiles, one hovered to show its handle and move buttons) and the Budgets form (scope "A
// provider", so both selects show), light and dark, at 1440 and 1024 px.
// Usage: npx tsx scripts/shot-widgets.ts [--out /tmp/shots-widgets] [--open]
//   --open also shots the budget form's Per list opened (ui/Select's popover).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser';
import { openApp } from '../test/e2e/harness';
import { ensureKeyring } from '../test/bridge/keyring';

ensureKeyring();
const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at >= 0 && args[at + 1] ? (args[at + 1] as string) : '/tmp/shots-widgets';
mkdirSync(out, { recursive: true });

const frame = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

const browser = await launchChromium();
try {
  for (const width of [1440, 1024]) {
    for (const scheme of ['light', 'dark'] as const) {
      const app = await openApp(browser, {
        demo: true,
        colorScheme: scheme,
        viewport: { width, height: width === 1440 ? 900 : 768 },
      });
      const { page, pages } = app;
      try {
        await page.evaluate(async () => {
          for (const name of ['Work gateway', 'Local llama'])
            await window.api.providers.create({
              name,
              preset: 'openai-compatible',
              baseUrl: `http://127.0.0.1:9/${name.split(' ')[0]?.toLowerCase()}/v1`,
              authKind: 'none',
              headers: {},
            });
        });
        await page.reload();
        await pages.nav.rail.waitFor();
        if (args.includes('--compare')) {
          // The inspector's Compare form, under a finished answer.
          await pages.threads.openFirst();
          await pages.conversation.send('Hello');
          await pages.conversation.lastAnswer.click();
          if (!(await pages.inspector.pane.isVisible())) await pages.inspector.toggleButton.click();
          await pages.inspector.show('Compare');
          await pages.inspector.pane.getByLabel('New value').waitFor();
          await frame(page);
          await page.screenshot({ path: join(out, `compare-${width}-${scheme}.png`) });
          console.log(join(out, `compare-${width}-${scheme}.png`));
        }
        await pages.providers.open();
        await pages.providers.list.getByRole('row').nth(2).waitFor();
        await pages.providers.list.getByRole('row').nth(1).hover();
        await frame(page);
        await page.screenshot({ path: join(out, `providers-${width}-${scheme}.png`) });
        console.log(join(out, `providers-${width}-${scheme}.png`));

        await pages.budgets.open();
        await pages.budgets.panel.getByRole('button', { name: 'New budget' }).click();
        await pages.budgets.form.waitFor();
        await pages.budgets.chooseScope('A provider');
        await pages.budgets.form.scrollIntoViewIfNeeded();
        await frame(page);
        await page.screenshot({ path: join(out, `budget-form-${width}-${scheme}.png`) });
        console.log(join(out, `budget-form-${width}-${scheme}.png`));
        if (args.includes('--open')) {
          await pages.budgets.openList('Per');
          await frame(page);
          await page.screenshot({ path: join(out, `budget-per-open-${width}-${scheme}.png`) });
          console.log(join(out, `budget-per-open-${width}-${scheme}.png`));
        }
      } finally {
        await app.close();
      }
    }
  }
} finally {
  await browser.close();
}
