// Screenshots of the Experiments screen (empty, setup, running, finished grid, run comparison), light and dark.
// Usage: npx tsx scripts/shot-experiments.ts [--out /tmp/shots] [--setup-only]
// (--setup-only stops after the setup screens: no run, a lighter load on a shared machine)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser';
import { openApp } from '../test/e2e/harness';
import { ensureKeyring } from '../test/bridge/keyring';

ensureKeyring();
const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at >= 0 && args[at + 1] ? (args[at + 1] as string) : '/tmp/shots';
const setupOnly = args.includes('--setup-only');
mkdirSync(out, { recursive: true });

const settle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** An experiment of 12 cases on two models with two checks, set up through the API the screen uses. */
async function seed(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const providers = await window.api.providers.list({});
    if (!providers.ok) throw new Error('providers');
    const conf = providers.value.find((p) => p.preset === 'confidential');
    const gal = providers.value.find((p) => p.preset === 'galadriel');
    const created = await window.api.experiments.create({ name: 'Capital cities' });
    const project = await window.api.projects.save({ name: 'Geography evals' });
    if (!created.ok) throw new Error('create');
    const cities = [
      ['France', 'Paris'],
      ['Italy', 'Rome'],
      ['Spain', 'Madrid'],
      ['Japan', 'Tokyo'],
      ['Kenya', 'Nairobi'],
      ['Peru', 'Lima'],
      ['Norway', 'Oslo'],
      ['Egypt', 'Cairo'],
      ['Chile', 'Santiago'],
      ['Canada', 'Ottawa'],
      ['Vietnam', 'Hanoi'],
      ['Australia', 'Canberra'],
    ];
    const saved = await window.api.experiments.save({
      id: created.value.id,
      projectId: project.ok ? project.value.id : null,
      prompt: {
        messages: [
          { role: 'system', content: 'You answer geography questions in one sentence. Today is {{date}}.' },
          { role: 'user', content: 'What is the capital of {{country}}? (hint: {{expected}})' },
        ],
        toolIds: [],
        // The prompt asks for JSON in a schema; the 'plain' variant overrides it with plain text.
        responseFormat: {
          type: 'json_schema',
          json_schema: {
            name: 'capital',
            schema: {
              type: 'object',
              properties: { capital: { type: 'string' } },
              required: ['capital'],
              additionalProperties: false,
            },
            strict: true,
          },
        },
      },
      config: {
        targets: [
          { providerId: conf?.id ?? '', model: 'phala/gpt-oss-120b' },
          { providerId: gal?.id ?? '', model: 'llama3.1:70b' },
        ],
        variants: [
          { id: 'default', label: 'default', params: {} },
          { id: 'plain', label: 'plain', params: { temperature: 0, response_format: { type: 'text' } } },
        ],
        cases: cities.map(([country, expected], i) => ({
          id: `c${i}`,
          values: { country: country ?? '', expected: i % 5 === 4 ? `${expected} City` : (expected ?? '') },
        })),
        checks: [
          { type: 'contains', value: '{{expected}}', ignoreCase: false },
          { type: 'latencyMax', ms: 4000 },
          { type: 'regex', pattern: '^[A-Z]', flags: '' },
        ],
        k: 1,
        seed: 7,
        rateLimits: conf ? { [conf.id]: 120 } : {},
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    return created.value.id;
  });
}

async function waitFinished(page: Page, id: string, runs: number): Promise<void> {
  await page.waitForFunction(
    async ({ id, runs }) => {
      const r = await window.api.experiments.runs({ id });
      return r.ok && r.value.length === runs && r.value[0]?.status === 'finished';
    },
    { id, runs },
    { timeout: 120_000, polling: 300 },
  );
}

const browser = await launchChromium();
try {
  for (const [scheme, width] of [
    ['light', 1440],
    ['dark', 1440],
    ['light', 1024],
    ['dark', 1024],
  ] as const) {
    const app = await openApp(browser, {
      demo: true,
      colorScheme: scheme,
      viewport: { width, height: 900 },
    });
    const { page } = app;
    const shot = async (name: string) => {
      await settle(page);
      const file = join(out, `experiments-${name}-${scheme}-${width}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    };
    try {
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Experiments' })
        .click();
      await page.getByRole('heading', { name: 'No experiments yet' }).waitFor();
      await shot('empty');
      const id = await seed(page);
      await page.getByRole('button', { name: 'New experiment' }).first().waitFor();
      await page.evaluate(() => window.location.reload());
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Experiments' })
        .click();
      await page.getByRole('button', { name: /Capital cities/ }).click();
      await page.getByRole('tab', { name: 'Setup' }).waitFor();
      await shot('setup');
      await page.getByTestId('prompt-format').locator('summary').click();
      await page.getByTestId('response-schema-editor').first().scrollIntoViewIfNeeded();
      await shot('setup-format');
      const plain = page.getByRole('list', { name: 'Parameter variants' }).getByRole('listitem').nth(1);
      await plain.locator('summary').click();
      await plain.scrollIntoViewIfNeeded();
      await shot('setup-variant-format');
      await page.getByRole('heading', { name: 'Checks' }).scrollIntoViewIfNeeded();
      await shot('setup-checks');
      if (setupOnly) continue;
      // Slow answers, so the run is caught while it goes.
      app.host.mock?.script(...Array.from({ length: 48 }, (_, i) => ({ delayMs: i < 6 ? 150 : 1200 })));
      await page.getByRole('button', { name: 'Start run' }).click();
      await page.locator('.exp-progress').waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('.exp-cell-pass, .exp-cell-fail').length >= 4,
        undefined,
        {
          timeout: 30_000,
        },
      );
      await shot('running');
      await waitFinished(page, id, 1);
      await page.waitForFunction(() => !document.querySelector('.exp-progress'));
      await shot('finished');
      // The grid by keyboard: one tab stop, arrows move, the focused cell ringed inside its clip.
      await page.getByRole('checkbox', { name: 'Failures only' }).focus();
      await page.keyboard.press('Tab');
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight'])
        await page.keyboard.press(key);
      await shot('grid-focus');
      await page.getByRole('tab', { name: 'Setup' }).click();
      await page
        .getByRole('textbox', { name: 'Message 2 (user)' })
        .fill('What is the capital of {{country}}?');
      await page.getByRole('button', { name: 'Start run' }).click();
      await waitFinished(page, id, 2);
      await page.getByRole('tab', { name: 'Compare runs' }).click();
      await page.getByTestId('compare-summary').waitFor();
      await shot('compare');
      await page.getByRole('tab', { name: 'Results' }).click();
      await page.locator('.exp-cell-button').first().click();
      await page.getByRole('dialog').waitFor();
      await shot('cell');
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
