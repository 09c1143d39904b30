import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

// Evaluated through the DevTools protocol: the bridge's CSP refuses injected script tags.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe over the open dialog only: the rules it rates critical or serious, by id. */
async function seriousInDialog(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const scope = document.querySelector('[role="dialog"], [role="alertdialog"]');
    if (!scope) return ['no dialog is open'];
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Element,
            options: object,
          ): Promise<{ violations: { id: string; impact?: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(scope, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/**
 * The dialogs without a flow of their own elsewhere in the suite: each is named, passes axe, Esc
 * closes it and focus goes back to the control that opened it, so the keyboard never lands on the
 * page's start.
 */
const demo = useDemoApp();

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
const overlays = (page: Page) => page.locator('[role="dialog"], [role="alertdialog"]');

describe('dialogs', () => {
  it('tools import: after a refused import Esc still closes it, and focus returns to Import…', async () => {
    const { page } = demo.app;
    await nav(page, 'Tools');
    const opener = page.getByRole('button', { name: 'Import…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Import tools' });
    await dialog.getByLabel('Tools JSON').fill('[{"type":"function"}]');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await seriousInDialog(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays(page).count()).toBe(0);
    await expect.poll(() => isFocused(opener)).toBe(true);
  });

  it('provider delete: asks first with Cancel focused; Esc answers no and returns to Delete…', async () => {
    const { page } = demo.app;
    await nav(page, 'Providers');
    const opener = page.getByRole('button', { name: 'Delete…' });
    await opener.click();
    const question = page.getByRole('alertdialog', { name: /^Delete .*\?$/ });
    await question.waitFor();
    await expect.poll(() => isFocused(question.getByRole('button', { name: 'Cancel' }))).toBe(true);
    expect(await seriousInDialog(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays(page).count()).toBe(0);
    await expect.poll(() => isFocused(opener)).toBe(true);
  });

  it('parameter presets: a popover dialog that Esc closes, back on its button', async () => {
    const { page } = demo.app;
    await nav(page, 'Chats');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('tab', { name: 'Parameters' }).click();
    const opener = inspector.getByRole('button', { name: 'Presets' });
    await opener.click();
    const popover = page.getByRole('dialog', { name: 'Parameter presets' });
    await popover.getByLabel('Preset name').waitFor();
    expect(await seriousInDialog(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlays(page).count()).toBe(0);
    await expect.poll(() => isFocused(opener)).toBe(true);
  });
});
