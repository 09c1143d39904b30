// Screenshots of projects and tags (issue 18): the threads pane with a project folder, tags and
// the filter, and the usage screen with its project and tag filters, light and dark.
// Usage: npx tsx scripts/shot-projects.ts [--out /tmp/shots]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser';
import { openApp } from '../test/e2e/harness';
import { ensureKeyring } from '../test/bridge/keyring';

ensureKeyring();
const at = process.argv.indexOf('--out');
const out = at >= 0 ? (process.argv[at + 1] ?? '/tmp/shots') : '/tmp/shots';
mkdirSync(out, { recursive: true });

const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const app = await openApp(browser, {
      demo: true,
      colorScheme: scheme,
      viewport: { width: 1440, height: 900 },
    });
    try {
      const { page } = app;
      await page.getByTestId('thread-item').first().click();
      const composer = page.getByTestId('composer');
      await composer.fill('What did the launch cost?');
      await composer.press('Enter');
      await page
        .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
        .first()
        .waitFor({ timeout: 20_000 });
      await page.evaluate(async () => {
        const threads = await window.api.threads.list({});
        const first = threads.ok ? threads.value[0]?.id : undefined;
        if (first === undefined) throw new Error('no thread');
        const project = await window.api.projects.save({ name: 'Launch' });
        await window.api.projects.save({ name: 'Research' });
        if (!project.ok) throw new Error(project.error.message);
        await window.api.projects.move({ threadIds: [first], projectId: project.value.id });
        await window.api.projects.setTags({ threadId: first, tags: ['customer', 'eval'] });
      });
      await page.getByText('Research').first().waitFor({ state: 'attached' });
      const shot = async (name: string) => {
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const file = join(out, `${name}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      };
      await shot('projects-pane');
      await page.getByTestId('thread-item').first().click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Move to project Research' }).waitFor();
      await shot('projects-menu');
      await page.keyboard.press('Escape');
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Usage', exact: true })
        .click();
      await page.getByTestId('usage-totals').waitFor();
      await page
        .getByRole('group', { name: 'Filters' })
        .getByRole('combobox', { name: 'Tag' })
        .selectOption('eval');
      await shot('projects-usage');
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
