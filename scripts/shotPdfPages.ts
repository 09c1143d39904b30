// Screenshots of a PDF chip offering "as text" / "as page images" (a model that reads images but
// not PDF files), light and dark, 1440 and 1024 px wide.
// Usage: npx tsx scripts/shotPdfPages.ts [--out /tmp/shots]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makePdf, textPages } from '../test/attachments/support/pdf';
import { ensureKeyring } from '../test/bridge/keyring';
import { launchChromium } from '../test/e2e/browser';
import { openFirstThread } from '../test/e2e/chat';
import { openApp } from '../test/e2e/harness';

ensureKeyring();
const at = process.argv.indexOf('--out');
const out = at >= 0 ? (process.argv[at + 1] ?? '/tmp/shots') : '/tmp/shots';
mkdirSync(out, { recursive: true });
const MODEL = 'openai/gpt-4o-mini';

async function drop(page: Page, files: { name: string; base64: string }[]): Promise<void> {
  await page.getByTestId('composer').evaluate((target, list) => {
    const transfer = new DataTransfer();
    for (const f of list)
      transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const report = Buffer.from(makePdf({ pages: textPages(30, 12) })).toString('base64');
const scan = Buffer.from(makePdf({ pages: [[], []] })).toString('base64');
const browser = await launchChromium();
try {
  for (const width of [1440, 1024]) {
    for (const scheme of ['light', 'dark'] as const) {
      const app = await openApp(browser, {
        demo: true,
        colorScheme: scheme,
        viewport: { width, height: 900 },
      });
      try {
        const { page } = app;
        await openFirstThread(page);
        const threadId = await page.evaluate(async (model) => {
          const providers = await window.api.providers.list({});
          if (!providers.ok) throw new Error(providers.error.message);
          const provider = providers.value.find((p) => p.preset === 'confidential');
          if (!provider) throw new Error('no confidential provider');
          await window.api.models.setOverride({
            providerId: provider.id,
            modelId: model,
            capabilities: { vision: true },
          });
          await window.api.attachments.limits({ providerId: provider.id, limits: { fileParts: 'never' } });
          const thread = await window.api.threads.create({
            settings: { providerId: provider.id, model, toolIds: [] },
          });
          if (!thread.ok) throw new Error(thread.error.message);
          return thread.value.id;
        }, MODEL);
        await page.locator(`[data-testid="thread-item"][data-thread-id="${threadId}"]`).click();
        await page.getByTestId('composer').fill('Summarise these');
        await drop(page, [
          { name: 'quarterly-report.pdf', base64: report },
          { name: 'signed-contract-scan.pdf', base64: scan },
        ]);
        await page.getByRole('combobox', { name: 'Send quarterly-report.pdf as' }).selectOption('pages');
        await page
          .getByTestId('attachment-what')
          .first()
          .filter({ hasText: 'pages 1–20 of 30' })
          .waitFor({ timeout: 120_000 });
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(out, `attach-pdf-pages-${width}-${scheme}.png`) });
      } finally {
        // The shared out/ may be rebuilt meanwhile: a lazy chunk failing on close is not this screen's.
        await app.close().catch(() => undefined);
      }
    }
  }
} finally {
  await browser.close();
}
