import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

const demo = useDemoApp({ resetMock: false });

describe('the usage screen follows what the user does', () => {
  // Three answers, two screens and the first chart: more than 20 s on a loaded machine.
  it('counts requests and tokens as they happen, failures included, and agrees with the provider’s credits', async () => {
    const { page } = demo.app;
    const { threads, nav, conversation, usage } = demo.pages;
    const mock = demo.mock();
    await threads.createLike(demo.demoThreadId(), { params: { stream: true, include_usage: true } });

    await usage.open();
    await usage.totals.waitFor();
    const requestsBefore = await usage.total('requests');

    await nav.go('Chats');
    await conversation.send('First question');
    await conversation.send('Second question');
    mock.script({ status: 402, body: { error: 'CreditsExhaustedError' } });
    await conversation.send('This one fails');

    await usage.open();
    await expect.poll(() => usage.total('requests')).toBe(requestsBefore + 3);
    const tokensShown = await usage.total('tokens');
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

    await usage.chart('tokens').waitFor();
    await expect
      // ECharts loads on the first chart, so the first paint may take more than a second.
      .poll(() => usage.chartReady('tokens'), { timeout: 15_000 })
      .toBe('true');
    await page.screenshot({ path: 'test-results/usage.png', fullPage: true });
  }, 60_000);
});
