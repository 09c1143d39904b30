// Screenshots of attachments, light and dark, 1440 and 1024 px wide:
//   chips      chips, the preflight, a blocked Send, the sent message, the inspector, the settings
//   pdf-pages  a PDF chip offering "as text" / "as page images" (a model that reads images, not PDFs)
// Usage: npx tsx scripts/shotAttachments.ts [--out /tmp/shots] [--scene chips|pdf-pages] [--width 1440]
//        [--scheme light|dark]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AttachmentLimits } from '../main/contract';
import { makePdf, textPages } from '../test/attachments/support/pdf';
import { photoWithGps } from '../test/attachments/support/photo';
import { ensureKeyring } from '../test/bridge/keyring';
import { launchChromium } from '../test/e2e/browser';
import { openFirstThread } from '../test/e2e/chat';
import { openApp } from '../test/e2e/harness';
import { ConversationPage } from '../test/e2e/pages';

ensureKeyring();
const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const out = arg('--out') ?? '/tmp/shots';
const only = arg('--scene');
const widths = arg('--width') ? [Number(arg('--width'))] : [1440, 1024];
const schemes =
  arg('--scheme') === 'light' || arg('--scheme') === 'dark' ? [arg('--scheme')] : ['light', 'dark'];
mkdirSync(out, { recursive: true });
const MODEL = 'openai/gpt-4o-mini';

type File = { name: string; base64: string };

async function drop(page: Page, files: File[]): Promise<void> {
  await page.getByTestId('composer').evaluate((target, list) => {
    const transfer = new DataTransfer();
    for (const f of list)
      transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** A new thread on the demo's confidential provider, its model reading images, with these limits. */
async function freshThread(page: Page, limits: Partial<AttachmentLimits>): Promise<void> {
  await openFirstThread(page);
  const threadId = await page.evaluate(
    async ({ model, limits }) => {
      const providers = await window.api.providers.list({});
      if (!providers.ok) throw new Error(providers.error.message);
      const provider = providers.value.find((p) => p.preset === 'confidential');
      if (!provider) throw new Error('no confidential provider');
      await window.api.models.setOverride({
        providerId: provider.id,
        modelId: model,
        capabilities: { vision: true },
      });
      await window.api.attachments.limits({ providerId: provider.id, limits });
      const thread = await window.api.threads.create({
        settings: { providerId: provider.id, model, toolIds: [] },
      });
      if (!thread.ok) throw new Error(thread.error.message);
      return thread.value.id;
    },
    { model: MODEL, limits },
  );
  await page.locator(`[data-testid="thread-item"][data-thread-id="${threadId}"]`).click();
}

const photo = (await photoWithGps(4032, 3024)).toString('base64');
const pdf = Buffer.from(makePdf({ pages: textPages(40) })).toString('base64');
const report = Buffer.from(makePdf({ pages: textPages(30, 12) })).toString('base64');
const scan = Buffer.from(makePdf({ pages: [[], []] })).toString('base64');
const notes = Buffer.from('# Notes\nconst answer = 42;\n').toString('base64');

const scenes: Record<string, (page: Page, name: (what: string) => string) => Promise<void>> = {
  async chips(page, name) {
    await freshThread(page, { requestMb: 1 });
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
    await page.screenshot({ path: name('chips-blocked') });
    await page.getByRole('button', { name: 'Remove quarterly-report.pdf' }).click();
    await page.getByRole('button', { name: 'Remove setup.exe' }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: name('chips-ok') });
    await page.getByTestId('send-button').click();
    await page
      .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
      .last()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: name('sent') });
    // The photo's body is over 256 KB: main sends it with the photo elided (size and SHA-256).
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    // At 1024 px the inspector is a panel opened from the conversation's header.
    if (!(await inspector.isVisible()))
      await page.getByRole('button', { name: 'Inspector', exact: true }).click();
    await inspector.getByRole('tab', { name: 'Request' }).click();
    await page.getByTestId('request-body').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: name('inspector') });
    await inspector.getByRole('tab', { name: 'Parameters' }).click();
    const settings = page.getByTestId('attachment-settings');
    await settings.locator('summary').click();
    await settings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: name('settings') });
  },
  async 'pdf-pages'(page, name) {
    await freshThread(page, { fileParts: 'never' });
    await page.getByTestId('composer').fill('Summarise these');
    await drop(page, [
      { name: 'quarterly-report.pdf', base64: report },
      { name: 'signed-contract-scan.pdf', base64: scan },
    ]);
    await new ConversationPage(page).choose('Send quarterly-report.pdf as', 'as page images');
    await page
      .getByTestId('attachment-what')
      .first()
      .filter({ hasText: 'pages 1–20 of 30' })
      .waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: name('pdf-pages') });
  },
};

const browser = await launchChromium();
try {
  for (const [scene, shoot] of Object.entries(scenes)) {
    if (only && only !== scene) continue;
    for (const width of widths) {
      for (const scheme of schemes as ('light' | 'dark')[]) {
        const app = await openApp(browser, {
          demo: true,
          colorScheme: scheme,
          viewport: { width, height: 900 },
        });
        try {
          await shoot(app.page, (what) => join(out, `attach-${what}-${width}-${scheme}.png`));
        } finally {
          // The shared out/ may be rebuilt meanwhile: a lazy chunk failing on close is not this screen's.
          await app.close().catch(() => undefined);
        }
      }
    }
  }
} finally {
  await browser.close();
}
