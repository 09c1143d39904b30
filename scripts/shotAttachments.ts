// Screenshots of attachments (chips, preflight, a blocked Send, the sent message), light and dark.
// Usage: npx tsx scripts/shotAttachments.ts [--out /tmp/shots]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makePdf, textPages } from '../test/attachments/support/pdf';
import { photoWithGps } from '../test/attachments/support/photo';
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

const photo = (await photoWithGps(4032, 3024)).toString('base64');
const pdf = Buffer.from(makePdf({ pages: textPages(40) })).toString('base64');
const notes = Buffer.from('# Notes\nconst answer = 42;\n').toString('base64');
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const app = await openApp(browser, { demo: true, colorScheme: scheme });
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
        await window.api.attachments.limits({ providerId: provider.id, limits: { requestMb: 1 } });
        const thread = await window.api.threads.create({
          settings: { providerId: provider.id, model, toolIds: [] },
        });
        if (!thread.ok) throw new Error(thread.error.message);
        return thread.value.id;
      }, MODEL);
      await page.locator(`[data-testid="thread-item"][data-thread-id="${threadId}"]`).click();
      await page.getByTestId('composer').fill('What do these show?');
      await drop(page, [
        { name: 'IMG_2041.jpg', base64: photo },
        { name: 'quarterly-report.pdf', base64: pdf },
        { name: 'notes\u202Etxt.md', base64: notes },
        { name: 'setup.exe', base64: Buffer.from('MZ\x90\x00binary', 'latin1').toString('base64') },
      ]);
      await page
        .locator('[data-testid="attachment-chip"][data-state="reading"]')
        .first()
        .waitFor({ state: 'detached', timeout: 120_000 });
      await page.getByTestId('preflight').waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(out, `attach-chips-blocked-${scheme}.png`) });
      await page.getByRole('button', { name: 'Remove quarterly-report.pdf' }).click();
      await page.getByRole('button', { name: 'Remove setup.exe' }).click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(out, `attach-chips-ok-${scheme}.png`) });
      await page.getByTestId('send-button').click();
      await page
        .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
        .last()
        .waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(out, `attach-sent-${scheme}.png`) });
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await inspector.getByRole('tab', { name: 'Request' }).click();
      await page.getByTestId('request-body').waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(out, `attach-inspector-${scheme}.png`) });
      await inspector.getByRole('tab', { name: 'Parameters' }).click();
      const settings = page.getByTestId('attachment-settings');
      await settings.locator('summary').click();
      await settings.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(out, `attach-settings-${scheme}.png`) });
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
