// Screenshots of the selects that moved from native <select> onto ui/Select, closed and open,
// light and dark, at 1440 and 1024 px (the experiments and attachments selects: shot-experiments.ts
// and shotAttachments.ts):
//   tools   the inspector's Tools tab: tool_choice, its list with the "Call this function" group
//   mcp     a server's tools, each with its policy
//   usage   the filter bar and a price row
// Usage: npx tsx scripts/shot-selects.ts [--out /tmp/shots-selects] [--scene tools|mcp|usage]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { stdioServer } from '../test/mcp/support';
import { ensureKeyring } from '../test/bridge/keyring';
import { launchChromium } from '../test/e2e/browser';
import { openApp } from '../test/e2e/harness';
import type { AppPages } from '../test/e2e/pages';
import { selectButton } from '../test/e2e/pages/select';

ensureKeyring();
const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const out = arg('--out') ?? '/tmp/shots-selects';
const only = arg('--scene');
mkdirSync(out, { recursive: true });

const frame = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

type Scene = (page: Page, pages: AppPages, shot: (name: string) => Promise<void>) => Promise<void>;

const scenes: Record<string, Scene> = {
  async tools(page, pages, shot) {
    if (!(await pages.inspector.tab('Tools').isVisible())) await pages.inspector.toggleButton.click();
    await pages.inspector.show('Tools');
    const choice = pages.settings.toolChoice;
    await choice.waitFor();
    await shot('tools');
    await choice.click();
    await page.getByRole('listbox').waitFor();
    await shot('tools-open');
    await page.keyboard.press('Escape');
  },
  async mcp(page, pages, shot) {
    const input = stdioServer();
    await page.evaluate(async (server) => {
      const saved = await window.api.mcp.save({ server });
      if (!saved.ok || !saved.value.consent) throw new Error('no consent to confirm');
      await window.api.mcp.confirmConsent({ consentId: saved.value.consent.consentId });
    }, input);
    await pages.nav.go('Servers');
    await page.getByRole('button', { name: /test/ }).first().click();
    const tools = page.getByRole('list', { name: 'Tools of this server' });
    await tools.waitFor({ timeout: 30_000 });
    await shot('mcp');
    await selectButton(
      tools,
      `Policy for ${await tools.locator('.mcp-tool-name').first().innerText()}`,
    ).click();
    await page.getByRole('listbox').waitFor();
    await shot('mcp-open');
    await page.keyboard.press('Escape');
  },
  async usage(page, pages, shot) {
    await pages.usage.open();
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.waitFor();
    await page.getByRole('button', { name: 'Add price' }).click();
    await frame(page);
    await shot('usage');
    await selectButton(filters, 'Thread').click();
    await page.getByRole('listbox').waitFor();
    await shot('usage-filter-open');
    await page.keyboard.press('Escape');
    const prices = page.locator('.usage-prices');
    await prices.scrollIntoViewIfNeeded();
    await selectButton(prices, 'Provider for new price').click();
    await page.getByRole('listbox').waitFor();
    await shot('usage-price-open');
    await page.keyboard.press('Escape');
  },
};

const browser = await launchChromium();
try {
  for (const width of [1440, 1024]) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, scene] of Object.entries(scenes)) {
        if (only && only !== name) continue;
        const app = await openApp(browser, {
          demo: true,
          colorScheme: scheme,
          viewport: { width, height: 900 },
        });
        try {
          await app.pages.threads.openFirst();
          await scene(app.page, app.pages, async (shotName) => {
            await frame(app.page);
            const file = join(out, `${shotName}-${scheme}-${width}.png`);
            await app.page.screenshot({ path: file });
            console.log(file);
          });
        } finally {
          await app.close();
        }
      }
    }
  }
} finally {
  await browser.close();
}
