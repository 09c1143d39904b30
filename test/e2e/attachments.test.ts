import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePdf, textPages } from '../attachments/support/pdf';
import { photoWithGps } from '../attachments/support/photo';
import { assistantMessages, lastAnswer, newThreadLike } from './chat';
import { useDemoApp } from './harness';

// A user drops a photo and a long PDF onto a message, sees what will go and what it costs, the
// preflight stops a request the provider would refuse, and what is sent is what the mock received.

const demo = useDemoApp();
const MODEL = 'openai/gpt-4o-mini';

/** Drops files on an element the way a file manager does: a drop event carrying a DataTransfer. */
async function dropFiles(
  page: Page,
  testId: string,
  files: { name: string; type: string; base64: string }[],
) {
  await page.getByTestId(testId).evaluate((target, list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const chatRequests = () => demo.mock().requests.filter((r) => r.path.endsWith('/chat/completions'));

describe('attachments', () => {
  it(
    'drops a photo and a PDF, shows chips and the preflight, blocks what is too big and sends the rest',
    { timeout: 120_000 },
    async () => {
      const { page } = demo.app;
      const providerId = await page.evaluate(async (model) => {
        const providers = await window.api.providers.list({});
        if (!providers.ok) throw new Error(providers.error.message);
        const confidential = providers.value.find((p) => p.preset === 'confidential');
        if (!confidential) throw new Error('the demo has a confidential provider');
        await window.api.models.setOverride({
          providerId: confidential.id,
          modelId: model,
          capabilities: { vision: true },
        });
        // As small as the mock's own limit below: the preflight must catch what the mock would refuse.
        await window.api.attachments.limits({ providerId: confidential.id, limits: { requestMb: 0.3 } });
        return confidential.id;
      }, MODEL);
      await fetch(`${demo.mock().url}/__mock/request-limit`, {
        method: 'POST',
        body: JSON.stringify({ bytes: Math.round(0.3 * 1024 * 1024) }),
      });
      await newThreadLike(page, demo.demoThreadId(), { providerId, model: MODEL, params: { stream: true } });

      const photo = (await photoWithGps(640, 480)).toString('base64');
      const pdf = Buffer.from(makePdf({ pages: textPages(60) })).toString('base64');
      await page.getByTestId('composer').fill('What is in these?');
      await dropFiles(page, 'composer', [
        { name: 'holiday.jpg', type: 'image/jpeg', base64: photo },
        { name: 'report.pdf', type: 'application/pdf', base64: pdf },
      ]);

      const chips = page.getByTestId('attachment-chip');
      await expect.poll(() => chips.count(), { timeout: 10_000 }).toBe(2);
      await page
        .locator('[data-testid="attachment-chip"][data-state="ready"]')
        .nth(1)
        .waitFor({ timeout: 60_000 });
      await expect
        .poll(() => chips.first().getByTestId('attachment-what').textContent())
        .toMatch(/image, auto detail · \d[\d,]* tokens · .*location removed/);
      await expect
        .poll(() => chips.nth(1).getByTestId('attachment-what').textContent())
        .toMatch(/PDF file, 60 pages/);

      // Over the request limit: Send waits, and the preflight says what to do.
      const preflight = page.getByTestId('preflight');
      await expect
        .poll(() => preflight.textContent())
        .toMatch(/^The request would be 0\.\d\d MB; .* takes at most 0\.30 MB\. Remove a file/);
      expect(await page.getByTestId('send-button').isDisabled()).toBe(true);
      expect(await page.getByTestId('composer').inputValue()).toBe('What is in these?');

      await chips.nth(1).getByRole('button', { name: 'Remove report.pdf' }).click();
      await expect
        .poll(() => preflight.textContent(), { timeout: 30_000 })
        .toMatch(/^\d+ tokens of 128,000 \(files 425 tokens\) · request \d+ KB of 307 KB$/);
      // The photo's detail, picked on its chip as a user does, is what goes out.
      await demo.pages.conversation.choose('Detail for holiday.jpg', 'low');
      await expect
        .poll(() => chips.first().getByTestId('attachment-what').textContent())
        .toMatch(/low detail/);
      const before = await assistantMessages(page).count();
      await page.getByTestId('send-button').click();
      await expect.poll(() => assistantMessages(page).count(), { timeout: 10_000 }).toBe(before + 1);
      await expect
        .poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 15_000 })
        .toBe('complete');

      // The mock got the parts it describes, and never had to answer 413.
      expect(await lastAnswer(page).textContent()).toMatch(
        /Received 2 parts: text \(17 characters\); image_url \(image\/jpeg, \d+ bytes, detail low\)/,
      );
      expect(chatRequests()).toHaveLength(1);
      expect(chatRequests()[0]?.body.length).toBeLessThanOrEqual(0.3 * 1024 * 1024);
      // The conversation shows the file as it was sent; the tray is empty again.
      const sent = page
        .locator('[data-testid="message"][data-role="user"]')
        .last()
        .getByTestId('message-attachments');
      await expect.poll(() => sent.textContent(), { timeout: 10_000 }).toMatch(/holiday\.jpg640×480 JPEG/);
      expect(await page.getByTestId('attachment-chip').count()).toBe(0);

      // The inspector shows the exact parts, the photo's base64 as its size and SHA-256.
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await inspector.getByRole('tab', { name: 'Request' }).click();
      const shown = inspector.getByTestId('request-body');
      await expect
        .poll(() => shown.textContent(), { timeout: 10_000 })
        .toMatch(/"url": "data:image\/jpeg;base64,…[\d,]+ bytes, SHA-256 [0-9a-f]{64}…"/);
    },
  );

  it(
    'shows a large body with the photo as its size and hash, and copies the exact bytes the mock received',
    { timeout: 120_000 },
    async () => {
      const { page, context } = demo.app;
      await fetch(`${demo.mock().url}/__mock/request-limit`, {
        method: 'POST',
        body: JSON.stringify({ bytes: 50 * 1024 * 1024 }),
      });
      const providerId = await page.evaluate(async (model) => {
        const providers = await window.api.providers.list({});
        if (!providers.ok) throw new Error(providers.error.message);
        const confidential = providers.value.find((p) => p.preset === 'confidential')!;
        await window.api.models.setOverride({
          providerId: confidential.id,
          modelId: model,
          capabilities: { vision: true },
        });
        await window.api.attachments.limits({ providerId: confidential.id, limits: { requestMb: 20 } });
        return confidential.id;
      }, MODEL);
      await newThreadLike(page, demo.demoThreadId(), { providerId, model: MODEL, params: { stream: true } });
      await page.getByTestId('composer').fill('And this one?');
      const photo = (await photoWithGps(1600, 1200)).toString('base64');
      await dropFiles(page, 'composer', [{ name: 'big.jpg', type: 'image/jpeg', base64: photo }]);
      await page.locator('[data-testid="attachment-chip"][data-state="ready"]').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId('send-button').isDisabled(), { timeout: 30_000 }).toBe(false);
      const before = chatRequests().length;
      await page.getByTestId('send-button').click();
      await expect.poll(() => chatRequests().length, { timeout: 15_000 }).toBe(before + 1);
      await expect
        .poll(() => lastAnswer(page).getAttribute('data-status'), { timeout: 15_000 })
        .toBe('complete');
      const wire = chatRequests().at(-1)!.bodyText;
      // Large enough that main sends the window the body with the photo elided.
      expect(wire.length).toBeGreaterThan(256 * 1024);

      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await inspector.getByRole('tab', { name: 'Request' }).click();
      const shown = inspector.getByTestId('request-body');
      await expect
        .poll(() => shown.textContent(), { timeout: 10_000 })
        .toMatch(/"url": "data:image\/jpeg;base64,…[\d,]+ bytes, SHA-256 [0-9a-f]{64}…"/);
      expect((await shown.textContent())!.length).toBeLessThan(8 * 1024);
      await expect.poll(() => inspector.getByText(/1 file shown as size and SHA-256/).count()).toBe(1);

      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await inspector.getByRole('button', { name: 'Copy the exact request body' }).click();
      await expect.poll(() => inspector.getByText('Copied').count(), { timeout: 10_000 }).toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(wire);
    },
  );

  it('refuses an empty file, a binary and too many files with their reasons, keeping the typed text', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demo.demoThreadId());
    await page.getByTestId('composer').fill('keep me');
    const many = Array.from({ length: 22 }, (_, i) => ({
      name: `n${i}.txt`,
      type: 'text/plain',
      base64: btoa(`note ${i}`),
    }));
    await dropFiles(page, 'composer', [
      { name: 'empty.txt', type: 'text/plain', base64: '' },
      {
        name: 'archive\u202Egpj.zip',
        type: 'application/zip',
        base64: Buffer.from('PK\x03\x04abcd', 'latin1').toString('base64'),
      },
      ...many,
    ]);
    await expect
      .poll(() => page.getByTestId('attachment-tray').textContent())
      .toMatch(/4 files were not added: a message takes at most 20 files/);
    const what = page.getByTestId('attachment-what');
    await expect
      .poll(() => what.first().textContent())
      .toBe('Not attached: the file is empty (0 bytes): nothing to attach');
    await expect
      .poll(() => what.nth(1).textContent(), { timeout: 60_000 })
      .toMatch(/Not attached: .*ZIP archive/);
    expect(await page.getByTestId('composer').inputValue()).toBe('keep me');
  });
});
