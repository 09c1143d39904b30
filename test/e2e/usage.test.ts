import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newThreadLike, send } from './chat';
import { useDemoApp } from './harness';

const demo = useDemoApp({ resetMock: false });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
const figure = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).textContent())?.replace(/[^\d.]/g, ''));

describe('the usage screen follows what the user does', () => {
  it('counts requests and tokens as they happen, failures included, and agrees with the provider’s credits', async () => {
    const { page } = demo.app;
    const mock = demo.app.host.mock;
    if (!mock) throw new Error('demo host has a mock');
    await newThreadLike(page, demo.demoThreadId(), { params: { stream: true, include_usage: true } });

    await nav(page, 'Usage');
    await page.getByTestId('usage-totals').waitFor();
    const requestsBefore = await figure(page, 'usage-total-requests');

    await nav(page, 'Chats');
    await send(page, 'First question');
    await send(page, 'Second question');
    mock.script({ status: 402, body: { error: 'CreditsExhaustedError' } });
    await send(page, 'This one fails');

    await nav(page, 'Usage');
    await expect.poll(() => figure(page, 'usage-total-requests')).toBe(requestsBefore + 3);
    const tokensShown = await figure(page, 'usage-total-tokens');
    const rows = await page.evaluate(async () => {
      const now = Date.now();
      const result = await window.api.usage.rows({ from: now - 86_400_000, to: now + 60_000, limit: 100 });
      return result.ok ? result.value.rows : [];
    });
    expect(rows.map((r) => r.status)).toContain('error');
    expect(rows.find((r) => r.status === 'error')?.errorCode).toBe('credits_exhausted');
    expect(tokensShown).toBe(rows.reduce((sum, r) => sum + r.totalTokens, 0));

    // The mock charges one credit per token in X-Credits-Consumed: the ledger must carry exactly that.
    const complete = rows.filter((r) => r.status === 'complete');
    expect(complete).toHaveLength(2);
    for (const row of complete) {
      expect(row.tokensReported).toBe(true);
      expect(row.creditsConsumed).toBe(row.totalTokens);
    }

    await page.getByTestId('usage-chart-tokens').waitFor();
    await expect
      // ECharts loads on the first chart, so the first paint may take more than a second.
      .poll(() => page.getByTestId('usage-chart-tokens').getAttribute('data-chart-ready'), {
        timeout: 15_000,
      })
      .toBe('true');
    await page.screenshot({ path: 'test-results/usage.png', fullPage: true });
  });
});
