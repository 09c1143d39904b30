import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedFinishedRun } from '../experiments/seed';
import { assistantMessages, newThreadLike } from './chat';
import { useDemoApp } from './harness';

const demo = useDemoApp({ resetMock: false });
/** The grid reloads a few times a second while a run goes; a loaded machine needs more than poll's 1 s. */
const WAIT = { timeout: 15_000 };

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

/** 20 cases: the first 15 expect a word their question holds (the mock echoes the question), the last 5 one it does not. */
function casesCsv(): string {
  const rows = Array.from({ length: 20 }, (_, i) => {
    const expected = i < 15 ? `word${i}` : `absent${i}`;
    return `"Tell me, briefly, about word${i}",${expected}`;
  });
  return `\uFEFFquestion,expected\r\n${rows.join('\r\n')}\r\n`;
}

async function waitForRun(page: Page, runs: number): Promise<void> {
  await page.waitForFunction(
    async (count) => {
      const list = await window.api.experiments.list({});
      const id = list.ok ? list.value[0]?.id : undefined;
      if (!id) return false;
      const result = await window.api.experiments.runs({ id });
      return result.ok && result.value.length === count && result.value[0]?.status === 'finished';
    },
    runs,
    { timeout: 60_000, polling: 250 },
  );
}

describe('experiments, and {{variables}} in a thread', () => {
  it(
    'imports 20 cases, runs them on two models, shows 40 cells and the pass rates, then the regressions first',
    { timeout: 150_000 },
    async () => {
      const { page } = demo.app;
      await nav(page, 'Experiments');
      await page.getByRole('button', { name: 'New experiment' }).first().click();
      await page.getByRole('textbox', { name: 'Message 2 (user)' }).fill('{{question}}');

      await page.getByLabel('Import test cases from a CSV or JSONL file').setInputFiles({
        name: 'cases.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(casesCsv()),
      });
      await expect.poll(() => page.getByTestId('case-count').textContent(), WAIT).toBe('20 cases');
      await page.getByText('Imported 20 cases from cases.csv.').waitFor();

      await demo.pages.experiments.addModel('Confidential LLM (demo)', 'phala/gpt-oss-120b');
      await demo.pages.experiments.addModel('Galadriel (demo)', 'llama3.1:70b');
      // Two runs within a minute would wait for the confidential service's 30 a minute; this account allows more.
      await page
        .getByRole('spinbutton', { name: 'Requests a minute to Confidential LLM (demo)' })
        .fill('120');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByRole('textbox', { name: 'Text of check 1' }).fill('{{expected}}');

      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.getByTestId('experiment-estimate').textContent(), WAIT)
        .toMatch(/^40 requests/);
      await page.getByRole('button', { name: 'Start run' }).click();
      await waitForRun(page, 1);

      const grid = page.getByTestId('experiment-grid');
      await expect.poll(() => grid.locator('tbody td').count(), WAIT).toBe(40);
      await expect.poll(() => grid.getByTestId('pass-rate').allTextContents(), WAIT).toEqual(['75%', '75%']);
      expect(await grid.getByRole('gridcell', { name: /: passed\./ }).count()).toBe(30);
      await page.getByRole('checkbox', { name: 'Failures only' }).check();
      expect(await grid.locator('tbody tr').count()).toBe(5);
      await page.getByRole('checkbox', { name: 'Failures only' }).uncheck();

      // The grid's totals are the ledger's.
      const ledger = await page.evaluate(async () => {
        const now = Date.now();
        const rows = await window.api.usage.rows({ from: now - 3_600_000, to: now + 60_000, limit: 500 });
        return rows.ok ? rows.value.rows.length : -1;
      });
      expect(await page.getByTestId('run-totals').textContent()).toContain('40 requests');
      expect(ledger).toBeGreaterThanOrEqual(40);

      // Edit the prompt: the question is gone, so the checks that passed now fail.
      await page.getByRole('tab', { name: 'Setup' }).click();
      await page.getByRole('textbox', { name: 'Message 2 (user)' }).fill('Reply in one line.');
      await page.getByRole('button', { name: 'Start run' }).click();
      await waitForRun(page, 2);
      await expect.poll(() => grid.getByTestId('pass-rate').allTextContents(), WAIT).toEqual(['0%', '0%']);

      await page.getByRole('tab', { name: 'Compare runs' }).click();
      await expect
        .poll(() => page.getByTestId('compare-summary').textContent(), WAIT)
        .toMatch(/^30 regressions · 0 fixed/);
      const changes = page.getByRole('list', { name: 'Changed verdicts' }).getByRole('listitem');
      expect(await changes.count()).toBe(30);
      expect(await changes.first().textContent()).toMatch(/^Regression/);
      const diff = await page.getByLabel('Prompt changes').textContent();
      expect(diff).toContain('− {{question}}');
      expect(diff).toContain('+ Reply in one line.');
      // The same run on both sides: nothing changed.
      const { experiments } = demo.pages;
      await experiments.choose('Before', await experiments.shown('After'));
      await expect
        .poll(() => page.getByTestId('compare-summary').textContent(), WAIT)
        .toMatch(/^0 regressions · 0 fixed/);
      await page.getByText('Same prompt version').waitFor();
    },
  );

  it(
    'a response format for the whole prompt goes out with each variant that has none of its own; a broken one holds Start back',
    { timeout: 90_000 },
    async () => {
      const { page } = demo.app;
      const mock = demo.mock();
      await nav(page, 'Experiments');
      await page.getByRole('button', { name: 'New experiment' }).first().click();
      await page.getByRole('textbox', { name: 'Message 2 (user)' }).fill('Say {{word}} in JSON.');
      await page.getByRole('button', { name: 'Case', exact: true }).click();
      await page.getByRole('textbox', { name: 'word of case 1' }).fill('hello');
      await demo.pages.experiments.addModel('Galadriel (demo)', 'llama3.1:70b');
      await page.getByRole('spinbutton', { name: 'Requests a minute to Galadriel (demo)' }).fill('600');

      const format = page.getByTestId('prompt-format');
      await format.getByText('Response format:').click();
      await format.getByText('JSON object', { exact: true }).click();
      expect(await format.locator('summary').textContent()).toBe('Response format: any JSON object');

      // A second variant answers in plain text: its own format overrides the prompt's.
      await page.getByRole('button', { name: 'Variant', exact: true }).click();
      const variant = page.getByRole('list', { name: 'Parameter variants' }).getByRole('listitem').nth(1);
      expect(await variant.locator('summary').textContent()).toBe(
        'Response format: the prompt’s (any JSON object)',
      );
      await variant.locator('summary').click();
      await variant.getByRole('checkbox', { name: 'Its own format, instead of the prompt’s' }).check();
      await variant.getByText('Text', { exact: true }).click();
      expect(await variant.locator('summary').textContent()).toBe('Response format: text');

      // A schema whose name cannot be sent holds Start back and says why, until it is fixed.
      await format.getByText('JSON schema', { exact: true }).click();
      await format.getByRole('textbox', { name: 'Name' }).fill('not a name!');
      await expect
        .poll(() => page.getByTestId('experiment-estimate').textContent(), WAIT)
        .toBe('The prompt’s response format is not valid yet: fix it to start.');
      expect(await page.getByRole('button', { name: 'Start run' }).isDisabled()).toBe(true);
      await format.getByText('JSON object', { exact: true }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.getByTestId('experiment-estimate').textContent(), WAIT)
        .toMatch(/^2 requests/);
      expect(await page.getByRole('button', { name: 'Start run' }).isDisabled()).toBe(false);

      mock.reset();
      await page.getByRole('button', { name: 'Start run' }).click();
      await expect
        .poll(() => mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length, {
          timeout: 30_000,
        })
        .toBe(2);
      const sent = mock.requests
        .filter((r) => r.path.endsWith('/chat/completions'))
        .map((r) => JSON.parse(r.bodyText) as { temperature?: number; response_format?: unknown });
      const byVariant = Object.fromEntries(sent.map((b) => [b.temperature === 0 ? 'plain' : 'first', b]));
      expect(byVariant.first?.response_format).toEqual({ type: 'json_object' });
      expect(byVariant.plain && 'response_format' in byVariant.plain).toBe(false);
    },
  );

  it('the grid is one tab stop; arrow keys, Home/End and Page keys reach every cell, even those not drawn yet', async () => {
    const { page } = demo.app;
    const providers = await demo.app.host.services.handlers['providers:list']({}, { senderId: 0 });
    const { runId } = seedFinishedRun(demo.app.host.services.db, providers[0]?.id ?? 'p', {
      name: 'Keyboard grid',
      cases: 100,
      models: 5,
      variants: 2,
    });
    // The list is read when the screen opens.
    await nav(page, 'Chats');
    await nav(page, 'Experiments');
    await page.getByRole('button', { name: /Keyboard grid/ }).click();
    const grid = page.locator(`[data-testid="experiment-grid"][data-run="${runId}"]`).getByRole('grid', {
      name: /^Results/,
    });
    // This run's grid, not the one shown before it.
    await grid.locator('td.exp-cell').first().waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);

    expect(await grid.locator('[data-cell][tabindex="0"]').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Failures only' }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(focused, WAIT).toBe('0:0');
    // Column 8 is beyond the view, so not drawn: the grid scrolls to it and focuses it once drawn.
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(focused, WAIT).toBe('0:7');
    await page.keyboard.press('End');
    await expect.poll(focused, WAIT).toBe('0:9');
    await page.keyboard.press('Control+End');
    await expect.poll(focused, WAIT).toBe('99:9');
    await page.keyboard.press('Home');
    await expect.poll(focused, WAIT).toBe('99:0');
    await page.keyboard.press('Control+Home');
    await expect.poll(focused, WAIT).toBe('0:0');
    await page.keyboard.press('PageDown');
    await expect.poll(focused, WAIT).toMatch(/^[1-9]\d*:0$/);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused, WAIT).toBe('1:0');
    expect(await grid.locator('[data-cell][tabindex="0"]').count()).toBe(1);

    // Enter opens the cell; closing it brings the focus back to it.
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Case 2 · model-1 · t=0' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(focused, WAIT).toBe('1:0');
    // Tab leaves the grid at once: one stop, not a thousand.
    await page.keyboard.press('Tab');
    expect(await focused()).toBeNull();
    // A 100-case run is seeded and some twenty keys each wait for a draw: at load, more than the default 20 s.
  }, 60_000);

  it('Failures only draws the failing rows whole in the first frame after the press', async () => {
    const { page } = demo.app;
    const providers = await demo.app.host.services.handlers['providers:list']({}, { senderId: 0 });
    const { failingRows, runId } = seedFinishedRun(demo.app.host.services.db, providers[0]?.id ?? 'p', {
      name: 'Filter grid',
      cases: 100,
      models: 5,
      variants: 2,
    });
    await nav(page, 'Chats');
    await nav(page, 'Experiments');
    await page.getByRole('button', { name: /Filter grid/ }).click();
    // This run's grid: the one shown before it (the keyboard test's) has 100 rows too, and waiting
    // for that one ran the press while this run was still loading.
    await page.locator(`[data-testid="experiment-grid"][data-run="${runId}"] td.exp-cell`).first().waitFor();
    // Pressed in the page, so the next animation frame is the first one that can show the result.
    const firstFrame = await page.evaluate(async (run) => {
      const box = document.querySelector<HTMLElement>(`[data-testid="experiment-grid"][data-run="${run}"]`);
      const only = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((b) =>
        b.parentElement?.textContent?.includes('Failures only'),
      );
      if (!box || !only) throw new Error('no grid or no Failures only box');
      only.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const view = box.getBoundingClientRect();
      const caseColumn = box.querySelector('thead th')?.getBoundingClientRect().right ?? view.left;
      const inView = [...box.querySelectorAll<HTMLElement>('td.exp-cell')].filter((td) => {
        const r = td.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom && r.right > caseColumn && r.left < view.right;
      });
      return {
        rows: box.querySelector('table')?.getAttribute('aria-rowcount'),
        inView: inView.length,
        // A cell whose content the browser skips (content-visibility) shows as an empty box.
        blank: inView
          .filter(
            (td) => !td.querySelector('.exp-cell-answer')?.checkVisibility({ contentVisibilityAuto: true }),
          )
          .map((td) => td.dataset.cell),
      };
    }, runId);
    expect(firstFrame.rows).toBe(String(failingRows + 1));
    expect(firstFrame.inView).toBeGreaterThan(4);
    expect(firstFrame.blank).toEqual([]);
    await page.getByRole('checkbox', { name: 'Failures only' }).uncheck();
  }, 60_000);

  it("a thread's {{variables}} are filled from a form; an unfilled one blocks Send and names itself", async () => {
    const { page } = demo.app;
    const mock = demo.app.host.mock;
    if (!mock) throw new Error('demo host has a mock');
    await nav(page, 'Chats');
    await newThreadLike(page, demo.demoThreadId(), { systemPrompt: 'You help {{who}} on {{date}}.' });
    const composer = page.getByTestId('composer');
    await composer.fill('Tell me about {{city}}');
    const form = page.getByTestId('thread-variables');
    await expect
      .poll(() => form.getByRole('status').textContent(), WAIT)
      .toBe('The variables {{who}}, {{city}} have no value: fill them in before sending.');
    expect(await page.getByTestId('send-button').isDisabled()).toBe(true);

    await form.getByRole('textbox', { name: 'Value of who' }).fill('Ada');
    await form.getByRole('textbox', { name: 'Value of city' }).fill('Lyon');
    await expect.poll(() => page.getByTestId('send-button').isDisabled(), WAIT).toBe(false);
    const before = await assistantMessages(page).count();
    await composer.press('Enter');
    await expect.poll(() => assistantMessages(page).count(), WAIT).toBe(before + 1);
    const sent = mock.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.bodyText ?? '';
    const body = JSON.parse(sent) as { messages: { content: string }[] };
    expect(body.messages[0]?.content).toMatch(/^You help Ada on \d{4}-\d\d-\d\d\.$/);
    expect(body.messages[1]?.content).toBe('Tell me about Lyon');
    // What the user wrote stays as written in the thread.
    await page.getByTestId('message-list').getByText('Tell me about {{city}}').waitFor();
  });
});
