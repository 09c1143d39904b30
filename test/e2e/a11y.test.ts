import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openFirstThread, send } from './chat';
import { openApp, type AppUnderTest } from './harness';

// axe-core's own build, evaluated in the page through the DevTools protocol: the bridge's CSP
// (`script-src 'self'`) refuses inline and foreign scripts, so addScriptTag cannot inject it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** An answer that uses what markdown can draw: code with highlighting, a table, math, a link. */
const RICH_ANSWER = [
  '## Result',
  '',
  'Here is **the code**, a [link](https://example.com) and the sum $\\sum_{i=1}^{n} i$.',
  '',
  '```ts',
  'export function add(a: number, b: number): number {',
  '  // adds two numbers',
  "  return a + b; // 'ok'",
  '}',
  '```',
  '',
  '| name | value |',
  '| ---- | ----- |',
  '| a    | 1     |',
  '',
  '> A quote, and `inline code`.',
].join('\n');

interface Finding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe over the whole document; only what axe rates critical or serious fails the test. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Let the last render and any transition settle into a painted frame first.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const findings = await page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeViolation {
      id: string;
      impact?: string | null;
      help: string;
      nodes: AxeNode[];
    }
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
  return findings.filter((f) => f.impact === 'critical' || f.impact === 'serious');
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] as const)(
  'every screen, %s, has no critical or serious axe violation',
  (scheme) => {
    let app: AppUnderTest;
    beforeAll(async () => {
      app = await openApp(browser, { demo: true, colorScheme: scheme });
      await openFirstThread(app.page);
    }, 90_000);
    afterAll(async () => {
      await app?.close();
    });

    it('Chats: a thread with a streamed answer', async () => {
      const { page } = app;
      app.host.mock?.script({ reply: { content: RICH_ANSWER, chunks: 12 } });
      await send(page, 'Show me some code');
      await page.locator('[data-testid="message"][data-role="assistant"] .md-code').last().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the model picker', async () => {
      const { page } = app;
      // The thread header's model chip (the inspector's picker button comes later in the page).
      await page
        .getByRole('button', { name: /^Model: .*Change model$/ })
        .first()
        .click();
      await page.getByTestId('model-picker').waitFor();
      const found = await seriousViolations(page);
      // Closed before asserting, so a finding here does not leave the next screen behind a dialog.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('model-picker').count()).toBe(0);
      expect(found).toEqual([]);
    });

    it('the search palette with hits', async () => {
      const { page } = app;
      await page.keyboard.press('Control+k');
      const palette = page.getByTestId('search-palette');
      await palette.getByRole('combobox', { name: 'Search messages' }).fill('code');
      await palette.getByRole('option').first().waitFor();
      const found = await seriousViolations(page);
      // Closed before asserting, so a finding here does not leave the next screen behind a dialog.
      await page.keyboard.press('Escape');
      await expect.poll(() => palette.count()).toBe(0);
      expect(found).toEqual([]);
    });

    it('the shortcuts sheet', async () => {
      const { page } = app;
      await page.locator('body').press('?');
      await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
      const found = await seriousViolations(page);
      // Closed before asserting, so a finding here does not leave the next screen behind a dialog.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('heading', { name: 'Keyboard shortcuts' }).count()).toBe(0);
      expect(found).toEqual([]);
    });

    it('Providers, and the add-provider form', async () => {
      const { page } = app;
      await nav(page, 'Providers');
      await page.getByRole('button', { name: '+ Add provider' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '+ Add provider' }).click();
      await page.getByRole('list', { name: 'Provider presets' }).getByRole('button').first().click();
      await page.locator('form.providers-detail').getByLabel('Base URL').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('Tools, and the tool editor', async () => {
      const { page } = app;
      await nav(page, 'Tools');
      await page.getByRole('button', { name: 'New tool' }).click();
      await page.getByTestId('tool-schema-editor').locator('.cm-content').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('Usage', async () => {
      const { page } = app;
      await nav(page, 'Usage');
      await page.getByTestId('usage-totals').waitFor();
      await expect
        .poll(() => page.getByTestId('usage-chart-tokens').getAttribute('data-chart-ready'), {
          timeout: 15_000,
        })
        .toBe('true');
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
);
